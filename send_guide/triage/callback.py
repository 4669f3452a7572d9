"""The call-back conversation: consent first, then what an adviser needs, every question skippable.

Plain Python so the whole dialogue is tested without Rasa; the Rasa form is a thin adapter that
keeps `CallBackState` in a slot. Nothing is stored until the person agrees at the start and says
"yes" to the summary at the end; "cancel" at any point leaves with nothing kept. Key dates go to
the deadline engine, whose deadlines set the case's urgency.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass, field
from typing import Iterable

from send_guide.contact_patterns import find_email, uk_phone
from send_guide.contacts import phone
from send_guide.deadlines.reading import DateProblem, not_a_real_date, read_date, read_event
from send_guide.deadlines.timeline import Deadline, DeadlineError, Event, check_date, deadlines_for
from send_guide.form_words import CANCEL_WORDS, SKIP_WORDS, says_no, says_yes
from send_guide.message_guard import one_line
from send_guide.safety import is_crisis
from send_guide.triage.cases import CallBackRequest, key_date_line
from send_guide.triage.urgency import Urgency, assess

SKIP = "I'd rather not say"
MAX_ANSWER = 500
NAME_LIMIT = 100
ROLES = {"parent": "Parent or carer", "young_person": "Young person", "professional": "Professional"}
STAGES = {
    "no_plan": "No EHC plan, no request yet",
    "assessment_requested": "Assessment asked for",
    "draft_plan": "Draft plan",
    "final_plan": "Final plan",
    "annual_review": "Annual review",
    "appeal": "Appeal or disagreement",
}
QUESTIONS = ("consent", "name", "contact", "best_time", "interpreter", "role", "child", "stage", "dates",
             "description", "confirm")


@dataclass
class CallBackState:
    asking: str | None = None
    answers: dict[str, str] = field(default_factory=dict)
    interpreter: bool | None = None
    dates: list[list[str]] = field(default_factory=list)  # [event value, ISO date]
    consent_at: str | None = None
    safeguarding: bool = False
    # A letter made in this conversation within the hour: the consent question says it will be kept
    # on the case, and only then is it kept (send_guide/letters/downloads.py keep_on_case).
    letter: bool = False

    def as_slot(self) -> dict:
        return asdict(self)

    @classmethod
    def from_slot(cls, value: dict | None) -> CallBackState:
        return cls(**value) if isinstance(value, dict) else cls()


@dataclass(frozen=True)
class Reply:
    text: str
    buttons: tuple[tuple[str, str], ...] = ()  # (title, text sent when pressed)


@dataclass
class StepResult:
    state: CallBackState
    replies: list[Reply]
    outcome: str | None = None  # None while asking; "done", "declined" or "cancelled" at the end


def _skip_button(*others: tuple[str, str]) -> tuple[tuple[str, str], ...]:
    return (*others, (SKIP, SKIP))


LETTER_TOO = ", and the letter you made here,"


def question(name: str, state: CallBackState, retention_days: int) -> Reply:
    match name:
        case "consent":
            return Reply(
                "I can ask Luton SENDIAS (the free, impartial SEND information, advice and support "
                "service) to call you back. First, what happens to your answers:\n"
                f"- I keep your answers and this conversation{LETTER_TOO if state.letter else ''} for "
                f"{retention_days} days, then they are deleted.\n"
                "- Only Luton SENDIAS advisers can see them. They use them only to contact and help you.\n"
                "- You can skip any question, or type \"cancel\" to stop. Then nothing is kept.\n"
                "Do you agree?",
                (("Yes, I agree", "yes"), ("No", "no")))
        case "name":
            return Reply("What name should the adviser ask for?", _skip_button())
        case "contact":
            return Reply("What phone number or e-mail address should the adviser use? "
                         "A UK phone number starts with 01, 02, 03, 07 or +44.")
        case "best_time":
            return Reply("When is a good time to call you? For example, \"weekday mornings\".", _skip_button())
        case "interpreter":
            return Reply("Would you like an interpreter for the call? If yes, which language?",
                         _skip_button(("No, English is fine", "no")))
        case "role":
            return Reply("Are you a parent or carer, a young person, or a professional?",
                         _skip_button(*((title, title) for title in ROLES.values())))
        case "child":
            return Reply("How old is the child or young person, or what school year are they in?", _skip_button())
        case "stage":
            return Reply("Where are you with an Education, Health and Care (EHC) plan?",
                         _skip_button(*((title, title) for title in STAGES.values())))
        case "dates":
            return Reply("Is there a date the adviser should know? For example, \"decision letter dated "
                         "5 October\" or \"we asked for an assessment on 3 March\". Type the event and the "
                         "date, or \"no\".", _skip_button(("No date", "no")))
        case "description":
            return Reply("In a few words, what would you like help with?", _skip_button())
        case _:
            return Reply(summary(state) + "\nShall I send this to Luton SENDIAS?",
                         (("Yes, send it", "yes"), ("No, do not send", "no")))


FORM_SIGNAL = "form"  # the `type` of a custom message that tells the chat widget about a form
WIDGET_FORM = "callback"


def widget_signal(started: bool, outcome: str | None) -> dict | None:
    """What the chat widget is told after this turn's replies, as a custom message with no text:
    the form started, or it ended with the answers kept ("done") or with nothing kept. On "nothing
    kept" the widget forgets the form's questions and answers it holds in the browser tab."""
    if outcome is not None:
        return {"type": FORM_SIGNAL, "form": WIDGET_FORM, "event": "end", "kept": outcome == "done"}
    if started:
        return {"type": FORM_SIGNAL, "form": WIDGET_FORM, "event": "start"}
    return None


