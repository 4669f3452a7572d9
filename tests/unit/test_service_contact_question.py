"""A question for a named service's contact details (send_guide/services/contact_question.py)."""

import pytest

from send_guide.services.contact_question import _directory, asks_for_a_named_service
from send_guide.services.search import services_named


@pytest.mark.parametrize("text", [
    "camhs phone number",
    "how do i contact camhs",
    "Penrose address please",
    "where is the Lady Zia Wernher nursery",
    "kooth website",
    "Contact a Family phone number",
    "how can i get hold of the SENDIAS team",
])
def test_a_named_service_and_a_way_to_reach_it(text: str) -> None:
    assert asks_for_a_named_service(text)


@pytest.mark.parametrize("text", [
    "what is camhs",  # a meaning, not a contact
    "my son is on the camhs waiting list, what support is there meanwhile",  # no way to reach asked
    "can camhs phone me back",  # a call back
    "who can i phone about my child's needs",  # no service named
    "What charity I can contact?",  # "Contact" is a charity's name, not here
    "where are the send surveys",  # "send" is not a slip for SENS
])
def test_not_a_named_service_contact_question(text: str) -> None:
    assert not asks_for_a_named_service(text)


def test_a_name_that_is_an_everyday_word_after_its_request_words_does_not_name_everything() -> None:
    # "Contact a Family" without "contact" and "a" is "family": it named the charity in every family's message.
    assert services_named("support for my family", _directory()) == []
    assert services_named("is there a charity that helps", _directory()) == []
