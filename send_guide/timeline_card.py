"""The EHC timeline card: the road from what happened to what comes next, one step at a time.

A family told six dates in a row reads a wall of dates. The card shows the same dates as steps on
one line, each with its name, date, law and state, and where today falls among them:

- done: the event the family gave (once its day has come), or a step a later event shows happened
  (a draft plan means the council decided to assess);
- due: its day is today or still to come;
- late: its day has passed and nobody said it happened. We do not know that it did not happen, so
  the words say "if it has not happened yet";
- unknown: a step with no fixed date (the draft plan comes "about week 14 to 16").

Every date comes from the deadline engine (send_guide/deadlines), nothing is worked out here.
`TimelineCard.payload` is what the widget draws; `TimelineCard.text` is the same steps as a short
list for clients that show only text (the REST channel, the staff transcript). No Rasa import.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum
from typing import Any, Callable, Iterable

from send_guide import intents, topics
from send_guide.deadlines.counting import add_weeks
from send_guide.deadlines.rules import RULES, STEP_NAMES, Party
from send_guide.deadlines.timeline import (
    DRAFT_PLAN_TIMING,
    Deadline,
    DeadlineError,
    Event,
    Timeline,
    days,
    deadlines_for,
    in_words,
)
from send_guide.intents import Button
from send_guide.letters.choose import LETTER_OFFER, letter_after_deadline
from send_guide.sources import source_line

Date = dt.date
CARD_TYPE = "timeline"  # the custom message's "type" (widget/src/send-guide-widget.js draws it)
TITLE = "Your EHC timeline"


class StepState(Enum):
    DONE = "done"
    DUE = "due"
    LATE = "late"
    UNKNOWN = "unknown"


# Each state in words, so that no one needs the colour or the shape to know it.
STATE_WORDS = {StepState.DONE: "Done", StepState.DUE: "Coming up", StepState.LATE: "Late",
               StepState.UNKNOWN: "Not known"}
# Each state's mark (a tick, an arrow, "!", "?"), drawn in a shape of its own by the page's style.
STATE_MARKS = {StepState.DONE: "\u2713", StepState.DUE: "\u2192", StepState.LATE: "!", StepState.UNKNOWN: "?"}
TODAY_MARK = "\u25b6"

# The event the family gave, as a step that happened on its day (or will: a meeting, a school move).
EVENT_STEPS = {
    Event.REQUEST: "The council got the request for an assessment",
    Event.ADVICE_REQUESTED: "The council asked for advice",
    Event.DRAFT_PLAN: "You got the draft plan",
    Event.PLAN_MADE: "The plan was made or last reviewed",
    Event.REVIEW_MEETING: "The annual review meeting",
    Event.AMENDMENTS: "You got the proposed changes to the plan",
    Event.PHASE_TRANSFER: "The move to the new school or college",
    Event.DECISION: "The date on the decision letter",
    Event.CEASE: "The letter saying the plan will stop",
    Event.CERTIFICATE: "The mediation certificate was issued",
    Event.MEDIATION_DECLINED: "You said you do not want mediation",
    Event.MEDIATION_REQUESTED: "The council was told you want mediation",
    Event.MEDIATION_ENDED: "The mediation ended",
    Event.TRIBUNAL_ORDER: "The tribunal's order",
    Event.MOVE: "The old council learnt about the move",
    Event.REASSESSMENT: "The notice of a new assessment",
}
GIVEN = "You gave this date."

# A step is done when the family gave a later event that cannot come without it.
DONE_BY: dict[str, frozenset[Event]] = {
    "decide_to_assess": frozenset({Event.DRAFT_PLAN, Event.PLAN_MADE, Event.DECISION}),
    "final_plan": frozenset({Event.PLAN_MADE}),
    "order_final_plan": frozenset({Event.PLAN_MADE}),
    "review_decision": frozenset({Event.AMENDMENTS}),
    "contact_mediation_adviser": frozenset({Event.CERTIFICATE, Event.MEDIATION_DECLINED,
                                            Event.MEDIATION_REQUESTED, Event.MEDIATION_ENDED}),
    "mediation_held": frozenset({Event.MEDIATION_ENDED}),
    "certificate_after_declining": frozenset({Event.CERTIFICATE}),
    "certificate_after_mediation": frozenset({Event.CERTIFICATE}),
}
DONE_LATER = "You told us about this or a later step, so it has happened."
# A step that no longer applies once the family gave this event: a draft plan means there will be a plan.
LEFT_OUT_AFTER: dict[str, frozenset[Event]] = {
    "no_plan_notice": frozenset({Event.DRAFT_PLAN, Event.PLAN_MADE}),
    "order_no_plan_notice": frozenset({Event.DRAFT_PLAN, Event.PLAN_MADE}),
    "draft_plan_comments": frozenset({Event.PLAN_MADE}),  # the plan is final: comments on the draft are over
}


@dataclass(frozen=True)
class UndatedStep:
    """A step with no date in law, shown where it usually comes, unless the family gave an event
    that comes with it or after it."""

    name: str
    note: str
    source: str
    weeks_after: int  # where it sits in the list, counted from the event
    unless: frozenset[Event]


UNDATED_AFTER = {
    Event.REQUEST: UndatedStep("You get the draft plan, then have 15 days to comment", DRAFT_PLAN_TIMING,
                               RULES["draft_plan_comments"].source, 14, frozenset({Event.DRAFT_PLAN, Event.PLAN_MADE})),
}


@dataclass(frozen=True)
class CardStep:
    key: str  # a deadline rule's key, or "event:<event>" for a date the family gave
    name: str
    date: Date | None
    source: str  # the law the date comes from; "" for a date the family gave
    state: StepState
    note: str
    offers: tuple[Button, ...] = ()
    sort_date: Date | None = None  # where an undated step sits in the list

    @property
    def when(self) -> Date:
        return self.date or self.sort_date or Date.max

    @property
    def state_words(self) -> str:
        return STATE_WORDS[self.state]

    @property
    def mark(self) -> str:
        return STATE_MARKS[self.state]

    @property
    def date_words(self) -> str:
        return in_words(self.date) if self.date else "no fixed date"


@dataclass(frozen=True)
class TimelineCard:
    today: Date
    steps: tuple[CardStep, ...]

    @property
    def today_at(self) -> int:
        """How many steps come before today's marker: those whose day is before today, and what
        happened today."""
        return sum(1 for step in self.steps
                   if step.when < self.today or (step.when == self.today and step.state is StepState.DONE))

    @property
    def today_words(self) -> str:
        return in_words(self.today)

    def text(self) -> str:
        """The steps as a short list, with today's place marked, for a client that shows only text."""
        lines = [f"{TITLE}:"]
        for index, step in enumerate(self.steps):
            if index == self.today_at:
                lines.append(_today_line(self.today))
            law = f" (Law: {step.source})" if step.source else ""
            lines.append(f"- {step.state_words}: {step.name}, {step.date_words}. {step.note}{law}")
        if self.today_at == len(self.steps):
            lines.append(_today_line(self.today))
        return "\n".join(lines) + "\n\n" + source_line("timescales")

    def payload(self, button: Callable[[Button], dict[str, str]]) -> dict[str, Any]:
        """The custom message the widget draws. `button` turns a Button into {"title", "payload"}
        (the Rasa adapter knows how a button sends an intent)."""
        return {
            "type": CARD_TYPE, "title": TITLE, "today": self.today.isoformat(), "today_words": in_words(self.today),
            "today_at": self.today_at, "today_mark": TODAY_MARK, "text": self.text(),
            "source": source_line("timescales"),
            "steps": [{"key": step.key, "name": step.name, "date": step.date.isoformat() if step.date else None,
                       "date_words": step.date_words, "source": step.source, "state": step.state.value,
                       "state_words": step.state_words, "mark": step.mark, "note": step.note,
                       "offers": [button(offer) for offer in step.offers]} for step in self.steps],
        }


