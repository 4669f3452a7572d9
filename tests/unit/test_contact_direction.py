"""Who is to call whom (send_guide/contact_direction.py), on the two intents' own training examples
and on messages written for this test."""

import pytest

from send_guide.contact_direction import asks_to_be_contacted
from tests.project_files import nlu_examples


def test_every_call_back_example_asks_to_be_contacted_and_no_talk_to_a_person_one_does() -> None:
    examples = nlu_examples()
    assert all(asks_to_be_contacted(text) for text in examples["request_callback"])
    assert not any(asks_to_be_contacted(text) for text in examples["talk_to_person"])


@pytest.mark.parametrize("text", [
    "my english is not good, can somebody from sendias phone us?",
    "Please could an adviser give me a call on Tuesday",
    "i cant talk at work, get back to us by e-mail",
    "ask them to get in touch, I have been waiting weeks",
    "I would like to book a phone call with someone",
])
def test_asks_to_be_called(text: str) -> None:
    assert asks_to_be_contacted(text)


@pytest.mark.parametrize("text", [
    "what number do I ring to speak to someone",
    "how can I get in touch with SENDIAS",
    "I called them twice and nobody answered, can I talk to a real person",
    "give me the phone number please",
])
def test_wants_a_number_to_call(text: str) -> None:
    assert not asks_to_be_contacted(text)
