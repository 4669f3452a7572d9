"""Worker threads in two lanes, one for short messages and one for long ones.

Why: the CPU work of a turn (understanding the message in the Rasa server, reading the situation
in the action server) once ran on each server's one event loop, in arrival order. Three people
sending long messages again and again put everyone else's answers behind theirs. In lanes, a
question waits only behind other questions, and a story behind other stories; one thread per
lane, so a burst of long messages queues and leaves a core for the rest. benchmarks/fairness.py
measures another user's latency while long messages arrive.

Two more things keep the long lane from crowding the rest on a machine with few cores (with
benchmarks/fairness.py on 2 cores, another user's p95 went from 258-395 ms to 126-339 ms, with
the other changes of the same commit, and to 107-143 ms once conversations were loaded and saved
in lanes too, stores/conversation_store.py; README, "Security"):
- the long lane's threads run at the lowest scheduling priority (Linux "nice" 19, per thread), so a
  short turn's threads and the event loop get a core as soon as they need one;
- the interpreter hands its lock (the GIL) to a waiting thread after 1 ms, not Python's 5 ms: the
  event loop waits for it many times a turn while a long message's Python code runs.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, Callable, TypeVar

Result = TypeVar("Result")

SHORT_CHARS = 300  # about 50 words: a question; a story or a pasted letter is longer
LONG_LANE_NICENESS = 19  # the lowest priority: the long lane works when nothing else waits
HANDOVER_SECONDS = 0.001  # Python's default is 0.005


@dataclass(frozen=True)
class Lanes:
    short: ThreadPoolExecutor
    long: ThreadPoolExecutor

    @classmethod
    def named(cls, name: str) -> Lanes:
        sys.setswitchinterval(HANDOVER_SECONDS)
        return cls(ThreadPoolExecutor(1, f"{name}-short"),
                   ThreadPoolExecutor(1, f"{name}-long", initializer=lower_this_threads_priority))

    def for_text(self, text: str) -> ThreadPoolExecutor:
        return self.short if len(text) <= SHORT_CHARS else self.long

    async def run(self, text: str, work: Callable[..., Result], *arguments: Any) -> Result:
        """Await `work(*arguments)`, done in the lane of the message `text`."""
        return await asyncio.get_running_loop().run_in_executor(self.for_text(text), work, *arguments)


def lower_this_threads_priority() -> None:
    """On Linux a thread has its own niceness, set through its thread id; elsewhere the same call
    would change a whole process (or another one), so nothing is done there."""
    if sys.platform.startswith("linux"):
        # A sandbox may forbid it: the lanes still work, only less fairly.
        with contextlib.suppress(OSError):
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), LONG_LANE_NICENESS)
