"""The deadline conversation as plain Python: what one user message changes, what to ask next,
and the words of the replies. The Rasa actions only move this state in and out of slots.

Only the event, the date and the kind of transfer or order are kept: never the message text, so
the slots hold no more personal data than the calculation needs.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from send_guide import intents
from send_guide.contacts import fill_contacts
from send_guide.deadlines import reading
from send_guide.deadlines.reading import DateProblem
from send_guide.deadlines.rules import Party
from send_guide.deadlines.timeline import (
    Deadline,
    DeadlineError,
    Event,
    OrderKind,
    Timeline,
    TransferKind,
    check_date,
    days,
    deadlines_for,
    in_words,
)
from send_guide.sources import source_line

Date = dt.date

# Slots the form asks for, in this order, while they are missing.
ASK_EVENT = "deadline_event"
ASK_DETAIL = "deadline_detail"
ASK_DATE = "deadline_date"
ASK_CONFIRM = "deadline_confirm"

STOP_WORDS = re.compile(r"^\W*(?:stop|cancel|quit|exit|end|no thanks|never ?mind|forget (?:it|this)|leave it)\b", re.I)
# Intents that belong inside the deadline conversation; any other intent with nothing for the
# form in the message means the person has moved on to another question.
FORM_INTENTS = frozenset({intents.DEADLINE, intents.CORRECT_DEADLINE, intents.INFORM_DEADLINE_EVENT,
                          intents.AFFIRM, intents.DENY, intents.FALLBACK, intents.EMPTY_MESSAGE})
# The buttons' words: under the date check, and under an answer.
CONFIRM_YES = "Yes, that is right"
CONFIRM_NO = "No, I will type it again"
SHOW_ALL_DATES = "Show all the dates"
IF_COUNCIL_LATE = "What if the council is late?"
WORK_OUT_DATES = "Work out my dates"
DATE_EXAMPLE = "For example: 3 March 2025, or 03/03/2025."
NOT_LEGAL_ADVICE = "This is information, not legal advice."
# Every answer with dates ends with who helps for free: a date alone leaves a family with the next step.
FREE_HELP = ("Next step: for free help, phone Luton SENDIAS (Special Educational Needs and Disabilities "
             "Information, Advice and Support Service) on {contact_sendias}.")


@dataclass(frozen=True)
class DeadlineState:
    event: str | None = None  # an Event value
    date: str | None = None  # ISO date, once understood and accepted
    detail: str | None = None  # a TransferKind or OrderKind value, for events that need one
    pending_date: str | None = None  # a surprising date waiting for "yes, that is right"
    asked: str | None = None  # what the person asked about ("appeal", "final", ...), if they said

    @property
    def event_kind(self) -> Event | None:
        return Event(self.event) if self.event else None


@dataclass(frozen=True)
class Step:
    state: DeadlineState
    messages: tuple[str, ...] = ()
    ask: str | None = None  # the next slot to ask for; None when the form is finished
    outcome: str = "asking"  # "asking", "done", "stopped" or "moved_on"


# What a person may ask about, as words in their message, mapped to the deadline rule keys it
# can mean. The first key the event actually has wins.
_ASKED_TOPICS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("appeal", r"appeal", ("appeal",)),
    ("mediation", r"mediat", ("contact_mediation_adviser", "certificate_after_declining",
                              "certificate_after_mediation", "mediation_held")),
    ("comments", r"comment|respond|views|reply to", ("draft_plan_comments", "amendment_comments")),
    # The papers before a review meeting: invitations and everyone's advice, 2 weeks before it.
    ("paperwork", r"paperwork|papers\b|invit", ("review_meeting_notice",)),
    ("report", r"report", ("review_report",)),
    ("draft", r"draft", ("order_draft_plan",)),
    ("no_plan", r"not\s+(?:to\s+)?(?:issue|make|give)|no\s+plan|refuse", ("no_plan_notice", "order_no_plan_notice")),
    ("final", r"final|finished|full plan|plan (?:be )?(?:due|ready|come)|get the plan|amended plan|new plan",
     ("final_plan", "order_final_plan", "amended_plan", "reassessment_plan")),
    # "Is the council late?": the council's date that has passed most recently (main_deadline)
    ("late", r"\blate\b|\boverdue\b|out of time|missed (?:the|its|their) (?:deadline|date)", ()),
    ("decision", r"hear|decide|decision|answer|whether|if they will|response|outcome",
     ("decide_to_assess", "review_decision", "order_assess_notice")),
)

# When the person did not say which date they want, the one that matters most for the event.
_DEFAULT_MAIN = {Event.DECISION: "appeal", Event.CEASE: "appeal", Event.CERTIFICATE: "appeal"}
_NEEDS_DETAIL = {Event.PHASE_TRANSFER: TransferKind, Event.TRIBUNAL_ORDER: OrderKind}


def _asked_topic(text: str) -> str | None:
    return next((topic for topic, pattern, _ in _ASKED_TOPICS if re.search(pattern, text, re.I)), None)


def _read_detail(event: Event | None, text: str, entity: str | None) -> str | None:
    kind = _NEEDS_DETAIL.get(event) if event else None
    if kind is None:
        return None
    if entity and entity in {k.value for k in kind}:
        return entity
    found = reading.read_transfer_kind(text) if kind is TransferKind else reading.read_order_kind(text)
    return found.value if found else None


def _read_transfer_year(text: str, today: Date) -> Date | None:
    """A school move is often given as a year or a month ("September 2026"): the day does not
    matter for the fixed February and March dates, so take the 1st of that month."""
    match = re.search(r"\b(?:(?P<month>[a-z]+)\s+)?(?P<year>20\d\d)\b", text, re.I)
    if match:
        month = reading.month_number(match["month"] or "") or 9
        return Date(int(match["year"]), month, 1)
    match = reading.MONTH_ONLY.search(text) or re.search(r"\bnext\s+(?P<month>[a-z]+)\b", text, re.I)
    month = reading.month_number(match["month"]) if match else None
    if month:
        year = today.year if month > today.month else today.year + 1
        return Date(year, month, 1)
    if re.search(r"\b(?:year|yr)\s*\d{1,2}\b|\bnext\s+(?:september|school year|year)\b", text, re.I):
        # "She is in Year 6": the move is at the start of the next school year.
        return Date(today.year + 1 if today.month >= 9 else today.year, 9, 1)
    return None


def step(state: DeadlineState, text: str, intent: str | None, today: Date, *,
         event_entity: str | None = None, detail_entity: str | None = None, fresh: bool = False) -> Step:
    """Take in one user message. `fresh` starts a new calculation (a new question), otherwise
    what the message says corrects or completes the state."""
    text = text or ""
    if fresh:
        state = DeadlineState()
    if intent == intents.CRISIS:
        return Step(state, outcome="moved_on")
    if STOP_WORDS.search(text) or (intent == intents.DENY and state.pending_date is None):
        return Step(state, ("OK, I have stopped working out dates. You can ask me again at any time.",),
                    outcome="stopped")

    messages: list[str] = []
    found_something = False

    confirmed = intent == intents.AFFIRM or re.match(r"^\W*(?:yes|yeah|yep|correct|right)\b", text, re.I)
    if state.pending_date and confirmed:
        state = replace(state, date=state.pending_date, pending_date=None)
        found_something = True
    elif state.pending_date and intent == intents.DENY:
        state = replace(state, pending_date=None)
        messages.append("OK.")
        found_something = True

    event = None
    if event_entity and event_entity in {e.value for e in Event}:
        event = Event(event_entity)
    else:
        event = reading.read_event(text)
    if event is not None:
        if event.value != state.event:
            state = replace(state, event=event.value, detail=None)
        found_something = True

    detail = _read_detail(state.event_kind, text, detail_entity)
    if detail:
        state = replace(state, detail=detail)
        found_something = True

    topic = _asked_topic(text)
    if topic and (intent != intents.CORRECT_DEADLINE or state.asked is None):
        state = replace(state, asked=topic)

    date_step = _take_date(state, text, today)
    if date_step is not None:
        state, date_messages = date_step
        messages.extend(date_messages)
        found_something = True

    if not found_something and intent not in FORM_INTENTS and not fresh:
        return Step(state, tuple(messages), outcome="moved_on")
    ask = _next_question(state)
    if ask is None:
        problem = _problem_with(state, today)
        if problem is not None:  # the whole calculation refuses it: say why and ask again
            state = replace(state, date=None)
            messages.append(problem)
            ask = ASK_DATE
    return Step(state, tuple(messages), ask=ask, outcome="asking" if ask else "done")


def _problem_with(state: DeadlineState, today: Date) -> str | None:
    """Why a complete state gives no answer (for example a school move so early that its deadline
    came before EHC plans existed), in words for the user; None when it gives one."""
    try:
        timeline_of(state, today)
    except DeadlineError as error:
        return f"{error} If you meant another date, please type it."
    return None


def _take_date(state: DeadlineState, text: str, today: Date) -> tuple[DeadlineState, list[str]] | None:
    """Read a date from the message; None when the message has none."""
    event = state.event_kind
    future_ok = event in reading.FUTURE_EVENTS
    if reading.mentions_birth_or_age(text):
        return None  # "born on 3/4/2015" is not the date of an EHC event
    found = reading.read_date(text, today, prefer_future=future_ok)
    if found.value is None and event is Event.PHASE_TRANSFER:
        move = _read_transfer_year(text, today)
        if move is not None:
            found = reading.DateReading(move, in_words(move))
    if found.problem is DateProblem.NONE_FOUND:
        return None
    if found.problem is DateProblem.IMPOSSIBLE:
        return replace(state, date=None, pending_date=None), [
            f"{reading.not_a_real_date(found.text)} {DATE_EXAMPLE}"]
    if found.problem is DateProblem.VAGUE:
        return replace(state, date=None, pending_date=None), [
            f'I need the exact day, not "{found.text}". Please type the full date. ' + DATE_EXAMPLE]
    value = found.value
    assert value is not None
    try:
        check_date(event, value, today)  # before EHC plans existed, or years ahead: refused, not asked
    except DeadlineError as error:
        return replace(state, date=None, pending_date=None), [f"{error} If you meant another date, please type it."]
    if value > today and not future_ok:
        return replace(state, date=None, pending_date=value.isoformat()), []
    return replace(state, date=value.isoformat(), pending_date=None), []


def _next_question(state: DeadlineState) -> str | None:
    if state.event is None:
        return ASK_EVENT
    if state.event_kind in _NEEDS_DETAIL and state.detail is None:
        return ASK_DETAIL
    if state.pending_date:
        return ASK_CONFIRM
    if state.date is None:
        return ASK_DATE
    return None


# --- questions -------------------------------------------------------------------------------

EVENT_CHOICES: tuple[tuple[str, Event], ...] = (
    ("We asked for an assessment", Event.REQUEST),
    ("We got a decision letter", Event.DECISION),
    ("We got a draft plan", Event.DRAFT_PLAN),
    ("Annual review meeting", Event.REVIEW_MEETING),
    ("Changes proposed after a review", Event.AMENDMENTS),
    ("We got a mediation certificate", Event.CERTIFICATE),
    ("Moving to a new school or college", Event.PHASE_TRANSFER),
    ("The tribunal made an order", Event.TRIBUNAL_ORDER),
)
EVENT_QUESTION = ("I can work out the legal time limits in the EHC (Education, Health and Care) process. "
                  "What happened? Choose one, or tell me in your own words.")

DATE_QUESTIONS = {
    Event.REQUEST: "On what date did the council get the request for an assessment?",
    Event.ADVICE_REQUESTED: "On what date was the advice asked for?",
    Event.DRAFT_PLAN: "On what date was the draft plan sent to you?",
    Event.PLAN_MADE: "On what date was the plan made, or last reviewed?",
    Event.REVIEW_MEETING: "On what date is (or was) the review meeting?",
    Event.AMENDMENTS: "On what date were the proposed changes sent to you?",
    Event.PHASE_TRANSFER: "When does the move happen? A month and year is enough.",
    Event.DECISION: "What date is on the decision letter?",
    Event.CEASE: "What date is on the letter that says the plan will stop?",
    Event.CERTIFICATE: "On what date was the mediation certificate issued?",
    Event.MEDIATION_DECLINED: "On what date did you tell the mediation adviser you do not want mediation?",
    Event.MEDIATION_REQUESTED: "On what date was the council told you want mediation?",
    Event.MEDIATION_ENDED: "On what date did the mediation end?",
    Event.TRIBUNAL_ORDER: "What date is on the tribunal's order?",
    Event.MOVE: "On what date did the old council learn about the move?",
    Event.REASSESSMENT: "On what date was the re-assessment notice sent?",
}

DETAIL_CHOICES: dict[Event, tuple[tuple[str, str], ...]] = {
    Event.PHASE_TRANSFER: (
        ("Starting school, or moving up a school stage (for example to secondary)", TransferKind.SCHOOL.value),
        ("Secondary school to college or sixth form", TransferKind.TO_POST16.value),
        ("From one college or post-16 setting to another", TransferKind.POST16_TO_POST16.value),
    ),
    Event.TRIBUNAL_ORDER: (
        ("To carry out an assessment", OrderKind.ASSESS.value),
        ("To make an EHC plan", OrderKind.MAKE_PLAN.value),
        ("To change the plan", OrderKind.AMEND.value),
        ("To name a school or college only", OrderKind.SCHOOL_NAME.value),
    ),
}
DETAIL_QUESTIONS = {Event.PHASE_TRANSFER: "What kind of move is it?",
                    Event.TRIBUNAL_ORDER: "What did the tribunal order the council to do?"}


def date_question(state: DeadlineState) -> str:
    event = state.event_kind
    question = DATE_QUESTIONS.get(event, "On what date did it happen?") if event else "On what date did it happen?"
    example = "For example: September 2026." if event is Event.PHASE_TRANSFER else DATE_EXAMPLE
    return f"{question} {example}"


def confirm_question(state: DeadlineState) -> str:
    assert state.pending_date is not None
    return (f"You gave {in_words(Date.fromisoformat(state.pending_date))}. "
            "That date is in the future. Is that right?")


# --- answers ---------------------------------------------------------------------------------

def timeline_of(state: DeadlineState, today: Date) -> Timeline:
    event = state.event_kind
    if event is None or state.date is None:
        raise DeadlineError("I do not have an event and a date yet.")
    extra = {}
    if event is Event.PHASE_TRANSFER and state.detail:
        extra["transfer"] = TransferKind(state.detail)
    if event is Event.TRIBUNAL_ORDER and state.detail:
        extra["order"] = OrderKind(state.detail)
    return deadlines_for(event, Date.fromisoformat(state.date), today=today, **extra)


def main_deadline(state: DeadlineState, timeline: Timeline, today: Date) -> Deadline:
    """The deadline the person asked about ("is the council late?": the council's latest date that has
    passed); otherwise the next one still to come (or the last)."""
    by_key = {d.rule.key: d for d in timeline.deadlines}
    if state.asked == "late":
        passed = [d for d in timeline.deadlines if d.due < today and d.rule.party is Party.COUNCIL]
        if passed:
            return passed[-1]
    for topic, _, keys in _ASKED_TOPICS:
        if topic == state.asked and (asked := _first_of(keys, by_key)) is not None:
            return asked
    default = _DEFAULT_MAIN.get(timeline.event)
    if default in by_key:
        return by_key[default]
    upcoming = [d for d in timeline.deadlines if d.due >= today]
    return upcoming[0] if upcoming else timeline.deadlines[-1]


def how_far(deadline: Deadline, today: Date) -> str:
    left = deadline.days_left(today)
    if left > 0:
        return f"That is {days(left)} from today."
    if left == 0:
        return "That is today."
    passed = f"That date passed {days(-left)} ago."
    if deadline.rule.party is Party.COUNCIL:
        return passed + " If it has not happened yet, the council is late."
    return passed


def _also_asked(timeline: Timeline, text: str) -> list[Deadline]:
    """Every deadline the message asks about ("when should we get the paperwork, and when does the
    council have to decide?"): a message with two questions gets both dates."""
    by_key = {d.rule.key: d for d in timeline.deadlines}
    found = (_first_of(keys, by_key) for _, pattern, keys in _ASKED_TOPICS if re.search(pattern, text or "", re.I))
    return [deadline for deadline in found if deadline is not None]


def _first_of(keys: tuple[str, ...], by_key: dict[str, Deadline]) -> Deadline | None:
    """The deadline of the first of a topic's rule keys that the event has."""
    return next((by_key[key] for key in keys if key in by_key), None)


def _earlier_family_steps(timeline: Timeline, main: Deadline) -> list[Deadline]:
    """What the family must do on or before the asked date (contacting the mediation adviser
    comes before an appeal, sometimes weeks before): these lead the answer, earliest first."""
    return [d for d in timeline.deadlines
            if d is not main and d.rule.party is Party.FAMILY and d.due <= main.due]


# "Have I missed the deadline?", "is it too late to appeal?": a question that wants a yes or a no.
_ASKS_IF_MISSED = re.compile(r"\b(?:missed|miss\s+(?:it|the)|too\s+late|still\s+(?:in\s+)?time|run\s+out|"
                             r"expired|out\s+of\s+time)\b", re.I)


def asks_if_missed(text: str) -> bool:
    return bool(_ASKS_IF_MISSED.search(text or ""))


def missed_or_not(deadlines: list[Deadline], today: Date) -> str:
    """A plain answer to "have I missed it?", from the family's own dates (else every date): none
    passed, the first passed and a later one not (say both: the family must not wait), or all passed."""
    family = sorted((d for d in deadlines if d.rule.party is Party.FAMILY), key=lambda d: d.due) \
        or sorted(deadlines, key=lambda d: d.due)
    first, last = family[0], family[-1]
    if first.due >= today:
        if first.due == last.due:
            return f"So you have not missed it. The last day is {in_words(last.due)}."
        return f"So you have not missed it. Your first date is {in_words(first.due)}."
    if last.due >= today:
        return (f"The date {in_words(first.due)} has passed, but {in_words(last.due)} has not. "
                "Phone Luton SENDIAS soon to ask what you can still do.")
    return (f"The last day was {in_words(last.due)}, so it has passed. "
            "Phone Luton SENDIAS soon to ask what you can still do.")


def answer(state: DeadlineState, today: Date, asked: str = "") -> str:
    """The first thing the family must do by its date, then the asked deadline, the date we
    understood in words, what could move the dates, and the legal source. `asked`: the message
    the answer is for; "have I missed it?" there gets a plain yes or no."""
    timeline = timeline_of(state, today)
    main = main_deadline(state, timeline, today)
    others = [d for d in _also_asked(timeline, asked) if d is not main]
    shown = sorted(dict.fromkeys([*_earlier_family_steps(timeline, main), main, *others]), key=lambda d: d.due)
    lines = []
    for deadline in shown:  # each date with the first thing that could move it, right below it
        lines.append(f"{deadline.sentence} {how_far(deadline, today)}")
        lines.extend(deadline.caveats[:1])
    if asks_if_missed(asked):
        lines.append(missed_or_not(shown, today))
    lines.append(f"I read the date as {in_words(timeline.on)}. If that is wrong, type the right date.")
    lines.append(fill_contacts(FREE_HELP))
    sources = " ".join(dict.fromkeys(f"{deadline.rule.source}." for deadline in shown))
    lines.append(f"Law: {sources} {NOT_LEGAL_ADVICE}")
    return "\n".join(lines) + "\n\n" + source_line("timescales")


def full_timeline(state: DeadlineState, today: Date) -> str:
    timeline = timeline_of(state, today)
    lines = [f"All the dates from {in_words(timeline.on)}:"]
    for deadline in timeline.deadlines:
        lines.append(f"- {deadline.sentence} ({deadline.status(today)}. {deadline.rule.source}.)")
    notes = list(dict.fromkeys([*timeline.notes, *(c for d in timeline.deadlines for c in d.caveats)]))
    lines.extend(f"Note: {note}" for note in notes)
    lines.append(NOT_LEGAL_ADVICE)
    return "\n".join(lines) + "\n\n" + source_line("timescales")

