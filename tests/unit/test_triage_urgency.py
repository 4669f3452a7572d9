"""Call-back urgency from the deadline engine's dates (send_guide/triage/urgency.py)."""

import datetime as dt

from send_guide.deadlines.timeline import Event, TransferKind, deadlines_for
from send_guide.triage.urgency import Level, assess

TODAY = dt.date(2026, 11, 25)  # a Wednesday


def urgency(event: Event, on: dt.date, **details):
    return assess(deadlines_for(event, on, **details).deadlines, TODAY)


def test_safeguarding_comes_before_any_deadline() -> None:
    deadlines = deadlines_for(Event.DECISION, dt.date(2026, 9, 30)).deadlines
    assert assess(deadlines, TODAY, safeguarding=True).level is Level.IMMEDIATE
    assert assess([], TODAY, safeguarding=True).level is Level.IMMEDIATE


def test_an_appeal_window_closing_in_5_days_is_urgent_and_says_so() -> None:
    result = urgency(Event.DECISION, dt.date(2026, 9, 30))  # two months: Monday 30 November
    assert result.level is Level.URGENT
    assert "5 days" in result.reason and "30 November 2026" in result.reason and "appeal" in result.reason


def test_fourteen_days_is_urgent_fifteen_is_not() -> None:
    deadlines = deadlines_for(Event.DECISION, dt.date(2026, 9, 30)).deadlines  # appeal by 30 November
    fourteen = assess(deadlines, dt.date(2026, 11, 16))
    assert fourteen.level is Level.URGENT and "14 days" in fourteen.reason
    assert assess(deadlines, dt.date(2026, 11, 15)).level is Level.NORMAL


def test_a_draft_plan_comment_period_is_urgent() -> None:
    result = urgency(Event.DRAFT_PLAN, TODAY - dt.timedelta(days=1))
    assert result.level is Level.URGENT and "draft plan comments" in result.reason


def test_a_near_phase_transfer_is_urgent() -> None:
    result = urgency(Event.PHASE_TRANSFER, dt.date(2027, 9, 1), transfer=TransferKind.SCHOOL)
    assert result.level is Level.NORMAL  # its 15 February deadline is months away
    close = assess(deadlines_for(Event.PHASE_TRANSFER, dt.date(2027, 9, 1)).deadlines, dt.date(2027, 2, 5))
    assert close.level is Level.URGENT and "phase transfer" in close.reason


def test_a_missed_council_deadline_is_high() -> None:
    result = urgency(Event.REQUEST, dt.date(2026, 6, 1))  # decision due 13 July
    assert result.level is Level.HIGH
    assert "council is 135 days late" in result.reason and "13 July 2026" in result.reason


def test_a_family_deadline_that_has_passed_is_not_a_council_failure() -> None:
    assert urgency(Event.DECISION, dt.date(2026, 1, 5)).level is Level.NORMAL


def test_urgency_sorts_most_urgent_first() -> None:
    assert sorted([Level.NORMAL, Level.IMMEDIATE, Level.HIGH, Level.URGENT]) == [
        Level.IMMEDIATE, Level.URGENT, Level.HIGH, Level.NORMAL]