def summary(state: CallBackState) -> str:
    answers = state.answers
    lines = ["Here is what I will send:"]
    labels = (("name", "Name"), ("contact", "Contact"), ("best_time", "Best time"), ("language", "Language"),
              ("role", "You are"), ("child", "Child's age or year"), ("stage", "EHC plan"),
              ("description", "Help with"))
    # One line each, whatever the state holds: a line break in an answer would forge a line.
    lines += [f"- {label}: {one_line(answers[key], MAX_ANSWER)}" for key, label in labels if answers.get(key)]
    if state.interpreter:
        lines.append("- Interpreter: yes")
    lines += [f"- {key_date_line(Event(event), dt.date.fromisoformat(day))}" for event, day in state.dates]
    return "\n".join(lines)


def start(prefill: dict[str, str], retention_days: int, safeguarding: bool = False, letter: bool = False) -> StepResult:
    """The first turn. `prefill`: what the conversation already knows (role, language).
    `safeguarding`: harm was mentioned earlier in the conversation, so the case will be immediate.
    `letter`: the conversation made a letter whose link still works; it is kept on the case too."""
    state = CallBackState(asking="consent", answers={k: v for k, v in prefill.items() if v},
                          safeguarding=safeguarding, letter=letter)
    return StepResult(state, [question("consent", state, retention_days)])


def _next(state: CallBackState, after: str, retention_days: int) -> StepResult:
    for name in QUESTIONS[QUESTIONS.index(after) + 1:]:
        if name == "role" and state.answers.get("role"):
            continue  # said earlier in the conversation
        state.asking = name
        return StepResult(state, [question(name, state, retention_days)])
    raise AssertionError("confirm is the last question")


def _again(state: CallBackState, why: str, retention_days: int) -> StepResult:
    return StepResult(state, [Reply(why), question(state.asking or "consent", state, retention_days)])


def read_contact(text: str) -> str | None:
    """A valid UK phone number (in national format) or an e-mail address, else None."""
    return find_email(text) or uk_phone(text)


def _choice(text: str, options: dict[str, str]) -> str | None:
    lowered = text.strip().lower()
    for key, title in options.items():
        if lowered == title.lower() or lowered == key.replace("_", " ") or lowered.startswith(key.split("_")[0]):
            return title
    return None


