"""A family's message triaged as the call-back queue would triage it: the situation reading, the
deadlines its exact dates start, the urgency, and the reply the assistant would give.

Used for the messages a family wrote before asking for a call back, and by the staff page "Read a
message" for an e-mail or notes from a phone call. Nothing here stores or logs the text; what a
case may keep of it is `summary` (send_guide/situation/summary.py), which holds none of its words.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Iterable

from send_guide.deadlines.timeline import Deadline
from send_guide.safety import is_crisis
from send_guide.situation import Reading, Reply, read, reply
from send_guide.situation.summary import story_deadlines, summarise
from send_guide.triage.urgency import Urgency, assess

# Reading this much takes about a second of CPU (in a worker thread, never on the event loop);
# a long e-mail chain is longer, and its older parts rarely change the triage.
MAX_CHARS = 20_000


@dataclass(frozen=True)
class MessageTriage:
    reading: Reading
    deadlines: tuple[Deadline, ...]  # from the exact dates in the message, earliest first
    urgency: Urgency
    answer: Reply | None  # None: no situation found, the assistant would answer the question alone
    summary: dict[str, Any]  # what a case keeps


def triage_message(text: str, today: dt.date) -> MessageTriage:
    """The message's triage. Harm mentioned anywhere in it makes it immediate, as in the chat."""
    text = (text or "")[:MAX_CHARS]
    reading = read(text, today)
    deadlines = tuple(story_deadlines(reading, today))
    return MessageTriage(reading=reading, deadlines=deadlines,
                         urgency=assess(deadlines, today, safeguarding=is_crisis(text)),
                         answer=reply(reading, today), summary=summarise(reading, today))


def story_of(messages: Iterable[str]) -> str:
    """Several chat messages as one text to read, newest kept when together they are too long."""
    kept: list[str] = []
    size = 0
    for message in reversed([m.strip() for m in messages if m and m.strip()]):
        if kept and size + len(message) + 1 > MAX_CHARS:
            break
        kept.append(message[:MAX_CHARS])
        size += len(message) + 1
    return "\n".join(reversed(kept))
