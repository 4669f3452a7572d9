"""Fill a letter kind with what the family told us and the dates the deadline engine works out.

Every detail may be skipped: the letter then shows a clear gap ("[your child's name]") for the
family to fill in by hand. Details are plain text, whatever they look like (HTML stays literal
text, and no output renders it). A detail too long, or a date that is not real, is refused with a
message the family can act on, never cut silently or crashed on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from send_guide.contacts import fill_contacts
from send_guide.deadlines.reading import read_date
from send_guide.deadlines.timeline import Deadline, DeadlineError, deadlines_for, in_words
from send_guide.letters.kinds import DeadlineDate, LetterKind, all_kinds
from send_guide.letters.letter import Letter
from send_guide.message_guard import one_line

MAX_CHARS = {"text": 120, "date": 60, "long_text": 1500}
SENDER_DETAILS = ("your_name", "your_address", "your_email", "your_phone")
SENDER_GAPS = {"your_name": "your name", "your_address": "your address", "your_email": "your e-mail address",
               "your_phone": "your phone number"}
# Printed on the letter, so it speaks to whoever reads it, the council too. What the family must
# do before sending it (check the details, fill the gaps, keep a copy) is said in the chat.
FOOTER = ("This letter was drafted with the help of the Luton SEND Guide. It gives information and the "
          "writer's own requests. It is not legal advice. Free, impartial advice: Luton SENDIAS, "
          "{contact_sendias}.")


class LetterInputError(ValueError):
    """A detail the letter cannot take; the message says what to do instead."""


@dataclass(frozen=True)
class Answers:
    """The family's details by name (a missing or empty one is skipped) and who is writing."""

    values: Mapping[str, str]
    writer: str = "parent"


def compose(kind_key: str, answers: Answers, today: dt.date) -> Letter:
    kind = all_kinds().get(kind_key)
    if kind is None:
        raise LetterInputError(f"There is no letter called {one_line(kind_key, 40)!r}.")
    if answers.writer not in kind.writers:
        raise LetterInputError("This letter is written by a parent.")
    filled = _details(kind, answers.values, today)
    filled.update(_dates(kind, answers.values, today))
    filled["today"] = in_words(today)

    def fill(text: str) -> str:
        return text.format_map(filled)

    writer_name = filled["your_name"]
    return Letter(
        kind=kind.key, title=kind.title,
        sender=tuple(filled[name] for name in SENDER_DETAILS),
        recipient=tuple(fill(line) for line in kind.recipient),
        date=in_words(today), subject=fill(kind.subject), greeting=fill(kind.greeting),
        paragraphs=tuple(fill(text) for text in kind.paragraph_texts(answers.writer)),
        closing=("Yours faithfully,", "", writer_name),
        law=tuple(line.says for line in (*kind.law, *kind.guidance)), footer=_footer())


def _footer() -> str:
    return fill_contacts(FOOTER)


def _gap(text: str) -> str:
    return f"[{text}]"


def _details(kind: LetterKind, values: Mapping[str, str], today: dt.date) -> dict[str, str]:
    filled = {}
    for name in SENDER_DETAILS:
        filled[name] = _text(values.get(name), "text", SENDER_GAPS[name])
    for detail in kind.details:
        raw = values.get(detail.name)
        if detail.kind == "date":
            filled[detail.name] = _date_words(raw, detail.gap, today)
        else:
            filled[detail.name] = _text(raw, detail.kind, detail.gap)
    return filled


def _text(raw: str | None, kind: str, gap: str) -> str:
    """The detail as given, or its gap when skipped; the gap also names it in the refusal."""
    if raw is None or not str(raw).strip():
        return _gap(gap)
    text = str(raw).strip() if kind == "long_text" else one_line(str(raw), 10 * MAX_CHARS[kind])
    if len(text) > MAX_CHARS[kind]:
        raise LetterInputError(
            f"That is too long for {gap} ({len(text)} characters; at most {MAX_CHARS[kind]}). "
            "Please write it more shortly.")
    return text


def _read(raw: str | None, today: dt.date) -> dt.date | None:
    if raw is None or not str(raw).strip():
        return None
    reading = read_date(str(raw)[:MAX_CHARS["date"]], today)
    if not reading.ok:
        raise LetterInputError(
            f"I could not read {one_line(str(raw), 40)!r} as a real date. "
            "Please write it like 14 April 2025, or skip it.")
    if reading.value > today:
        raise LetterInputError(f"{in_words(reading.value)} is after today. Please check the date, or skip it.")
    return reading.value


def _date_words(raw: str | None, gap: str, today: dt.date) -> str:
    day = _read(raw, today)
    return in_words(day) if day else _gap(gap)


def letter_deadline(date: DeadlineDate, values: Mapping[str, str], today: dt.date) -> Deadline | None:
    """The deadline engine's deadline a letter's date rests on; None when the detail it counts
    from was skipped. A start the engine refuses is a LetterInputError, with the engine's reason."""
    start = today if date.start == "today" else _read(values.get(date.start), today)
    if start is None:
        return None
    try:
        timeline = deadlines_for(date.event, start, today=today)
    except DeadlineError as error:
        raise LetterInputError(str(error)) from None
    return next(each for each in timeline.deadlines if each.rule.key == date.rule)


def _dates(kind: LetterKind, values: Mapping[str, str], today: dt.date) -> dict[str, str]:
    found = {}
    for date in kind.dates:
        deadline = letter_deadline(date, values, today)
        if deadline is None:
            found[date.name] = _gap(date.gap)
            continue
        due = deadline.due
        if date.passed and due >= today:
            raise LetterInputError(
                f"That date has not passed yet: it is {in_words(due)}. This letter is for after that date. "
                "Until then, you can ask the council how things are going.")
        found[date.name] = in_words(due)
    return found
