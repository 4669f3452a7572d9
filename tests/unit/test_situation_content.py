"""The situations' answers (send_guide/content/situations.yml) keep the rules every answer keeps
(docs/CONTENT_STYLE.md): short, plain, acronyms expanded, a next step and a contact, the law they
state cited on the national law sheet, and a known source."""

import re

import pytest

from send_guide.contacts import fill_contacts
from send_guide.situation.catalogue import catalogue
from send_guide.situation.reply import more
from send_guide.topics import catalogue as topics
from tests.law_lines import NATIONAL_LAW, answer_citations, on_sheet, sheet_citations

STAGES = catalogue().stages
ANSWER_WORDS = 130
MORE_WORDS = 220
LONGEST_SENTENCE = 30


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+|\n+", text) if s.strip()]


@pytest.mark.parametrize("stage", STAGES, ids=lambda s: s.key)
def test_answer_is_short_plain_and_ends_with_a_next_step_and_contact(stage) -> None:
    assert len(stage.answer.split()) <= ANSWER_WORDS, f"{stage.key}: {len(stage.answer.split())} words"
    assert len(stage.more.split()) <= MORE_WORDS
    for text in (stage.answer, stage.more, stage.aside, stage.when_asked):
        longest = max(sentences(text), key=lambda s: len(s.split()))
        assert len(longest.split()) <= LONGEST_SENTENCE, f"{stage.key}: {longest}"
    last = stage.answer.splitlines()[-1]
    assert last.startswith("Next step:") and "{contact_" in last, f"{stage.key} ends without a next step and contact"
    assert "{contact_" in stage.more, f"{stage.key}: 'Tell me more' has no contact"


@pytest.mark.parametrize("stage", STAGES, ids=lambda s: s.key)
def test_acronyms_are_expanded_in_the_answer(stage) -> None:
    """Every answer is read alone: the first EHC, SENCO or SENDIAS in it comes with its long form."""
    long_forms = {"EHC plan": "Education, Health and Care plan", "SENCO": "Special Educational Needs Co-ordinator",
                  "SENDIAS": "Special Educational Needs and Disabilities Information",
                  "SEND Tribunal": "Special Educational Needs and Disability Tribunal"}
    for short, long in long_forms.items():
        if short in stage.answer:
            assert long in stage.answer, f"{stage.key} uses {short} without {long}"
            assert stage.answer.index(long) < stage.answer.index(short) + len(short) + 80


@pytest.mark.skipif(not NATIONAL_LAW.is_file(), reason="the national law sheet (../shared) is not beside this clone")
def test_every_law_a_situation_cites_is_on_the_national_law_sheet() -> None:
    sheet = sheet_citations(NATIONAL_LAW.read_text(encoding="utf-8"))
    laws = [(stage.key, stage.law) for stage in STAGES] + [(p.key, p.law) for p in catalogue().points]
    cited = [(key, citation) for key, law in laws if law for citation in answer_citations(law)]
    assert len(cited) > 20
    missing = [(key, citation) for key, citation in cited if not on_sheet(citation, sheet)]
    assert not missing, f"not on shared/national-law.md: {missing}"


@pytest.mark.parametrize("stage", STAGES, ids=lambda s: s.key)
def test_buttons_name_real_topics_and_tell_me_more_works(stage) -> None:
    for intent in stage.topics:
        assert topics().get(intent) is not None, f"{stage.key}: no topic {intent}"
    text = more(stage.key)
    assert text is not None and "Source: " in text and "{" not in text


def test_a_contact_with_no_number_is_never_left_as_a_placeholder() -> None:
    for stage in STAGES:
        assert "{" not in fill_contacts(stage.answer + stage.more)