def text_of_card(custom: Any) -> str | None:
    """The text of a timeline card sent as a custom message ({"data": payload}), else None: what a
    channel or page that shows only text shows in its place."""
    body = custom.get("data") if isinstance(custom, dict) else None
    if isinstance(body, dict) and body.get("type") == CARD_TYPE and isinstance(body.get("text"), str):
        return body["text"]
    return None


def _today_line(today: Date) -> str:
    return f"- Today: {in_words(today)}."


def card_for(timeline: Timeline, today: Date) -> TimelineCard:
    """The card for one event and its deadlines (the deadline form's answer)."""
    return _card([(timeline.event, timeline.on, timeline)], today, frozenset())


def card_for_events(dated: Iterable[tuple[Event, Date]], today: Date,
                    happened: Iterable[Event] = ()) -> TimelineCard | None:
    """The card for every exact date a family gave (a whole story, a call-back case); None when no
    date gives a deadline. A date the engine refuses (before EHC plans, years ahead) is left out.
    `happened`: events the family told of without an exact day ("the final plan came in July"):
    they have no step, but they settle the steps before them as an exact date would."""
    timelines = []
    for event, day in dict.fromkeys(dated):
        try:
            timelines.append((event, day, deadlines_for(event, day, today=today)))
        except DeadlineError:
            continue
    if not timelines:
        return None
    return _card(timelines, today, frozenset(happened))


