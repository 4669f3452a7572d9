"""The letter form as plain Python: which letter, who writes, each detail (each may be skipped),
a preview, then the letter. The Rasa action only moves this state in and out of one slot.

The state holds the details only while the form runs; the action clears it when the form ends.
A detail the letter cannot take (too long, not a real date, a deadline not yet passed) is asked
again with the reason, so a family is never stuck and nothing crashes.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass, field, replace

from send_guide.contacts import fill_contacts
from send_guide.form_words import CANCEL_WORDS, ONLY_SKIP, says_no, says_yes
from send_guide.languages.identify import ENGLISH
from send_guide.languages.replies import LETTER_IN_ENGLISH, messages_for
from send_guide.letters import from_message
from send_guide.letters.compose import Answers, LetterInputError, compose
from send_guide.letters.kinds import LetterKind, all_kinds
from send_guide.letters.letter import Letter
from send_guide.letters.text import to_text
from send_guide.situation.reading import read

SKIP_BUTTON = ("Skip this", "skip")
WRITER_QUESTION = "Who is writing the letter?"
WRITER_BUTTONS = (("I am the parent or carer", "parent"), ("I am 16 to 25, writing for myself", "young person"))
_YOUNG_PERSON = re.compile(r"\b(?:young\s+person|myself|for\s+me|i\s*a?m\s+(?:1[6-9]|2[0-5]))\b", re.I)
_PARENT = re.compile(r"\b(?:parent|carer|mum|mother|dad|father|guardian)\b", re.I)
YOUR_NAME = ("your_name", "What name should the letter be signed with?")
GOODBYE = ("I have stopped the letter. Nothing from it is kept. You can ask for a letter again at any time. "
           "For free help, phone Luton SENDIAS on {contact_sendias}.")
CHECK_BEFORE_SENDING = (
    "Before you send it: fill in every gap in [square brackets], check every date, and keep a copy. "
    "Send it by e-mail if you can, so you have the date it was sent. This is information, not legal advice. "
    "For free help with the letter, phone Luton SENDIAS on {contact_sendias}.")


SOMETHING_CHANGED = ("I could not make the files: a date in the letter no longer fits. Please ask for the "
                     "letter again. For free help, phone Luton SENDIAS on {contact_sendias}.")
LINKS = ("Download your letter as a Word file: {word}\nor as a PDF: {pdf}\nThese links work for 1 hour. "
         "After that the letter is deleted.")


def links_text(word: str, pdf: str) -> str:
    return LINKS.format(word=word, pdf=pdf)


@dataclass(frozen=True)
class LetterState:
    kind: str | None = None
    writer: str | None = None
    asking: str | None = None  # a detail's name, "writer", "kind" or "preview"
    answers: dict[str, str] = field(default_factory=dict)
    # The language other than English the family wrote in during the form ("ur", "ur-Latn"), so
    # the letter comes with the notice, in that language, that it stays in English for the council.
    language: str | None = None
    # The exact days the message that started the form gave, by event ("request": "2025-02-10"):
    # offered as the answer to the detail a deadline counts from, and used to state the right.
    message_dates: dict[str, str] = field(default_factory=dict)

    def as_slot(self) -> dict:
        return asdict(self)

    @classmethod
    def from_slot(cls, value: object) -> LetterState:
        if not isinstance(value, dict):
            return cls()
        names = ("kind", "writer", "asking", "answers", "language", "message_dates")
        return cls(**{key: value[key] for key in names if key in value})


@dataclass(frozen=True)
class Reply:
    text: str
    buttons: tuple[tuple[str, str], ...] = ()  # (title, text sent when pressed)
    # Set when the text is already in its language: a pre-written notice, or the letter itself
    # ("en"). The channel sends it as it is, never machine-translated.
    language: str | None = None


# After the letter: help from a person, who then sees the letter (the call-back form asks first).
AFTER_LETTER = Reply("Would you like help with this letter? A Luton SENDIAS adviser can call you back. "
                     "If you ask, the letter is kept with your request, so the adviser can see it.",
                     (("Ask for a call back", "/request_callback"),))


@dataclass(frozen=True)
class StepResult:
    state: LetterState
    replies: tuple[Reply, ...]
    outcome: str | None = None  # None while asking; "done" (with the letter) or "stopped"
    letter: Letter | None = None


def kind_buttons() -> tuple[tuple[str, str], ...]:
    return tuple((kind.title, kind.key) for kind in all_kinds().values())


def start(kind: str | None, today: dt.date, writer: str | None = None, language: str | None = None,
          message: str = "", dates: dict[str, str] | None = None) -> StepResult:
    """Begin the form, for a letter already chosen (an offer after a deadline answer) or not.
    `language` is the message's language when it is not English (see LetterState.language).
    `message`: what the family wrote when asking; its exact days and who is writing are used
    (send_guide/letters/from_message.py). `dates`: days already known by event ({"request":
    "2025-01-06"}: the deadline form's answer)."""
    reading = read(message, today) if message.strip() else None
    state = LetterState(kind=kind, writer=writer or (reading.writer if reading else None),
                        language=_other_than_english(language),
                        message_dates={**(dates or {}), **(from_message.exact_days(reading) if reading else {})})
    answer = from_message.answer_to_the_rest(reading, today) if reading else None
    first = _begin(state, today, rights=answer is None)
    # Without its buttons: inside the form, a button would be read as the answer to a question.
    return replace(first, replies=(Reply(answer), *first.replies)) if answer else first


def _begin(state: LetterState, today: dt.date, rights: bool = True) -> StepResult:
    kind = all_kinds().get(state.kind or "")
    if kind is None:
        return StepResult(replace(state, kind=None, asking="kind"), (Reply(
            "I can draft these letters for you to check and send. Which one do you need?", kind_buttons()),))
    state = replace(state, writer=state.writer if state.writer in kind.writers else None)
    first = _next(state, today, intro=f"I will help you write: {kind.title}.")
    said = from_message.rights(kind, _suggestions(kind, state), today) if rights else None
    return replace(first, replies=(Reply(said), *first.replies)) if said else first


def _suggestions(kind: LetterKind, state: LetterState) -> dict[str, str]:
    return from_message.suggestions(kind, state.message_dates)


def step(state: LetterState, text: str, today: dt.date, language: str | None = None) -> StepResult:
    text = (text or "").strip()
    if _other_than_english(language):
        state = replace(state, language=language)
    if CANCEL_WORDS.search(text):
        return StepResult(LetterState(), (Reply(fill_contacts(GOODBYE)),), outcome="stopped")
    if state.asking == "kind":
        chosen = _read_kind(text)
        if chosen is None:
            return StepResult(state, (Reply("Please choose one of these letters, or say stop.", kind_buttons()),))
        return _begin(replace(state, kind=chosen), today)
    kind = all_kinds().get(state.kind or "")
    if kind is None:  # a state from an older version: begin again
        return _begin(replace(state, kind=None), today)
    if state.asking == "writer":
        writer = "young_person" if _YOUNG_PERSON.search(text) else "parent" if _PARENT.search(text) else None
        if writer is None:
            return StepResult(state, (Reply(WRITER_QUESTION, WRITER_BUTTONS),))
        return _next(replace(state, writer=writer), today)
    if state.asking == "preview":
        return _finish(state, text, today)
    return _answer(state, kind, text, today)


def _other_than_english(language: str | None) -> str | None:
    return language if language and language != "en" else None


def _read_kind(text: str) -> str | None:
    lowered = text.lower()
    for key, kind in all_kinds().items():
        if lowered in (key, kind.title.lower()):
            return key
    return None


def _questions(kind: LetterKind) -> list[tuple[str, str]]:
    return [(detail.name, detail.ask) for detail in kind.details] + [YOUR_NAME]


def _next(state: LetterState, today: dt.date, intro: str = "") -> StepResult:
    """The next question; `intro` (which letter this is) leads the first one."""
    kind = all_kinds()[state.kind or ""]
    if state.writer is None:
        if len(kind.writers) == 1:
            state = replace(state, writer=kind.writers[0])
        else:
            return StepResult(replace(state, asking="writer"), (Reply(
                f"{intro} {WRITER_QUESTION}".strip(), WRITER_BUTTONS),))
    for name, ask in _questions(kind):
        if name not in state.answers:
            suggested = _suggestions(kind, state).get(name)
            if suggested:
                ask, buttons = f"{ask} You told me: {suggested}.", ((suggested, suggested), SKIP_BUTTON)
            else:
                buttons = (SKIP_BUTTON,)
            return StepResult(replace(state, asking=name), (Reply(
                f"{intro} {ask} You can say skip, and the letter will show a gap to fill in by hand.".strip(),
                buttons),))
    return _preview(state, today)


def _answer(state: LetterState, kind: LetterKind, text: str, today: dt.date) -> StepResult:
    name = state.asking or ""
    value = "" if ONLY_SKIP.match(text) else text
    answers = {**state.answers, name: value}
    try:
        compose(kind.key, Answers({k: v for k, v in answers.items() if v}, state.writer or "parent"), today)
    except LetterInputError as problem:
        ask = dict(_questions(kind)).get(name, "")
        return StepResult(state, (Reply(f"{problem} {ask}", (SKIP_BUTTON,)),))
    return _next(replace(state, answers=answers), today)


def _preview(state: LetterState, today: dt.date) -> StepResult:
    letter = _compose(state, today)
    return StepResult(replace(state, asking="preview"), (
        Reply("Here is your letter. Please read it."),
        Reply(to_text(letter), language=ENGLISH),  # the council reads it: never machine-translated
        Reply("Shall I make it into a Word file and a PDF for you to download?",
              (("Yes, make the files", "yes"), ("No, stop", "stop"))),
    ))


def finished_letter(state: LetterState, today: dt.date) -> Letter | None:
    """The letter of a form that ended with "yes", for the files; None for any other state."""
    if state.asking != "done" or state.kind not in all_kinds():
        return None
    try:
        return _compose(state, today)
    except LetterInputError:  # a date that was fine yesterday and is not today: the form starts again
        return None


def _compose(state: LetterState, today: dt.date) -> Letter:
    values = {key: value for key, value in state.answers.items() if value}
    return compose(state.kind or "", Answers(values, state.writer or "parent"), today)


def _in_english_notice(state: LetterState) -> tuple[Reply, ...]:
    """For a family who wrote in another language: the pre-written notice, in her language, that
    the letter is in English because the council reads English (send_guide/content/languages/)."""
    messages = messages_for(state.language) if state.language else None
    return () if messages is None else (Reply(messages.notice(LETTER_IN_ENGLISH), language=messages.code),)


def _finish(state: LetterState, text: str, today: dt.date) -> StepResult:
    if says_yes(text):
        # The state is kept, finished, for the action that makes the files; it clears it then.
        letter = _compose(state, today)
        replies = (*_in_english_notice(state), Reply(fill_contacts(CHECK_BEFORE_SENDING)))
        return StepResult(replace(state, asking="done"), replies, outcome="done", letter=letter)
    if says_no(text):
        return StepResult(LetterState(), (Reply(fill_contacts(GOODBYE)),), outcome="stopped")
    return StepResult(state, (Reply("Shall I make the Word file and the PDF? Please say yes or stop.",
                                    (("Yes, make the files", "yes"), ("No, stop", "stop"))),))
