"""Telling a message the assistant cannot read from one with typos (send_guide/vocabulary.py)."""

import pytest

from send_guide.vocabulary import Vocabulary, common_english_words, is_wordless
from tests.project_files import nlu_examples

TRAINING_TEXTS = [text for examples in nlu_examples().values() for text in examples]
VOCABULARY = Vocabulary.fit(TRAINING_TEXTS, common_english_words())


@pytest.mark.parametrize("text", ["qwzx plorb zorbex 07911 123456", "blorp wibble 01234 567890",
                                  "qwerty uiop 999 888", "zzzzzz xxxxxxx"])
def test_gibberish_is_not_known(text: str) -> None:
    assert not VOCABULARY.knows_a_word_of(text)


@pytest.mark.parametrize("text", ["how do i get an ehcp", "assesment for my sun pls", "skool wont help",
                                  "ok", "07911 123456", "?", ""])
def test_real_words_typos_and_messages_too_short_to_judge_are_left_alone(text: str) -> None:
    assert VOCABULARY.knows_a_word_of(text)


@pytest.mark.parametrize("text", ["splendid", "gorgeous", "marvellous", "lovely"])
def test_common_english_words_the_training_data_never_used_are_known(text: str) -> None:
    assert not Vocabulary.fit(TRAINING_TEXTS).knows_a_word_of(text), "not in the training data"
    assert VOCABULARY.knows_a_word_of(text)


def test_a_common_word_is_known_only_as_written_not_as_a_typo() -> None:
    only_common = Vocabulary(frozenset(), common_english_words())
    assert only_common.knows_a_word_of("holiday") and not only_common.knows_a_word_of("holidya")


def test_the_trained_vocabulary_comes_back_whole(tmp_path) -> None:
    VOCABULARY.save(tmp_path)
    assert Vocabulary.load(tmp_path) == VOCABULARY


@pytest.mark.parametrize(("text", "wordless"), [
    ("😭😭😭", True), ("?????", True), ("...", True), ("🙏", True),
    ("ok", False), ("12", False), ("کیا", False), ("😭 help", False),
])
def test_a_message_of_only_emoji_or_punctuation_is_wordless(text: str, wordless: bool) -> None:
    assert is_wordless(text) is wordless
