"""What a call-back case fills in a letter an adviser makes from it (send_guide/letters/from_case.py,
send_guide/triage/cases.py case_dates)."""

import datetime as dt
import json

from send_guide.deadlines.timeline import Event
from send_guide.letters.compose import Answers, compose
from send_guide.letters.from_case import details_from_case
from send_guide.letters.kinds import all_kinds
from send_guide.triage.cases import case_dates, key_date_line
from send_guide.triage.model import TriageCase

TODAY = dt.date(2026, 12, 3)
CONTACT = {"name": "Amina Khan", "phone": "07700 900123", "email": ""}


def a_case(key_dates: list[str] = (), situation: dict | None = None) -> TriageCase:
    return TriageCase(key_dates="\n".join(key_dates), situation=json.dumps(situation) if situation else "")


def test_the_key_date_lines_the_call_back_form_writes_are_read_back() -> None:
    lines = [key_date_line(Event.REQUEST, dt.date(2025, 1, 6)), key_date_line(Event.DRAFT_PLAN, dt.date(2026, 11, 16)),
             key_date_line(Event.PLAN_MADE, dt.date(2024, 3, 1))]
    assert lines[0] == "request: Monday 6 January 2025" and lines[2].startswith("plan made: ")
    assert case_dates(a_case(lines)) == {Event.REQUEST: dt.date(2025, 1, 6), Event.DRAFT_PLAN: dt.date(2026, 11, 16),
                                         Event.PLAN_MADE: dt.date(2024, 3, 1)}


def test_the_familys_answer_comes_before_the_reading_and_only_exact_days_are_taken() -> None:
    situation = {"dates": [{"event": "request", "exact": True, "date": "2025-02-10"},
                           {"event": "draft-plan", "exact": False, "date": "2026-11-01"},
                           {"event": "decision", "exact": True, "date": "2026-10-05"},
                           {"event": "no-such-event", "exact": True, "date": "2026-10-05"},
                           {"event": "move", "exact": True, "date": "not a date"}, "damaged"]}
    dates = case_dates(a_case(["request: Monday 6 January 2025", "request: nonsense", "a line of its own"], situation))
    assert dates == {Event.REQUEST: dt.date(2025, 1, 6), Event.DECISION: dt.date(2026, 10, 5)}
    assert case_dates(TriageCase(key_dates="", situation="{not json")) == {}


def test_a_case_fills_the_date_each_deadline_counts_from_and_the_senders_lines() -> None:
    kind = all_kinds()["final-plan-late"]
    values = details_from_case(kind, {Event.REQUEST: dt.date(2025, 1, 6), Event.DRAFT_PLAN: dt.date(2026, 11, 16)},
                               CONTACT)
    assert values == {"request_date": "Monday 6 January 2025", "your_name": "Amina Khan", "your_phone": "07700 900123"}
    letter = compose(kind.key, Answers(values), TODAY)
    text = " ".join(letter.paragraphs)
    # The worked example in the README: a request received on 6 January 2025 gives 26 May 2025.
    assert "That date was Monday 26 May 2025." in text
    assert letter.sender[0] == "Amina Khan" and "[your e-mail address]" in letter.sender


def test_the_draft_plan_letter_takes_the_draft_date_and_a_letter_without_dates_only_the_sender() -> None:
    dates = {Event.DRAFT_PLAN: dt.date(2026, 11, 25)}
    draft = details_from_case(all_kinds()["draft-plan-comments"], dates, {})
    assert draft == {"draft_date": "Wednesday 25 November 2026"}
    assert details_from_case(all_kinds()["sent-home-early"], dates, CONTACT) == {
        "your_name": "Amina Khan", "your_phone": "07700 900123"}
