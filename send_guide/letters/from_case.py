"""What a call-back case already tells a letter an adviser makes from it.

A case keeps the exact day of each event the family gave (send_guide/triage/cases.py case_dates)
and how to reach them. A letter kind counts its deadline dates from some of its details
(kinds/*.yml `dates`: `from: request_date`, `event: request`), so the case's day for that event
fills that detail; the name, phone and e-mail the family gave fill the sender's lines. Everything
else stays for the adviser to fill in or leave as a gap. No Rasa import, no database.
"""

from __future__ import annotations

import datetime as dt
from typing import Mapping

from send_guide.deadlines.timeline import Event, in_words
from send_guide.letters.kinds import LetterKind

# The case's contact details and the letter's sender lines they fill.
SENDER_FROM_CASE = (("name", "your_name"), ("phone", "your_phone"), ("email", "your_email"))


def details_from_case(kind: LetterKind, dates: Mapping[Event, dt.date], contact: Mapping[str, str]) -> dict[str, str]:
    """The letter's details a case fills: the day each deadline counts from, in words, and the sender's lines."""
    names = {detail.name for detail in kind.details}
    values = {deadline.start: in_words(dates[deadline.event]) for deadline in kind.dates
              if deadline.start in names and deadline.event in dates}
    values.update({detail: contact[field] for field, detail in SENDER_FROM_CASE if contact.get(field)})
    return values
