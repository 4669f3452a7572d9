"""Worker threads in two lanes, one for short messages and one for long ones.

Why: the CPU work of a turn (understanding the message in the Rasa server, reading the situation
in the action server) once ran on each server's one event loop, in arrival order. Three people
sending long messages again and again put everyone else's answers behind theirs. In lanes, a
question waits only behind other questions, and a story behind other stories; one thread per
lane, so a burst of long messages queues and leaves a core for the rest. benchmarks/fairness.py
measures another user's latency while long messages arrive.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

SHORT_CHARS = 300  # about 50 words: a question; a story or a pasted letter is longer


@dataclass(frozen=True)
class Lanes:
    short: ThreadPoolExecutor
    long: ThreadPoolExecutor

    @classmethod
    def named(cls, name: str) -> Lanes:
        return cls(ThreadPoolExecutor(1, f"{name}-short"), ThreadPoolExecutor(1, f"{name}-long"))

    def for_text(self, text: str) -> ThreadPoolExecutor:
        return self.short if len(text) <= SHORT_CHARS else self.long
