"""The reading of a message as plain text a person can check: each finding with the words it came
from, then the reply. Shared by the command line and the staff "Read a message" page."""

from __future__ import annotations

import datetime as dt

from send_guide.situation.reading import Reading, read
from send_guide.situation.reply import reply


def reading_lines(reading: Reading) -> list[str]:
    found = reading.found_by
    lines = []
    if reading.main:
        main = reading.main
        lines.append(f"Situation: {main.title} [{main.key}] (from \"{found[f'situation {main.key}']}\")")
    else:
        lines.append("Situation: none found")
    for other in reading.others:
        asked = ", asked about" if other in reading.asked_stages else ""
        lines.append(f"Also raised{asked}: {other.title} [{other.key}] (from \"{found[f'situation {other.key}']}\")")
    for question in reading.questions:
        lines.append(f"Question: {question}")
    for date in reading.dates:
        what = date.event.value if date.event else "not said"
        value = date.date.isoformat() if date.date else (date.problem.value if date.problem else "?")
        lines.append(f"Date: \"{date.text}\" = {value}; event: {what}")
    for entry in reading.asked_terms:
        lines.append(f"Meaning asked: {entry.term_id}")
    for point in reading.points:
        lines.append(f"Point: {point.key} (from \"{found[f'point {point.key}']}\")")
    if reading.writer:
        lines.append(f"Writer: {reading.writer} (from \"{found[f'writer {reading.writer}']}\")")
    if reading.age is not None:
        lines.append(f"Age: {reading.age} (from \"{found['age']}\")")
    if reading.school_year:
        lines.append(f"School year: {reading.school_year}")
    if reading.distress:
        lines.append("Distress: " + ", ".join(f'"{words}"' for words in reading.distress))
    if reading.asks_about_time:
        lines.append("Asks about a date or time limit: yes")
    return lines


def explain(text: str, today: dt.date) -> str:
    reading = read(text, today)
    lines = reading_lines(reading)
    answer = reply(reading, today)
    lines.append("")
    if answer is None:
        lines.append("Reply: the usual answer for the question (no situation found).")
    else:
        lines.append("Reply:")
        lines.append(answer.text)
        lines.append("Buttons: " + " | ".join(button.title for button in answer.buttons))
        if answer.card is not None:
            lines.append("Timeline card:")
            lines.append(answer.card.text())
    return "\n".join(lines)
