"""A situation reading cut down to what an adviser needs to triage a case, to be kept on the case.

The family's own words are personal data, so none of them is kept: no question, no quote, not even
the words of a date. What is kept is what the reading found, in the content file's and the deadline
engine's words: the situation (key and title), the other situations' titles, how many questions
were asked, each date's event and whether it was an exact day, the deadlines worked out from the
exact days, distress (yes or no), who wrote, and the child's age or school year.

`summarise` gives a JSON-serialisable dict; `describe` and `summary_lines` turn a stored one back
into lines for the case page and the CSV export, counting the days left from the day they are shown.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from send_guide.deadlines.rules import RULES
from send_guide.deadlines.timeline import Deadline, DeadlineError, Event, deadlines_for, in_words
from send_guide.situation.reading import Reading
from send_guide.timeline_card import settled_by_later_events

VERSION = 1
MAX_DATES = 12  # a long e-mail can give dozens; an adviser needs the first few, each once
NOT_EXACT = {"vague": "not an exact day", "impossible": "a date that cannot be right"}


def story_deadlines(reading: Reading, today: dt.date) -> list[Deadline]:
    """Every deadline the exact dates in the message start, earliest first (for the urgency)."""
    return [deadline for _, deadline in _dated_deadlines(reading, today)]


def _dated_deadlines(reading: Reading, today: dt.date) -> list[tuple[Event, Deadline]]:
    """Each deadline with the event that started it. Each event and day counts once; a date the
    deadline engine refuses (before EHC plans began, years ahead) starts none; a deadline a later
    event settles (the decision to assess, once there is a draft plan) is left out."""
    pairs = list(dict.fromkeys((d.event, d.date) for d in reading.dates
                               if d.event is not None and d.date is not None))[:MAX_DATES]
    told = [*pairs, *((d.event, None) for d in reading.dates if d.event is not None and d.date is None)]
    found: list[tuple[Event, Deadline]] = []
    for event, day in pairs:
        try:
            found += [(event, deadline) for deadline in deadlines_for(event, day, today=today).deadlines
                      if not settled_by_later_events(deadline, told)]
        except DeadlineError:
            continue
    return sorted(found, key=lambda pair: pair[1].due)


def summarise(reading: Reading, today: dt.date) -> dict[str, Any]:
    """What a case keeps of a reading (see the module's docstring). JSON-serialisable."""
    dates: list[dict[str, Any]] = []
    for given in reading.dates:
        if given.event is None and not given.exact:
            continue  # "this month", with no event: nothing an adviser can act on
        entry = {"event": given.event.value if given.event else None, "exact": given.exact,
                 "date": given.date.isoformat() if given.date else None,
                 "problem": given.problem.value if given.problem and not given.exact else None}
        if entry not in dates and len(dates) < MAX_DATES:
            dates.append(entry)
    return {
        "version": VERSION,
        "situation": {"key": reading.main.key, "title": reading.main.title} if reading.main else None,
        "also": [stage.title for stage in reading.others],
        "questions": len(reading.questions),
        "dates": dates,
        "deadlines": [{"rule": deadline.rule.key, "event": event.value, "from": deadline.trigger.isoformat(),
                       "due": deadline.due.isoformat()} for event, deadline in _dated_deadlines(reading, today)],
        "distress": bool(reading.distress),
        "writer": reading.writer,
        "age": reading.age,
        "school_year": reading.school_year,
    }


# --- back into words ---------------------------------------------------------------------------

def describe(summary: dict[str, Any] | None, today: dt.date) -> list[tuple[str, list[str]]]:
    """(label, lines) pairs for the case page, with each deadline's days left counted from `today`.
    A summary that is empty, from an older version or damaged gives what can be read of it."""
    if not isinstance(summary, dict) or not summary:
        return []
    rows: list[tuple[str, list[str]]] = []
    situation = summary.get("situation")
    rows.append(("Situation", [str(situation.get("title", ""))] if isinstance(situation, dict) else ["None found"]))
    also = [str(title) for title in _list(summary.get("also"))]
    if also:
        rows.append(("Also raised", also))
    questions = summary.get("questions")
    if isinstance(questions, int):
        rows.append(("Questions asked", [str(questions) if questions else "None"]))
    dates = [_date_line(entry) for entry in _list(summary.get("dates")) if isinstance(entry, dict)]
    if dates:
        rows.append(("Dates given", dates))
    deadlines = [_deadline_line(entry, today) for entry in _list(summary.get("deadlines")) if isinstance(entry, dict)]
    if any(deadlines):
        rows.append(("Deadlines from the exact dates", [line for line in deadlines if line]))
    if "distress" in summary:
        rows.append(("Distress", ["Yes" if summary["distress"] else "No"]))
    if summary.get("writer"):
        rows.append(("Written by", [str(summary["writer"]).replace("_", " ")]))
    if summary.get("age") is not None:
        rows.append(("Age", [str(summary["age"])]))
    if summary.get("school_year"):
        rows.append(("School year", [str(summary["school_year"])]))
    return rows


def events_without_day(summary: dict[str, Any] | None) -> list[Event]:
    """The events a stored summary tells of with no exact day ("the final plan came in July")."""
    found = []
    for entry in _list((summary or {}).get("dates")):
        if isinstance(entry, dict) and not entry.get("exact") and entry.get("event"):
            try:
                found.append(Event(entry["event"]))
            except ValueError:
                continue
    return found


def summary_lines(summary: dict[str, Any] | None, today: dt.date) -> list[str]:
    """The same as `describe`, a line each: for the CSV export and the command line."""
    return [f"{label}: {line}" for label, lines in describe(summary, today) for line in lines]


def _list(value: Any) -> list:
    return value if isinstance(value, list) else []


def _event_words(value: Any) -> str:
    return str(value).replace("-", " ") if value else "event not said"


def _day(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def _date_line(entry: dict[str, Any]) -> str:
    day = _day(entry.get("date")) if entry.get("exact") else None
    when = in_words(day) if day else NOT_EXACT.get(str(entry.get("problem")), "not an exact day")
    return f"{_event_words(entry.get('event'))}: {when}"


def _deadline_line(entry: dict[str, Any], today: dt.date) -> str:
    """The rule's own sentence with the days left today, where it came from, and its law."""
    rule, due, trigger = RULES.get(str(entry.get("rule"))), _day(entry.get("due")), _day(entry.get("from"))
    if rule is None or due is None:
        return ""
    deadline = Deadline(rule, due, trigger or due)
    start = f" (from the {_event_words(entry.get('event'))} date, {in_words(trigger)})" if trigger else ""
    return f"{deadline.sentence} {deadline.status(today).capitalize()}{start}. {rule.source}."