def step(state: CallBackState, text: str, today: dt.date, retention_days: int, now: dt.datetime,
         crisis: bool = False) -> StepResult:
    """One answer in, the next question (or the end) out. The given state is left unchanged.
    `crisis`: the NLU pipeline saw harm in the message (in any language); the caller has already
    sent the crisis contacts. The case then goes to the top of the queue, and the question is
    asked again rather than taking the message as its answer."""
    state = CallBackState.from_slot(state.as_slot())
    text = (text or "").strip()
    if crisis or is_crisis(text):
        state.safeguarding = True
        if state.asking and state.asking != "consent":
            return StepResult(state, [question(state.asking, state, retention_days)])
    if CANCEL_WORDS.search(text):
        return StepResult(CallBackState(), [Reply("I have stopped. Nothing has been kept. You can phone "
                                                  f"Luton SENDIAS on {phone('sendias')} at any time.")], "cancelled")
    asking = state.asking or "consent"
    skipped = bool(SKIP_WORDS.search(text)) or text.lower() == SKIP.lower()
    if asking == "consent":
        if says_yes(text):
            state.consent_at = now.isoformat()
            return _next(state, "consent", retention_days)
        if says_no(text) or skipped:
            return StepResult(CallBackState(), [Reply("That is fine. Nothing has been kept. You can phone "
                                                      f"Luton SENDIAS on {phone('sendias')} yourself.")], "declined")
        return _again(state, "Please answer yes or no.", retention_days)
    if asking == "confirm":
        if says_yes(text):
            return StepResult(state, [], "done")
        if says_no(text):
            return StepResult(CallBackState(), [Reply("I have not sent it, and nothing has been kept. You can "
                                                      f"phone Luton SENDIAS on {phone('sendias')}.")], "cancelled")
        return _again(state, "Please answer yes to send it, or no.", retention_days)
    if asking == "contact":
        contact = read_contact(text)
        if contact is None:
            why = ("The adviser needs a way to reach you. If you would rather not give one, type \"cancel\" and "
                   f"phone Luton SENDIAS on {phone('sendias')} yourself." if skipped else
                   "I could not read that as a UK phone number or an e-mail address. Please try again.")
            return _again(state, why, retention_days)
        state.answers["contact"] = contact
        return _next(state, asking, retention_days)
    if skipped or (asking in ("dates", "interpreter") and says_no(text)):
        if asking == "interpreter" and not skipped:
            state.interpreter = False
        return _next(state, asking, retention_days)
    return _answer(state, asking, one_line(text, MAX_ANSWER), today, retention_days)


def _answer(state: CallBackState, asking: str, text: str, today: dt.date, retention_days: int) -> StepResult:
    if asking == "interpreter":
        state.interpreter = True
        language = re.sub(r"^\s*(?:yes|yeah|yep)\b[\s,.:-]*", "", text, flags=re.I).strip()
        if language:
            state.answers["language"] = language[:40]
    elif asking == "role":
        role = _choice(text, ROLES)
        if role is None:
            return _again(state, "Please choose one of the buttons, or skip.", retention_days)
        state.answers["role"] = role
    elif asking == "stage":
        stage = _choice(text, STAGES)
        state.answers["stage"] = stage or text[:40]
    elif asking == "dates":
        event, reading = read_event(text), read_date(text, today)
        if event is not None and reading.problem is DateProblem.IMPOSSIBLE:
            return _again(state, f'{not_a_real_date(reading.text)} Or type "no".', retention_days)
        if event is None or not reading.ok:
            return _again(state, "Please type what happened and the date, for example \"decision letter "
                                 "5 October 2026\", or \"no\".", retention_days)
        try:
            check_date(event, reading.value, today)
        except DeadlineError as error:
            return _again(state, f"{error} Or type \"no\".", retention_days)
        state.dates.append([event.value, reading.value.isoformat()])
    else:
        limit = {"name": NAME_LIMIT, "best_time": 100, "child": 40}.get(asking, MAX_ANSWER)
        state.answers[asking] = text[:limit]
    return _next(state, asking, retention_days)


def urgency_of(state: CallBackState, today: dt.date, story: Iterable[Deadline] = ()) -> Urgency:
    """The case's urgency from its key dates, the deadlines from exact dates in what the family
    wrote before the form (`story`: send_guide.triage.message), and any safeguarding words."""
    deadlines = list(story)
    for event, day in state.dates:
        try:
            deadlines += deadlines_for(Event(event), dt.date.fromisoformat(day), today=today).deadlines
        except DeadlineError:
            continue
    return assess(deadlines, today, safeguarding=state.safeguarding)


def to_request(state: CallBackState, conversation_id: str, topics: list[str],
               situation: dict | None = None) -> CallBackRequest:
    """The finished form as a case to open (only after consent and the final "yes"). `situation`:
    the summary of the reading of the family's earlier messages (none of their words)."""
    if state.consent_at is None:
        raise ValueError("no consent: nothing may be stored")
    contact = state.answers.get("contact", "")
    return CallBackRequest(
        conversation_id=conversation_id, consent_at=dt.datetime.fromisoformat(state.consent_at),
        name=one_line(state.answers.get("name", ""), NAME_LIMIT), phone="" if "@" in contact else contact,
        email=contact if "@" in contact else "", best_time=state.answers.get("best_time", ""),
        language=state.answers.get("language", ""), interpreter=state.interpreter,
        role=state.answers.get("role", ""), child_age_or_year=state.answers.get("child", ""),
        stage=state.answers.get("stage", ""),
        key_dates=[key_date_line(Event(event), dt.date.fromisoformat(day)) for event, day in state.dates],
        description=state.answers.get("description", ""), topics=topics, situation=situation or {},
    )
