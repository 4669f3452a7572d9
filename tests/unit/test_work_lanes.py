"""Short and long messages' work in their own lanes (send_guide/work_lanes.py): the long lane's
thread runs at the lowest priority, and the interpreter lock is handed over quickly."""

import os
import sys
import threading

import pytest

from send_guide.work_lanes import HANDOVER_SECONDS, LONG_LANE_NICENESS, SHORT_CHARS, Lanes
from tests.run_async import run_async


def _thread_name_and_niceness() -> tuple[str, int]:
    return threading.current_thread().name, os.getpriority(os.PRIO_PROCESS, threading.get_native_id())


def test_a_question_and_a_story_are_worked_on_in_their_own_lanes() -> None:
    lanes = Lanes.named("test-lanes")

    async def both() -> tuple[tuple[str, int], tuple[str, int]]:
        question = await lanes.run("what is a SENCO?", _thread_name_and_niceness)
        story = await lanes.run("x" * (SHORT_CHARS + 1), _thread_name_and_niceness)
        return question, story

    (short_thread, short_nice), (long_thread, long_nice) = run_async(both())
    assert short_thread.startswith("test-lanes-short") and long_thread.startswith("test-lanes-long")
    assert short_nice == os.getpriority(os.PRIO_PROCESS, 0)
    if sys.platform.startswith("linux"):
        assert long_nice == LONG_LANE_NICENESS
    assert sys.getswitchinterval() == pytest.approx(HANDOVER_SECONDS)


def test_a_message_of_exactly_the_short_length_is_still_a_question() -> None:
    lanes = Lanes.named("test-edge")
    assert lanes.for_text("x" * SHORT_CHARS) is lanes.short
    assert lanes.for_text("x" * (SHORT_CHARS + 1)) is lanes.long