def _card(timelines: list[tuple[Event, Date, Timeline]], today: Date, happened: frozenset[Event]) -> TimelineCard:
    known: set[tuple[Event, Date | None]] = {(event, day) for event, day, _ in timelines}
    known |= {(event, None) for event in happened}
    steps: dict[str, CardStep] = {}
    for event, day, timeline in timelines:
        steps.setdefault(f"event:{event.value}:{day}", _event_step(event, day, today))
        for deadline in timeline.deadlines:
            if _given_after(LEFT_OUT_AFTER.get(deadline.rule.key, frozenset()), deadline, known):
                continue
            steps.setdefault(f"{deadline.rule.key}:{deadline.due}", _deadline_step(deadline, known, today))
        undated = UNDATED_AFTER.get(event)
        if undated is not None and not any(given in undated.unless for given, _ in known):
            steps.setdefault(f"undated:{event.value}", CardStep(
                f"undated:{event.value}", undated.name, None, undated.source, StepState.UNKNOWN, undated.note,
                sort_date=add_weeks(day, undated.weeks_after)))
    return TimelineCard(today, tuple(sorted(steps.values(), key=_in_order)))


def _in_order(step: CardStep) -> tuple[Date, bool]:
    """By day; on one day, what happened comes first."""
    return step.when, step.state is not StepState.DONE


def _event_step(event: Event, day: Date, today: Date) -> CardStep:
    if day <= today:
        return CardStep(f"event:{event.value}", EVENT_STEPS[event], day, "", StepState.DONE, GIVEN)
    return CardStep(f"event:{event.value}", EVENT_STEPS[event], day, "", StepState.DUE,
                    f"{GIVEN} That is {days((day - today).days)} from today.")


def _deadline_step(deadline: Deadline, known: set[tuple[Event, Date | None]], today: Date) -> CardStep:
    key, name, source = deadline.rule.key, STEP_NAMES[deadline.rule.key], deadline.rule.source
    if _given_after(DONE_BY.get(key, frozenset()), deadline, known):
        return CardStep(key, name, deadline.due, source, StepState.DONE, DONE_LATER)
    left = deadline.days_left(today)
    if left > 0:
        return CardStep(key, name, deadline.due, source, StepState.DUE, f"{days(left)} left.")
    if left == 0:
        return CardStep(key, name, deadline.due, source, StepState.DUE, "This is the last day.")
    passed = f"This date passed {days(-left)} ago."
    if deadline.rule.party is Party.FAMILY:
        return CardStep(key, name, deadline.due, source, StepState.LATE, passed, _offers(key))
    return CardStep(key, name, deadline.due, source, StepState.LATE,
                    f"{passed} If it has not happened yet, it is late.", _offers(key))


def settled_by_later_events(deadline: Deadline, known: Iterable[tuple[Event, Date | None]]) -> bool:
    """The family gave a later event that shows this deadline happened (a draft plan: the council
    decided to assess) or no longer applies (a draft plan: there will be a plan). Urgency and the
    case's deadline list leave it out, as the card shows it done or leaves it out."""
    given = set(known)
    key = deadline.rule.key
    return _given_after(DONE_BY.get(key, frozenset()), deadline, given) or \
        _given_after(LEFT_OUT_AFTER.get(key, frozenset()), deadline, given)


def _given_after(events: frozenset[Event], deadline: Deadline, known: set[tuple[Event, Date | None]]) -> bool:
    """The family gave one of `events` on or after the day that started `deadline` (or with no exact
    day: told as something that has happened, it came after)."""
    return any(event in events and (day is None or day >= deadline.trigger) for event, day in known)


def _offers(rule_key: str) -> tuple[Button, ...]:
    """Under a late step: the letter that fits it (if there is one), and a person to talk to."""
    letter = letter_after_deadline(rule_key, passed=True)
    person = Button(topics.TALK_TO_PERSON, intents.TALK_TO_PERSON)
    if letter is None:
        return (person,)
    return (Button(LETTER_OFFER, intents.LETTER, {"letter_kind": letter}), person)
