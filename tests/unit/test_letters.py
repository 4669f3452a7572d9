"""The letter engine (send_guide/letters): every kind rests on the national fact sheet, fills every
detail or leaves a visible gap, takes its dates from the deadline engine, and refuses bad input
with a message the family can act on."""

import datetime as dt
import re
import statistics

import pytest
import textstat

from send_guide.deadlines.timeline import Event, deadlines_for, in_words
from send_guide.letters.compose import MAX_CHARS, Answers, LetterInputError, compose
from send_guide.letters.kinds import all_kinds
from send_guide.letters.letter import GAP
from send_guide.letters.text import to_text
from tests.project_files import ROOT

TODAY = dt.date(2026, 12, 3)
KINDS = sorted(all_kinds())
SHEET = " ".join((ROOT.parent / "shared" / "national-law.md").read_text(encoding="utf-8").split())
REQUIRED_KINDS = {"assessment-request", "no-decision-6-weeks", "final-plan-late", "draft-plan-comments",
                  "provision-not-delivered", "early-review", "sent-home-early", "transport-review"}
# A value for every detail of every kind, dates a long time before TODAY so every deadline has passed.
FILLED = {"your_name": "Amina Khan", "your_address": "1 High Street, Luton", "your_email": "amina@example.org",
          "your_phone": "07700 900123", "child_name": "Sam Khan", "child_birth_date": "4 May 2016",
          "setting": "Hillside Primary School", "needs": "Sam cannot read yet.", "help_so_far": "A reading group.",
          "request_date": "6 January 2025", "sent_how": "by e-mail", "assess_decision_date": "14 February 2025",
          "draft_date": "3 November 2025", "school_wanted": "Oak Special School", "changes_needs": "Add speech.",
          "changes_provision": "Speech therapy, 1 hour a week.", "missing_help": "1 hour of speech therapy a week.",
          "missing_since": "1 September 2025", "effect": "Sam is falling behind.",
          "what_changed": "Sam is being sent home.", "changed_since": "1 October 2025",
          "what_happened": "Sent home at 12 noon on 3 and 4 November 2025.", "first_date": "3 November 2025",
          "decision_date": "10 November 2025", "school": "Hillside Primary School",
          "why_cannot_walk": "Sam has no sense of danger near roads.", "evidence": "A letter from the doctor.",
          "review_meeting_date": "8 September 2025", "amendments_date": "1 October 2025",
          "decision_about": "It will not carry out an assessment."}


def _every_text(letter) -> str:
    return to_text(letter)


def test_every_kind_the_issue_names_is_there() -> None:
    assert set(KINDS) >= REQUIRED_KINDS


@pytest.mark.parametrize("key", KINDS)
def test_every_law_a_letter_relies_on_is_cited_on_the_national_fact_sheet(key: str) -> None:
    kind = all_kinds()[key]
    assert kind.law or kind.guidance
    for line in (*kind.law, *kind.guidance):
        for citation in line.sheet:
            assert " ".join(citation.split()) in SHEET, (key, citation)


@pytest.mark.parametrize("key", KINDS)
def test_a_letter_with_nothing_given_shows_a_gap_for_every_detail(key: str) -> None:
    letter = compose(key, Answers({}), TODAY)
    text = to_text(letter)
    assert "{" not in text and "}" not in text
    gaps = letter.gaps()
    for detail in all_kinds()[key].details:
        assert f"[{detail.gap}]" in gaps, detail.name
    for sender_gap in ("[your name]", "[your address]", "[your e-mail address]", "[your phone number]"):
        assert sender_gap in gaps


@pytest.mark.parametrize("key", KINDS)
def test_a_letter_with_everything_given_has_no_gap_but_the_councils_address(key: str) -> None:
    kind = all_kinds()[key]
    values = {name: FILLED[name] for name in [d.name for d in kind.details] + ["your_name", "your_address",
                                                                                 "your_email", "your_phone"]}
    letter = compose(key, Answers(values), TODAY)
    left = [gap for gap in letter.gaps() if not any(gap in line for line in (*letter.recipient, letter.greeting))]
    assert left == []
    text = to_text(letter)
    dates = {d.name for d in kind.details if d.kind == "date"}
    for name, value in values.items():
        shown = in_words(dt.datetime.strptime(value, "%d %B %Y").date()) if name in dates else value
        assert shown in text, (name, shown)


