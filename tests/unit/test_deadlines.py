"""The deadline engine against every worked example of ../shared/ehc-timescales.md, plus the
invariants that must hold for any date (checked with hypothesis)."""

import datetime as dt
import subprocess
import sys

import pytest
from hypothesis import assume, given
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


@pytest.mark.parametrize(("made", "review"), [
    (D(2024, 2, 29), D(2025, 2, 28)),  # 12 months starting with 29 February run to the end of February
    (D(2028, 2, 29), D(2029, 2, 28)),
    (D(2024, 2, 28), D(2025, 2, 27)),  # an ordinary day: the day before the corresponding date
    (D(2025, 3, 1), D(2026, 2, 28)),
])
def test_a_plan_made_on_29_february_is_reviewed_by_28_february(made: D, review: D) -> None:
    assert due(Event.PLAN_MADE, made) == {"annual_review": review}


# --- the tribunal's own time rule, written out as a second, independent calculator -----------
# Tribunal Procedure (First-tier Tribunal) (HESC) Rules 2008, rule 12:
#   (2) a time for doing an act that ends on a day other than a working day is met if the act is
#       done on the next working day;
#   (3)(a) in a special educational needs case, if the time for starting proceedings (the appeal)
#       ends on a day from 25th December to 1st January inclusive, or on any day in August, the
#       appeal is in time on the first working day after 1st January or 31st August, as appropriate.
# The extension depends on the day the period itself ends, and is applied once.

def first_working_day_after(day: D) -> D:
    day += dt.timedelta(days=1)
    while not counting.is_working_day(day):
        day += dt.timedelta(days=1)
    return day


def rule_12_last_day(period_ends: D) -> D:
    if (period_ends.month, period_ends.day) >= (12, 25):
        return first_working_day_after(D(period_ends.year + 1, 1, 1))
    if (period_ends.month, period_ends.day) == (1, 1):
        return first_working_day_after(period_ends)
    if period_ends.month == 8:
        return first_working_day_after(D(period_ends.year, 8, 31))
    if counting.is_working_day(period_ends):
        return period_ends
    return first_working_day_after(period_ends)


def test_the_appeal_day_follows_rule_12_for_every_day_from_2014_to_2040() -> None:
    day, wrong = D(2014, 9, 1), []
    while day <= D(2040, 12, 31):
        if counting.tribunal_roll_forward(day) != rule_12_last_day(day):
            wrong.append(day)
        day += dt.timedelta(days=1)
    assert wrong == []


@pytest.mark.parametrize(("event", "on", "details", "appeal"), [
    # 2 months end on Saturday 31 July 2027: the next working day is Monday 2 August, not September.
    (Event.DECISION, D(2027, 5, 31), {}, D(2027, 8, 2)),
    # Saturday 23 / Sunday 24 December 2028: Christmas and Boxing Day are skipped, not January.
    (Event.DECISION, D(2028, 10, 23), {}, D(2028, 12, 27)),
    (Event.DECISION, D(2028, 10, 24), {}, D(2028, 12, 27)),
    (Event.CERTIFICATE, D(2028, 11, 23), {}, D(2028, 12, 27)),
    (Event.CERTIFICATE, D(2028, 11, 24), {}, D(2028, 12, 27)),
    # The decision's 2 months (Monday 2 August) is later than the certificate's month (22 July).
    (Event.CERTIFICATE, D(2027, 6, 22), {"decision": D(2027, 5, 31)}, D(2027, 8, 2)),
    # A period that really ends in August or on 25 December still gets the tribunal's extension.
    (Event.DECISION, D(2027, 6, 1), {}, D(2027, 9, 1)),
    (Event.DECISION, D(2028, 10, 25), {}, D(2029, 1, 2)),
])
def test_a_weekend_before_august_or_christmas_moves_the_appeal_day_once(event: Event, on: D, details: dict,
                                                                      appeal: D) -> None:
    assert due(event, on, **details)["appeal"] == appeal


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


