"""A message about harm, abuse or suicide gets the crisis contacts first, in every language path:
English, each language by its own patterns, a language only the multilingual classifier knows,
and a language picked in the widget. The reply names the routes for a child at risk and for
domestic abuse, and never shows a contact the council has still to give."""

import pytest

from send_guide.contacts import contact, phone
from tests.e2e.test_multilingual import CRISIS_MESSAGES, notice, post

ROUTES = ("999", phone("samaritans"), phone("childline"), phone("nspcc"), phone("domestic_abuse"))


def assert_crisis_contacts_first(replies: list) -> None:
    first = replies[0]["text"]
    assert first.startswith("If you or a child are in danger now, phone 999"), first
    for number in ROUTES:
        assert number in first, number
    assert "{" not in first, "every contact filled in"
    if not contact("luton_childrens_services").phone:
        assert "children's services" not in first.lower(), "no line for a number not given yet"


@pytest.mark.parametrize("message", [
    "my partner hits me and I am scared for my kids, what can I do",
    "I think my daughter is being abused by someone at home",
    "my son said he wants to kill himself, and what is an EHCP?",
])
def test_english_harm_gets_every_crisis_route_first(assistant, message: str) -> None:
    assert_crisis_contacts_first(post(assistant.webhook, message))


@pytest.mark.parametrize("code,message", CRISIS_MESSAGES)
def test_harm_in_another_language_gets_every_crisis_route_first(assistant, code: str, message: str) -> None:
    replies = post(assistant.webhook, message)
    assert_crisis_contacts_first(replies)
    assert replies[1]["text"] == notice(code, "crisis_follows")


def test_harm_with_a_language_picked_in_the_widget_gets_every_crisis_route_first(assistant) -> None:
    replies = post(assistant.webhook, "my husband beats me", language="ur")
    assert_crisis_contacts_first(replies)
    assert replies[1]["text"] == notice("ur", "crisis_follows") and replies[1]["lang"] == "ur"