def test_the_final_plan_letter_states_the_20_week_date_from_the_deadline_engine() -> None:
    letter = compose("final-plan-late", Answers({"request_date": "6 January 2025"}), TODAY)
    due = next(d.due for d in deadlines_for(Event.REQUEST, dt.date(2025, 1, 6)).deadlines if d.rule.key == "final_plan")
    assert in_words(due) == "Monday 26 May 2025"
    assert any("That date was Monday 26 May 2025." in p for p in letter.paragraphs)
    assert any("Monday 6 January 2025" in p for p in letter.paragraphs)
    assert any("regulation 13(2)" in line for line in letter.law)


def test_the_six_week_letter_counts_from_the_day_the_council_received_the_request() -> None:
    letter = compose("no-decision-6-weeks", Answers({"request_date": "06/01/2025"}), TODAY)
    assert any("That date was Monday 17 February 2025." in p for p in letter.paragraphs)


def test_the_draft_plan_letter_counts_15_days_with_the_day_the_draft_was_sent() -> None:
    letter = compose("draft-plan-comments", Answers({"draft_date": "3 November 2025"}), dt.date(2025, 11, 5))
    assert any("by Monday 17 November 2025." in p for p in letter.paragraphs)


def test_the_assessment_request_says_when_the_council_must_decide_counted_from_today() -> None:
    letter = compose("assessment-request", Answers({}), TODAY)
    assert any("by Thursday 14 January 2027." in p for p in letter.paragraphs)


def test_a_letter_about_a_date_that_has_not_passed_yet_is_refused_with_that_date() -> None:
    with pytest.raises(LetterInputError, match="has not passed yet: it is Thursday 14 January 2027"):
        compose("no-decision-6-weeks", Answers({"request_date": "3 December 2026"}), TODAY)


@pytest.mark.parametrize("key", KINDS)
def test_a_young_person_writing_for_themselves_never_says_my_child(key: str) -> None:
    if "young_person" not in all_kinds()[key].writers:
        with pytest.raises(LetterInputError):
            compose(key, Answers({}, writer="young_person"), TODAY)
        return
    text = to_text(compose(key, Answers({}, writer="young_person"), TODAY))
    assert not re.search(r"\bmy child\b", text, re.I), key


def test_a_five_thousand_character_name_is_refused_with_a_clear_message() -> None:
    with pytest.raises(LetterInputError, match=f"too long.*at most {MAX_CHARS['text']}"):
        compose("final-plan-late", Answers({"child_name": "A" * 5000}), TODAY)


def test_html_in_a_detail_stays_literal_text() -> None:
    letter = compose("early-review", Answers({"child_name": "<script>alert(1)</script>"}), TODAY)
    assert "<script>alert(1)</script>" in letter.subject


@pytest.mark.parametrize("date", ["1/10/9999", "31/02/2025", "sometime last spring"])
def test_a_date_that_is_not_real_is_refused_with_a_clear_message(date: str) -> None:
    with pytest.raises(LetterInputError, match="real date"):
        compose("final-plan-late", Answers({"request_date": date}), TODAY)


def test_a_date_after_today_is_refused() -> None:
    with pytest.raises(LetterInputError, match="after today"):
        compose("final-plan-late", Answers({"child_birth_date": "4 May 2027"}), TODAY)


def test_a_line_break_in_a_name_cannot_start_a_line_of_its_own() -> None:
    letter = compose("early-review", Answers({"your_name": "Amina\nDear council, ignore this"}), TODAY)
    assert "\n" not in letter.sender[0]


def test_an_unknown_kind_is_refused_by_name() -> None:
    with pytest.raises(LetterInputError, match="no letter called"):
        compose("<b>bad</b>", Answers({}), TODAY)


def test_the_letters_own_words_read_at_grade_8_or_below() -> None:
    """Median Flesch-Kincaid grade of every paragraph of every kind, with its gaps (the family's
    own words are theirs)."""
    grades = []
    for key in KINDS:
        for writer in all_kinds()[key].writers:
            for paragraph in compose(key, Answers({}, writer=writer), TODAY).paragraphs:
                words = GAP.sub("it", paragraph)
                grades.append(textstat.flesch_kincaid_grade(words))
    assert statistics.median(grades) <= 8, statistics.median(grades)
