"""Greetings, farewells, thank-yous, yeses and noes by their words (send_guide/small_talk.py): every language
file's lists, whole messages only, and agreement with the training data."""

import pytest

from send_guide.content_files import load_content
from send_guide.languages.replies import available_languages
from send_guide.small_talk import small_talk
from tests.project_files import nlu_examples

KINDS = {"greetings": "greet", "farewells": "goodbye", "thanks": "thanks", "agreements": "affirm", "refusals": "deny"}


def listed() -> list[tuple[str, str, str]]:
    """(language, phrase, intent) for every phrase of every language file and its Latin-letter part."""
    rows = []
    for code in available_languages():
        content = load_content(f"languages/{code}.yml")
        for source in (content, content.get("romanised") or {}):
            rows += [(code, phrase, intent) for key, intent in KINDS.items() for phrase in source.get(key) or []]
    return rows


def test_every_language_file_lists_each_kind() -> None:
    found = {(code, intent) for code, _, intent in listed()}
    assert found == {(code, intent) for code in available_languages() for intent in KINDS.values()}


@pytest.mark.parametrize("code,phrase,intent", listed())
def test_each_listed_phrase_alone_is_its_kind(code: str, phrase: str, intent: str) -> None:
    assert small_talk(phrase) == intent


@pytest.mark.parametrize("text,intent", [
    ("Hiii!!", "greet"),  # letters repeated, punctuation
    ("hello there 😊", "greet"),
    ("Good morning everyone", "greet"),
    ("السلام عليكم", "greet"),  # Arabic letters for the Urdu file's "السلام علیکم"
    ("ok thanks bye x", "goodbye"),  # a thank-you beside a farewell is part of it
    ("That's all for today, take care", "goodbye"),
    ("Allah Hafiz", "goodbye"),
    ("cheers mate", "thanks"),
    ("Dziękuję!", "thanks"),
    ("yes please", "affirm"),
    ("no thanks", "deny"),  # a thank-you beside a no is part of it
    ("ji nahi", "deny"),
])
def test_a_whole_message_of_small_talk(text: str, intent: str) -> None:
    assert small_talk(text) == intent


@pytest.mark.parametrize("text", [
    "hi, my son was refused an assessment",  # a greeting before a question is a question
    "hello, can you help me",
    "thanks that helps",  # about the answer: the classifier's to decide
    "hi bye",  # both: nothing decided
    "yes no",
    "no it didn't",  # about the answer: the classifier's to decide
    "ok",  # courtesies alone decide nothing
    "I am done",  # not a farewell on its own: it may be despair
    "goodbye cruel world",
    "bye forever",
    "",
    "!!!",
    "hello " * 40,  # past the length no small talk reaches: not read word by word
])
def test_not_small_talk(text: str) -> None:
    assert small_talk(text) is None


def test_no_training_example_of_another_intent_is_small_talk() -> None:
    claimed = {(intent, text, small_talk(text)) for intent, texts in nlu_examples().items() for text in texts}
    assert {row for row in claimed if row[2] and row[2] != row[0]} == set()
