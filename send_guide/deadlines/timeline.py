"""Events in an EHC case and the deadlines each one starts.

`deadlines_for(event, on, ...)` is the one entry point the conversation and the staff command use.
It never moves a date silently: anything that could move it is a caveat on the result.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum

from send_guide.deadlines import counting
from send_guide.deadlines.rules import PLAN_CONTINUES, RULES, Party, Rule

Date = dt.date

# EHC plans replaced statements on 1 September 2014 (Children and Families Act 2014, Part 3).
EHC_SYSTEM_START = Date(2014, 9, 1)


class Event(Enum):
    """What happened, in the words a staff member would type on the command line."""

    REQUEST = "request"  # request for an EHC needs assessment received
    ADVICE_REQUESTED = "advice"  # council asked a professional for advice
    DRAFT_PLAN = "draft-plan"  # draft plan served
    PLAN_MADE = "plan-made"  # plan made or last reviewed
    REVIEW_MEETING = "review-meeting"
    AMENDMENTS = "amendments"  # proposed amendments served after a review
    PHASE_TRANSFER = "phase-transfer"  # date of the move to the next school phase
    DECISION = "decision"  # decision letter that carries appeal rights
    CEASE = "cease"  # decision to stop the plan
    CERTIFICATE = "certificate"  # mediation certificate issued
    MEDIATION_DECLINED = "mediation-declined"
    MEDIATION_REQUESTED = "mediation-requested"
    MEDIATION_ENDED = "mediation-ended"
    TRIBUNAL_ORDER = "tribunal-order"
    MOVE = "move"  # old council learns the family has moved
    REASSESSMENT = "reassessment"  # notice of a re-assessment


class TransferKind(Enum):
    """Phase transfers have different fixed dates (SEND Regulations 2014, regulation 18)."""

    SCHOOL = "school"  # early years to school, infant to junior, primary to secondary, and so on
    TO_POST16 = "to-post16"  # secondary school to a post-16 setting
    POST16_TO_POST16 = "post16-to-post16"


class OrderKind(Enum):
    """What the tribunal ordered (SEND Regulations 2014, regulation 44)."""

    ASSESS = "assess"
    MAKE_PLAN = "make-plan"
    AMEND = "amend"
    SCHOOL_NAME = "school-name"


# How far ahead of today a date can sensibly be. A move to a new school is planned years ahead
# (from Reception to secondary school is about 7 years); any other date more than 3 years
# ahead is a typing slip, and far enough ahead the calendar itself runs out.
YEARS_AHEAD = 3
# The EHC timescales reference, row 4: the draft plan itself has no date in law.
DRAFT_PLAN_TIMING = "In practice it often comes in weeks 14 to 16."
YEARS_AHEAD_FOR = {Event.PHASE_TRANSFER: 7}


class DeadlineError(ValueError):
    """An input the engine cannot turn into a deadline; the message is fit to show a user."""


@dataclass(frozen=True)
class Deadline:
    rule: Rule
    due: Date
    trigger: Date
    notes: tuple[str, ...] = ()

    @property
    def weekday(self) -> str:
        return self.due.strftime("%A")

    @property
    def sentence(self) -> str:
        return self.rule.duty.format(date=in_words(self.due))

    @property
    def caveats(self) -> tuple[str, ...]:
        return self.notes + self.rule.caveats

    def days_left(self, today: Date) -> int:
        """Days from today to the due date; negative once it has passed."""
        return (self.due - today).days

    def status(self, today: Date) -> str:
        left = self.days_left(today)
        if left > 0:
            return f"{days(left)} left"
        if left == 0:
            return "due today"
        if self.rule.party is Party.FAMILY:
            return f"passed {days(-left)} ago"
        return f"overdue by {days(-left)}"


@dataclass(frozen=True)
class Timeline:
    event: Event
    on: Date
    deadlines: tuple[Deadline, ...]
    notes: tuple[str, ...] = field(default=())


def days(count: int) -> str:
    return f"{count} day{'s' if count != 1 else ''}"


def in_words(day: Date) -> str:
    """"Monday 14 October 2024": the date spelt out, so a misread date is easy to spot."""
    return f"{day.strftime('%A')} {day.day} {day.strftime('%B %Y')}"


def latest_plausible(event: Event, today: Date) -> Date:
    """The furthest-ahead date the engine accepts for `event`, counted from `today`."""
    try:
        return counting.add_months(today, 12 * YEARS_AHEAD_FOR.get(event, YEARS_AHEAD))
    except ValueError:  # today is within a few years of the calendar's end
        return Date.max


def _check(on: Date, what: str = "date", *, event: Event | None = None, today: Date | None = None) -> None:
    if on < EHC_SYSTEM_START:
        raise DeadlineError(
            f"The {what} {in_words(on)} is before 1 September 2014. Education, Health and Care (EHC) plans "
            "started on that day, so these time limits do not apply to it."
        )
    if today is not None and event is not None and on > latest_plausible(event, today):
        years = YEARS_AHEAD_FOR.get(event, YEARS_AHEAD)
        raise DeadlineError(
            f"The {what} {in_words(on)} is more than {years} years from today. "
            "Please check the year and type the date again."
        )


def check_date(event: Event | None, on: Date, today: Date) -> None:
    """Raise DeadlineError (with words fit for a user) if `on` cannot be the date of `event`:
    before EHC plans existed, or too far ahead. With the event not known yet, the widest limit.

    The conversation asks this before it accepts a date; the full calculation (deadlines_for)
    checks the rest, such as a school move whose deadline came before EHC plans existed.
    """
    _check(on, event=event or Event.PHASE_TRANSFER, today=today)  # the event allowed furthest ahead


def _deadline(key: str, due: Date, trigger: Date, *notes: str) -> Deadline:
    return Deadline(RULES[key], due, trigger, tuple(notes))


def _appeal(decision: Date | None, certificate: Date | None) -> Deadline:
    """Rule 19: 2 months from the decision or 1 month from the certificate, whichever is later."""
    options = []
    if decision is not None:
        options.append((counting.tribunal_roll_forward(counting.add_months(decision, 2)), decision))
    if certificate is not None:
        options.append((counting.tribunal_roll_forward(counting.add_months(certificate, 1)), certificate))
    due, trigger = max(options)
    notes = []
    if decision is None:
        notes.append("If 2 months from the decision letter ends later than this, that later date applies.")
    elif certificate is None:
        notes.append("If you get a mediation certificate, you have at least 1 month from the day it is issued.")
    return _deadline("appeal", due, trigger, *notes)


def deadlines_for(
    event: Event,
    on: Date,
    *,
    transfer: TransferKind | None = None,
    order: OrderKind | None = None,
    decision: Date | None = None,
    certificate: Date | None = None,
    review_meeting: Date | None = None,
    today: Date | None = None,
) -> Timeline:
    """Every deadline that `event` on `on` starts, earliest first.

    The optional details are the ones some events need: the kind of phase transfer (school by
    default) or tribunal order (make a plan by default), the decision date that goes with a
    mediation certificate, the review meeting that goes with proposed amendments. A detail given
    for an event it does not belong to is refused, not ignored. With `today`, dates too far ahead
    to be real are refused too.
    """
    details = {"transfer": transfer, "order": order, "decision": decision, "certificate": certificate,
               "review_meeting": review_meeting}
    wrong = [name for name, value in details.items()
             if value is not None and event not in DETAIL_EVENTS[name]]
    if wrong:
        raise DeadlineError(_not_for_event(wrong, event))
    _check(on, event=event, today=today)
    for extra, what in ((decision, "decision date"), (certificate, "certificate date"),
                        (review_meeting, "review meeting date")):
        if extra is not None:
            _check(extra, what, event=event, today=today)
    try:
        return _timeline(event, on, transfer or TransferKind.SCHOOL, order or OrderKind.MAKE_PLAN,
                         decision, certificate, review_meeting)
    except DeadlineError:
        raise
    except (OverflowError, ValueError) as error:  # a date near the end of the calendar
        raise DeadlineError(
            f"The date {in_words(on)} is too far in the future to work out. Please check the year."
        ) from error


# Which events each optional detail belongs to, and its name in a message.
DETAIL_EVENTS: dict[str, frozenset[Event]] = {
    "transfer": frozenset({Event.PHASE_TRANSFER}),
    "order": frozenset({Event.TRIBUNAL_ORDER}),
    "decision": frozenset({Event.CERTIFICATE}),
    "certificate": frozenset({Event.DECISION, Event.CEASE}),
    "review_meeting": frozenset({Event.AMENDMENTS}),
}
DETAIL_NAMES = {"transfer": "kind of move", "order": "kind of tribunal order", "decision": "decision date",
                "certificate": "certificate date", "review_meeting": "review meeting date"}


def _not_for_event(details: list[str], event: Event) -> str:
    return " ".join(
        f'The {DETAIL_NAMES[name]} does not go with "{event.value}". It goes with: '
        + ", ".join(sorted(e.value for e in DETAIL_EVENTS[name])) + "."
        for name in details)


def _timeline(event: Event, on: Date, transfer: TransferKind, order: OrderKind, decision: Date | None,
              certificate: Date | None, review_meeting: Date | None) -> Timeline:
    notes: tuple[str, ...] = ()
    weeks = counting.add_weeks
    match event:
        case Event.REQUEST:
            found = [_deadline("decide_to_assess", weeks(on, 6), on),
                     _deadline("no_plan_notice", weeks(on, 16), on),
                     _deadline("final_plan", weeks(on, 20), on)]
            notes = ("There is no fixed date for the draft plan. " + DRAFT_PLAN_TIMING,)
        case Event.ADVICE_REQUESTED:
            found = [_deadline("advice_given", weeks(on, 6), on)]
        case Event.DRAFT_PLAN:
            found = [_deadline("draft_plan_comments", counting.period_beginning_with(on, 15), on)]
        case Event.PLAN_MADE:
            # "12 months starting with" the day (29 February: to the end of February).
            found = [_deadline("annual_review", counting.months_beginning_with(on, 12), on)]
        case Event.REVIEW_MEETING:
            found = [_deadline("review_meeting_notice", on - dt.timedelta(weeks=2), on),
                     _deadline("review_report", weeks(on, 2), on),
                     _deadline("review_decision", weeks(on, 4), on),
                     _deadline("amended_plan", weeks(on, 12), on,
                               "This is the latest date if the council decides to change the plan.")]
        case Event.AMENDMENTS:
            final = weeks(on, 8)
            final_notes = []
            if review_meeting is not None and weeks(review_meeting, 12) < final:
                final = weeks(review_meeting, 12)
                final_notes.append("This is 12 weeks after the review meeting, which comes first.")
            elif review_meeting is None:
                final_notes.append("It must also be no later than 12 weeks after the review meeting.")
            found = [_deadline("amendment_comments", counting.period_beginning_with(on, 15), on),
                     _deadline("amended_plan", final, on, *final_notes)]
        case Event.PHASE_TRANSFER:
            found = [_phase_transfer(on, transfer)]
        case Event.DECISION | Event.CEASE:
            found = [_deadline("contact_mediation_adviser", counting.add_months(on, 2), on),
                     _appeal(on, certificate)]
            if event is Event.CEASE:
                notes = (PLAN_CONTINUES,)
        case Event.CERTIFICATE:
            found = [_appeal(decision, on)]
        case Event.MEDIATION_DECLINED:
            found = [_deadline("certificate_after_declining", counting.add_working_days(on, 3), on)]
        case Event.MEDIATION_REQUESTED:
            found = [_deadline("mediation_held", counting.add_days(on, 30), on)]
        case Event.MEDIATION_ENDED:
            found = [_deadline("certificate_after_mediation", counting.add_working_days(on, 3), on)]
        case Event.TRIBUNAL_ORDER:
            found = _tribunal_order(on, order)
        case Event.MOVE:
            found = [_deadline("transfer_between_councils",
                               counting.add_working_days(on, 15, beginning_with=True), on)]
        case Event.REASSESSMENT:
            found = [_deadline("reassessment_plan", weeks(on, 14), on)]
    return Timeline(event, on, tuple(sorted(found, key=lambda d: d.due)), notes)


def _phase_transfer(move: Date, kind: TransferKind) -> Deadline:
    """Regulation 18's fixed dates. A deadline before EHC plans existed is refused; one that
    falls on or after the move itself is flagged, because the plan cannot name a new school after
    the child has already moved (the fixed dates are made for moves at the start of a year)."""
    if kind is TransferKind.POST16_TO_POST16:
        key, due = "post16_transfer", counting.add_months(move, -5)
    elif kind is TransferKind.TO_POST16:
        # "Before 31 March in the calendar year of the transfer": the strict last day.
        key, due = "phase_transfer_post16", Date(move.year, 3, 30)
    else:  # "Before 15 February in the calendar year of the transfer".
        key, due = "phase_transfer", Date(move.year, 2, 14)
    if due < EHC_SYSTEM_START:
        raise DeadlineError(
            f"For a move on {in_words(move)}, the plan had to be changed by {in_words(due)}. "
            "That is before 1 September 2014, when Education, Health and Care (EHC) plans started, "
            "so this time limit does not apply."
        )
    notes = []
    if due >= move:
        notes.append(
            f"This date is not before the move you gave ({in_words(move)}). The plan should name the new "
            "school or setting before the move. Please check the date of the move. If it is right, ask the "
            "SEN Assessment Team (SENAT) when the plan will be changed."
        )
    return _deadline(key, due, move, *notes)


def _tribunal_order(on: Date, kind: OrderKind) -> list[Deadline]:
    weeks = counting.add_weeks
    match kind:
        case OrderKind.ASSESS:
            return [_deadline("order_assess_notice", weeks(on, 2), on),
                    _deadline("order_no_plan_notice", weeks(on, 10), on),
                    _deadline("order_final_plan", weeks(on, 14), on)]
        case OrderKind.MAKE_PLAN:
            return [_deadline("order_draft_plan", weeks(on, 5), on),
                    _deadline("order_final_plan", weeks(on, 11), on)]
        case OrderKind.AMEND:
            return [_deadline("order_amend", weeks(on, 5), on)]
        case OrderKind.SCHOOL_NAME:
            return [_deadline("order_school_name", weeks(on, 2), on)]
    raise DeadlineError(f"Unknown tribunal order: {kind}")