@pytest.mark.parametrize(("move", "kind"), [
    (D(2013, 9, 2), TransferKind.SCHOOL),
    (D(2014, 9, 1), TransferKind.SCHOOL),  # its deadline, 14 February 2014, came before EHC plans
    (D(2014, 9, 1), TransferKind.TO_POST16),
    (D(2015, 1, 15), TransferKind.POST16_TO_POST16),  # 5 months before: 15 August 2014
])
def test_a_school_move_whose_deadline_came_before_ehc_plans_is_refused(move: D, kind: TransferKind) -> None:
    with pytest.raises(DeadlineError, match="1 September 2014"):
        deadlines_for(Event.PHASE_TRANSFER, move, transfer=kind)


def test_a_transfer_deadline_after_the_move_itself_is_flagged() -> None:
    (deadline,) = deadlines_for(Event.PHASE_TRANSFER, D(2026, 1, 5)).deadlines
    assert deadline.due == D(2026, 2, 14)
    assert "not before the move you gave (Monday 5 January 2026)" in deadline.caveats[0]
    (usual,) = deadlines_for(Event.PHASE_TRANSFER, D(2026, 9, 1)).deadlines
    assert not any("not before the move" in caveat for caveat in usual.caveats)


TODAY = D(2026, 12, 1)


@pytest.mark.parametrize(("event", "on", "details"), [
    (Event.REQUEST, D(9999, 8, 14), {}),
    (Event.PLAN_MADE, D(9999, 1, 1), {}),
    (Event.DECISION, D(9999, 10, 25), {}),
    (Event.DECISION, D(2025, 4, 1), {"certificate": D(9999, 12, 31)}),
    (Event.AMENDMENTS, D(2025, 12, 2), {"review_meeting": D(9999, 12, 31)}),
    (Event.REQUEST, D(2030, 1, 1), {}),  # more than 3 years ahead
    (Event.PHASE_TRANSFER, D(2034, 9, 1), {}),  # more than 7 years ahead
])
def test_dates_too_far_ahead_are_refused_in_words(event: Event, on: D, details: dict) -> None:
    with pytest.raises(DeadlineError, match="years from today"):
        deadlines_for(event, on, today=TODAY, **details)


def test_dates_a_few_years_ahead_are_still_worked_out() -> None:
    assert deadlines_for(Event.REQUEST, D(2029, 11, 30), today=TODAY).deadlines
    assert deadlines_for(Event.PHASE_TRANSFER, D(2033, 9, 1), today=TODAY).deadlines  # from Reception


@pytest.mark.parametrize("event", list(Event))
def test_the_end_of_the_calendar_is_an_error_in_words_never_a_crash(event: Event) -> None:
    try:
        timeline = deadlines_for(event, D(9999, 12, 31))
    except DeadlineError as error:
        assert "too far in the future" in str(error)
    else:  # a school move's fixed date falls before the move, so it can still be worked out
        assert event is Event.PHASE_TRANSFER and timeline.deadlines[0].due == D(9999, 2, 14)


@pytest.mark.parametrize(("event", "details", "named"), [
    (Event.REQUEST, {"certificate": D(2025, 2, 1)}, "certificate date"),
    (Event.DECISION, {"decision": D(2025, 2, 1)}, "decision date"),
    (Event.REQUEST, {"transfer": TransferKind.TO_POST16}, "kind of move"),
    (Event.DRAFT_PLAN, {"order": OrderKind.AMEND}, "kind of tribunal order"),
    (Event.REVIEW_MEETING, {"review_meeting": D(2025, 2, 1)}, "review meeting date"),
])
def test_a_detail_that_does_not_go_with_the_event_is_refused(event: Event, details: dict, named: str) -> None:
    with pytest.raises(DeadlineError, match=f"The {named} does not go with"):
        deadlines_for(event, D(2025, 1, 6), **details)


def test_in_words() -> None:
    assert in_words(D(2026, 1, 2)) == "Friday 2 January 2026"


