"""Who needs a call back first, and why, in words an adviser can act on.

Four levels, most urgent first:
- immediate: the conversation raised harm, abuse, suicide or danger;
- urgent: a statutory deadline the family can still meet is at most 14 days away (the appeal
  window, a 15-day comment period, contacting a mediation adviser) or a phase-transfer date is;
- high: a date the council (or a professional or the mediation service) had to meet has passed;
- normal: everything else.
The deadlines are the deadline engine's (send_guide/deadlines), so the reason quotes its dates.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import IntEnum
from typing import Iterable

from send_guide.deadlines.rules import Party
from send_guide.deadlines.timeline import Deadline, in_words

URGENT_WITHIN_DAYS = 14
PHASE_TRANSFER_RULES = frozenset({"phase_transfer", "phase_transfer_post16", "post16_transfer"})


class Level(IntEnum):
    """Lower sorts first in the queue."""

    IMMEDIATE = 0
    URGENT = 1
    HIGH = 2
    NORMAL = 3

    @property
    def label(self) -> str:
        return self.name.lower()


@dataclass(frozen=True)
class Urgency:
    level: Level
    reason: str


def _what(deadline: Deadline) -> str:
    return deadline.rule.key.replace("_", " ")


def assess(deadlines: Iterable[Deadline], today: dt.date, safeguarding: bool = False) -> Urgency:
    """The case's urgency and the one reason that sets it."""
    if safeguarding:
        return Urgency(Level.IMMEDIATE, "The conversation mentioned harm, abuse, suicide or danger.")
    deadlines = sorted(deadlines, key=lambda d: d.due)
    soon = [d for d in deadlines if 0 <= d.days_left(today) <= URGENT_WITHIN_DAYS
            and (d.rule.party is Party.FAMILY or d.rule.key in PHASE_TRANSFER_RULES)]
    if soon:
        first = soon[0].due
        same_day = "; ".join(f"{_what(d)} ({d.rule.source})" for d in soon if d.due == first)
        return Urgency(Level.URGENT, f"Deadline in {(first - today).days} days, {in_words(first)}: {same_day}.")
    missed = [d for d in deadlines if d.days_left(today) < 0 and d.rule.party is not Party.FAMILY]
    if missed:
        worst = missed[0]
        return Urgency(Level.HIGH, f"The {worst.rule.party.value} is {-worst.days_left(today)} days late: "
                                   f"{_what(worst)} was due {in_words(worst.due)} ({worst.rule.source}).")
    return Urgency(Level.NORMAL, "No deadline within 14 days and none missed.")
