"""What the family's own message tells the letter form: the exact days it gives, who is writing,
the right those days give, and the answer to anything else it asks.

"We asked for an assessment on 10 February 2025 ... can you help me write a letter? What are my
rights?" gets the deadline its dates give before the questions, and "10 February 2025" is offered
as the answer to the date the letter needs, so nothing is typed twice.
"""

from __future__ import annotations

import datetime as dt

from send_guide.deadlines.dialogue import how_far
from send_guide.deadlines.timeline import Event
from send_guide.letters.choose import asks_for_a_letter, kind_for_text
from send_guide.letters.compose import LetterInputError, letter_deadline
from send_guide.letters.from_case import details_from_case
from send_guide.letters.kinds import LetterKind
from send_guide.situation.reading import Reading, read
from send_guide.situation.reply import reply as situation_reply


def exact_days(reading: Reading) -> dict[str, str]:
    """The message's exact days by event ({"request": "2025-02-10"})."""
    return {given.event.value: given.date.isoformat() for given in reading.dates
            if given.event is not None and given.date is not None and given.exact}


def answer_to_the_rest(reading: Reading, today: dt.date) -> str | None:
    """The situation's answer, when the message asks more than for the letter ("... can you help me
    write the comments letter? Also what if the council says no to the special school?")."""
    if not any(not asks_for_a_letter(question) for question in reading.questions):
        return None
    answer = situation_reply(reading, today)
    return answer.text if answer else None


def suggestions(kind: LetterKind, days: dict[str, str]) -> dict[str, str]:
    """The letter's details those days answer, in words (send_guide/letters/from_case.py)."""
    dates = {}
    for event, day in days.items():
        try:
            dates[Event(event)] = dt.date.fromisoformat(day)
        except ValueError:
            continue
    return details_from_case(kind, dates, {})


def rights(kind: LetterKind, suggested: dict[str, str], today: dt.date) -> str | None:
    """What the law says about those days: each deadline the letter rests on, how far it is, its law."""
    lines = []
    for date in kind.dates:
        try:
            deadline = letter_deadline(date, suggested, today) if date.start in suggested else None
        except LetterInputError:
            continue
        if deadline is not None:
            lines.append(f"{deadline.sentence} {how_far(deadline, today)} Law: {deadline.rule.source}.")
    return " ".join(lines) or None


def kind_for_message(text: str, today: dt.date) -> str | None:
    """The letter a message asks for: the one its words name, else the one its situation needs ("the
    TA left and nobody replaced her ... can you help me write a letter?" is help not given), else
    None (the form then offers every letter)."""
    named = kind_for_text(text)
    if named is not None or not text.strip():
        return named
    main = read(text, today).main
    return main.letter if main is not None else None