def test_one_off_bank_holidays_come_from_the_calendar() -> None:
    assert not counting.is_working_day(D(2023, 5, 8))  # coronation of King Charles III
    assert not counting.is_working_day(D(2022, 9, 19))  # state funeral of Queen Elizabeth II
    assert counting.is_working_day(D(2023, 5, 9))


def test_staff_command_prints_the_timeline() -> None:
    result = subprocess.run([sys.executable, "-m", "send_guide.deadlines", "request", "2025-03-03",
                             "--today", "2025-06-01"], capture_output=True, text=True, check=True)
    assert "Mon 14 Apr 2025  overdue by 48 days" in result.stdout
    assert "Mon 21 Jul 2025  50 days left" in result.stdout
    assert "regulation 10(4)" in result.stdout
    refused = subprocess.run([sys.executable, "-m", "send_guide.deadlines", "request", "2025-02-31"],
                             capture_output=True, text=True)
    assert refused.returncode == 2 and "not a date" in refused.stderr


def staff_command(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "send_guide.deadlines", *args, "--today", "2026-12-01"],
                          capture_output=True, text=True)


@pytest.mark.parametrize("args", [
    ("request", "9999-08-14"),
    ("plan-made", "9999-01-01"),
    ("decision", "9999-10-25"),
    ("decision", "2025-04-01", "--certificate", "9999-12-31"),
    ("amendments", "2025-12-02", "--review-meeting", "9999-12-31"),
])
def test_staff_command_refuses_far_future_dates_in_words(args: tuple[str, ...]) -> None:
    result = staff_command(*args)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "more than 3 years from today" in result.stderr


def test_staff_command_refuses_an_option_the_event_does_not_use() -> None:
    result = staff_command("request", "2025-01-01", "--certificate", "2025-02-01")
    assert result.returncode == 2 and 'The certificate date does not go with "request"' in result.stderr
    assert staff_command("phase-transfer", "2026-09-01", "--order", "assess").returncode == 2
    assert staff_command("phase-transfer", "2026-09-01", "--transfer", "to-post16").returncode == 0


def test_staff_command_gives_the_appeal_day_of_rule_12() -> None:
    result = staff_command("decision", "2027-05-31")
    assert result.returncode == 0 and "Mon 02 Aug 2027" in result.stdout and "Sep 2027" not in result.stdout


# --- invariants -------------------------------------------------------------------------------

ehc_dates = st.dates(min_value=D(2014, 9, 1), max_value=D(2040, 12, 31))


@given(ehc_dates, st.integers(min_value=1, max_value=30))
def test_working_day_results_are_working_days(start: D, days: int) -> None:
    end = counting.add_working_days(start, days)
    assert end.weekday() < 5 and counting.bank_holiday_name(end) is None
    assert end > start


@given(ehc_dates)
def test_tribunal_deadlines_are_working_days_on_or_after_the_period_end(start: D) -> None:
    rolled = counting.tribunal_roll_forward(start)
    assert counting.is_working_day(rolled) and rolled >= start
    assert (rolled.month == 8) <= (start.month == 7)  # in August only when the period ended in July


@given(ehc_dates, ehc_dates, st.sampled_from(list(Event)))
def test_a_later_trigger_never_gives_an_earlier_deadline(first: D, second: D, event: Event) -> None:
    early, late = sorted((first, second))
    try:
        earlier = deadlines_for(event, early).deadlines
    except DeadlineError:  # a school move so early that its deadline came before EHC plans
        assume(False)
    for a, b in zip(earlier, deadlines_for(event, late).deadlines, strict=True):
        assert a.rule.key == b.rule.key and a.due <= b.due


@given(ehc_dates, st.integers(min_value=-24, max_value=24))
def test_months_land_on_the_corresponding_day_or_the_month_end(start: D, months: int) -> None:
    end = counting.add_months(start, months)
    assert (end.year * 12 + end.month) - (start.year * 12 + start.month) == months
    next_day = end + dt.timedelta(days=1)
    assert end.day == start.day or (end.day < start.day and next_day.month != end.month)
