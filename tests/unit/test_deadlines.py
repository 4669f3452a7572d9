"""The deadline engine against every worked example of ../shared/ehc-timescales.md, plus the
invariants that must hold for any date (checked with hypothesis)."""

import ast
import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from send_guide.deadlines import (
    DeadlineError,
    Event,
    OrderKind,
    TransferKind,
    counting,
    deadlines_for,
    in_words,
)

D = dt.date
PACKAGE = Path(__file__).resolve().parents[2] / "send_guide" / "deadlines"


def due(event: Event, on: D, **details) -> dict[str, D]:
    return {d.rule.key: d.due for d in deadlines_for(event, on, **details).deadlines}


@pytest.mark.parametrize(("request_day", "decide", "no_plan", "final"), [
    (D(2024, 9, 2), D(2024, 10, 14), D(2024, 12, 23), D(2025, 1, 20)),  # example 1
    (D(2025, 10, 15), D(2025, 11, 26), D(2026, 2, 4), D(2026, 3, 4)),  # example 2: no Christmas extension
    (D(2025, 8, 1), D(2025, 9, 12), D(2025, 11, 21), D(2025, 12, 19)),  # example 3: August counts
])
def test_request_examples(request_day: D, decide: D, no_plan: D, final: D) -> None:
    assert due(Event.REQUEST, request_day) == {"decide_to_assess": decide, "no_plan_notice": no_plan,
                                               "final_plan": final}


def test_example_4_draft_plan_comments_do_not_roll_off_a_bank_holiday() -> None:
    assert due(Event.DRAFT_PLAN, D(2025, 12, 18)) == {"draft_plan_comments": D(2026, 1, 1)}


def test_example_5_primary_to_secondary_transfer() -> None:
    assert due(Event.PHASE_TRANSFER, D(2026, 9, 1)) == {"phase_transfer": D(2026, 2, 14)}


def test_secondary_to_post16_transfer_is_before_31_march() -> None:
    result = deadlines_for(Event.PHASE_TRANSFER, D(2026, 9, 1), transfer=TransferKind.TO_POST16)
    assert [d.due for d in result.deadlines] == [D(2026, 3, 30)]
    assert any("31 March" in caveat for caveat in result.deadlines[0].caveats)


def test_example_6_post16_transfer_clamps_to_the_end_of_february() -> None:
    assert due(Event.PHASE_TRANSFER, D(2025, 7, 31), transfer=TransferKind.POST16_TO_POST16) == {
        "post16_transfer": D(2025, 2, 28)}


@pytest.mark.parametrize(("decision", "appeal"), [
    (D(2025, 10, 31), D(2026, 1, 2)),  # example 7: Christmas window
    (D(2025, 12, 31), D(2026, 3, 2)),  # example 8: no 31 February, then a Saturday
    (D(2025, 6, 10), D(2025, 9, 1)),  # example 9: August
])
def test_appeal_examples(decision: D, appeal: D) -> None:
    assert due(Event.DECISION, decision)["appeal"] == appeal


def test_example_10_the_later_of_decision_and_certificate_applies() -> None:
    assert due(Event.DECISION, D(2025, 4, 1), certificate=D(2025, 5, 20))["appeal"] == D(2025, 6, 20)
    assert due(Event.CERTIFICATE, D(2025, 5, 20), decision=D(2025, 4, 1))["appeal"] == D(2025, 6, 20)
    # With an early certificate the decision's 2 months (rolled off Sunday 1 June) is later.
    assert due(Event.CERTIFICATE, D(2025, 4, 10), decision=D(2025, 4, 1))["appeal"] == D(2025, 6, 2)


def test_example_11_certificate_skips_good_friday_and_easter_monday() -> None:
    assert due(Event.MEDIATION_DECLINED, D(2025, 4, 16)) == {"certificate_after_declining": D(2025, 4, 23)}


def test_example_12_review_meeting() -> None:
    assert due(Event.REVIEW_MEETING, D(2025, 11, 4)) == {
        "review_meeting_notice": D(2025, 10, 21), "review_report": D(2025, 11, 18),
        "review_decision": D(2025, 12, 2), "amended_plan": D(2026, 1, 27)}


def test_amended_plan_is_the_earlier_of_8_weeks_and_12_weeks_after_the_meeting() -> None:
    assert due(Event.AMENDMENTS, D(2025, 12, 2))["amended_plan"] == D(2026, 1, 27)
    assert due(Event.AMENDMENTS, D(2025, 12, 2), review_meeting=D(2025, 11, 4))["amended_plan"] == D(2026, 1, 27)
    assert due(Event.AMENDMENTS, D(2025, 12, 16), review_meeting=D(2025, 11, 4))["amended_plan"] == D(2026, 1, 27)
    assert due(Event.AMENDMENTS, D(2025, 12, 16))["amendment_comments"] == D(2025, 12, 30)


@pytest.mark.parametrize(("order", "expected"), [
    (OrderKind.SCHOOL_NAME, {"order_school_name": D(2025, 7, 21)}),
    (OrderKind.AMEND, {"order_amend": D(2025, 8, 11)}),
    (OrderKind.MAKE_PLAN, {"order_draft_plan": D(2025, 8, 11), "order_final_plan": D(2025, 9, 22)}),
    (OrderKind.ASSESS, {"order_assess_notice": D(2025, 7, 21), "order_no_plan_notice": D(2025, 9, 15),
                        "order_final_plan": D(2025, 10, 13)}),
])
def test_example_13_tribunal_orders(order: OrderKind, expected: dict[str, D]) -> None:
    assert due(Event.TRIBUNAL_ORDER, D(2025, 7, 7), order=order) == expected


