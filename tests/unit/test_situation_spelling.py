"""Misspelt key words read as meant (send_guide/situation/spelling.py), and only those."""

import datetime as dt
import re

import pytest

from send_guide.content_files import load_content
from send_guide.situation import read
from send_guide.situation.spelling import corrected, key_words
from send_guide.situation.topic_question import situation_topic_named

TODAY = dt.date(2026, 12, 1)


@pytest.mark.parametrize(("typed", "meant"), [
    ("phase tranfer whats the process", "phase transfer whats the process"),
    ("the concil refussed the assesment", "the council refused the assessment"),
    ("he was exluded and then suspeneded", "he was excluded and then suspended"),
    ("the anual reveiw is late", "the annual review is late"),
    ("can i go to tribunel, we had medaition", "can i go to tribunal, we had mediation"),
    ("Colledge or Secondry?", "college or secondary?"),
])
def test_a_misspelt_key_word_is_read_as_meant(typed: str, meant: str) -> None:
    assert corrected(typed) == meant


@pytest.mark.parametrize("text", [
    "will the school appear at the meeting",  # a common word one letter off "appeal"
    "both appeals were about the assessments",  # a key word with an ending
    "Sarah and Imran took Bilal to the GP",  # names
    "he is sad, she said no",  # short words are never changed
    "ehcp senco sencos send",
])
def test_other_words_are_left_alone(text: str) -> None:
    assert corrected(text) == text


def test_a_typo_in_a_short_question_still_names_its_situation() -> None:
    assert situation_topic_named(read("phase tranfer whats the process", TODAY)) == "phase_transfer"
    assert situation_topic_named(read("my son got exluded from school today", TODAY)) == "exclusion"


def test_the_reading_keeps_the_corrected_text() -> None:
    assert read("tribunel deadline", TODAY).text == "tribunal deadline"


def test_every_key_word_is_a_word_the_situation_patterns_use() -> None:
    """A key word no pattern looks for would correct typos for nothing."""
    raw = load_content("situations.yml")
    patterns = " ".join(re.sub(r"\\[bsw]", " ", str(value)) for section in ("words", "stages", "points")
                        for value in raw[section].values()).lower()
    unused = [word for word in key_words() if word[:5] not in patterns]
    assert not unused, unused