def test_example_14_annual_review_and_its_unsettled_reading() -> None:
    (review,) = deadlines_for(Event.PLAN_MADE, D(2024, 3, 15)).deadlines
    assert review.due == D(2025, 3, 14)
    assert any("does not say clearly" in caveat for caveat in review.caveats)


def test_move_counts_the_day_the_old_council_knows() -> None:
    # Monday 3 November 2025 is day 1, so day 15 is Friday 21 November.
    assert due(Event.MOVE, D(2025, 11, 3)) == {"transfer_between_councils": D(2025, 11, 21)}
    # A Saturday is not a working day, so counting starts on Monday.
    assert due(Event.MOVE, D(2025, 11, 1)) == {"transfer_between_councils": D(2025, 11, 21)}


def test_other_events() -> None:
    assert due(Event.ADVICE_REQUESTED, D(2025, 3, 3)) == {"advice_given": D(2025, 4, 14)}
    assert due(Event.MEDIATION_REQUESTED, D(2025, 3, 3)) == {"mediation_held": D(2025, 4, 2)}
    assert due(Event.MEDIATION_ENDED, D(2025, 12, 23)) == {"certificate_after_mediation": D(2025, 12, 30)}
    assert due(Event.REASSESSMENT, D(2025, 3, 3)) == {"reassessment_plan": D(2025, 6, 9)}
    cease = deadlines_for(Event.CEASE, D(2025, 3, 3))
    assert {d.rule.key for d in cease.deadlines} == {"contact_mediation_adviser", "appeal"}
    assert any("stays in place" in note for note in cease.notes)


def test_results_carry_what_a_reply_needs() -> None:
    first = deadlines_for(Event.REQUEST, D(2024, 9, 2)).deadlines[0]
    assert first.weekday == "Monday"
    assert "Monday 14 October 2024" in first.sentence
    assert first.rule.number == 1 and "regulation" in first.rule.source
    assert any("10(4)" in caveat for caveat in first.caveats)
    assert first.status(D(2024, 10, 1)) == "13 days left"
    assert first.status(D(2024, 10, 14)) == "due today"
    assert first.status(D(2024, 10, 16)) == "overdue by 2 days"
    appeal = deadlines_for(Event.DECISION, D(2025, 6, 10)).deadlines[-1]
    assert appeal.status(D(2025, 9, 2)) == "passed 1 day ago"


def test_dates_before_ehc_plans_existed_are_refused() -> None:
    with pytest.raises(DeadlineError, match="1 September 2014"):
        deadlines_for(Event.REQUEST, D(2014, 8, 31))
    with pytest.raises(DeadlineError, match="decision date"):
        deadlines_for(Event.CERTIFICATE, D(2020, 1, 6), decision=D(2013, 1, 1))


def test_in_words() -> None:
    assert in_words(D(2026, 1, 2)) == "Friday 2 January 2026"


def test_one_off_bank_holidays_come_from_the_calendar() -> None:
    assert not counting.is_working_day(D(2023, 5, 8))  # coronation of King Charles III
    assert not counting.is_working_day(D(2022, 9, 19))  # state funeral of Queen Elizabeth II
    assert counting.is_working_day(D(2023, 5, 9))


def test_engine_has_no_rasa_import() -> None:
    for path in PACKAGE.glob("*.py"):
        tree = ast.parse(path.read_text())
        modules = [alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names]
        modules += [node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)]
        assert not [m for m in modules if m.split(".")[0] in {"rasa", "rasa_sdk"}], path.name


def test_staff_command_prints_the_timeline() -> None:
    result = subprocess.run([sys.executable, "-m", "send_guide.deadlines", "request", "2025-03-03",
                             "--today", "2025-06-01"], capture_output=True, text=True, check=True)
    assert "Mon 14 Apr 2025  overdue by 48 days" in result.stdout
    assert "Mon 21 Jul 2025  50 days left" in result.stdout
    assert "regulation 10(4)" in result.stdout
    refused = subprocess.run([sys.executable, "-m", "send_guide.deadlines", "request", "2025-02-31"],
                             capture_output=True, text=True)
    assert refused.returncode == 2 and "not a date" in refused.stderr


# --- invariants -------------------------------------------------------------------------------

ehc_dates = st.dates(min_value=D(2014, 9, 1), max_value=D(2040, 12, 31))


@given(ehc_dates, st.integers(min_value=1, max_value=30))
def test_working_day_results_are_working_days(start: D, days: int) -> None:
    end = counting.add_working_days(start, days)
    assert end.weekday() < 5 and counting.bank_holiday_name(end) is None
    assert end > start


@given(ehc_dates)
def test_tribunal_deadlines_never_fall_on_a_closed_day(start: D) -> None:
    rolled = counting.tribunal_roll_forward(start)
    assert counting.is_working_day(rolled) and rolled.month != 8 and not counting.in_christmas_window(rolled)
    assert rolled >= start


@given(ehc_dates, ehc_dates, st.sampled_from(list(Event)))
def test_a_later_trigger_never_gives_an_earlier_deadline(first: D, second: D, event: Event) -> None:
    early, late = sorted((first, second))
    for a, b in zip(deadlines_for(event, early).deadlines, deadlines_for(event, late).deadlines, strict=True):
        assert a.rule.key == b.rule.key and a.due <= b.due


@given(ehc_dates, st.integers(min_value=-24, max_value=24))
def test_months_land_on_the_corresponding_day_or_the_month_end(start: D, months: int) -> None:
    end = counting.add_months(start, months)
    assert (end.year * 12 + end.month) - (start.year * 12 + start.month) == months
    next_day = end + dt.timedelta(days=1)
    assert end.day == start.day or (end.day < start.day and next_day.month != end.month)
