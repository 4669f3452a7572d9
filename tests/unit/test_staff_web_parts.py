"""The staff page's plain parts: the login throttle and the transcript read from tracker events."""

import datetime as dt
import threading

from send_guide.triage.throttle import (
    CLIENT_LIMIT,
    MAX_KEYS,
    NAME_LIMIT,
    PAIR_LIMIT,
    RECOGNISED,
    WINDOW,
    LoginThrottle,
)
from web.transcript import ASSISTANT, FAMILY, lines_from_events

NOW = dt.datetime(2026, 11, 26, 9, 0, tzinfo=dt.timezone.utc)


def fail(throttle: LoginThrottle, name: str, client: str, times: int, now: dt.datetime = NOW) -> int:
    """Wrong passwords: each attempt is counted when it is let through. Returns how many were."""
    return sum(throttle.attempt(name, client, now) is not None for _ in range(times))


def test_a_name_and_client_is_blocked_after_the_limit_and_freed_when_the_window_passes() -> None:
    throttle = LoginThrottle()
    assert fail(throttle, "Alice", "10.0.0.1", PAIR_LIMIT - 1) == PAIR_LIMIT - 1
    assert fail(throttle, " alice ", "10.0.0.1", 1) == 1
    assert throttle.attempt("ALICE", "10.0.0.1", NOW) is None
    assert throttle.attempt("bob", "10.0.0.1", NOW) is not None
    assert throttle.attempt("alice", "10.0.0.2", NOW) is not None, "another computer is counted apart"
    assert throttle.attempt("alice", "10.0.0.1", NOW + WINDOW) is not None


def test_a_right_password_gives_its_attempt_back_and_clears_the_pair() -> None:
    throttle = LoginThrottle()
    fail(throttle, "carol", "10.0.0.1", PAIR_LIMIT - 1)
    throttle.succeeded(throttle.attempt("carol", "10.0.0.1", NOW))
    assert fail(throttle, "carol", "10.0.0.1", PAIR_LIMIT) == PAIR_LIMIT


def test_attempts_made_at_the_same_moment_get_no_more_than_the_limit() -> None:
    throttle, start = LoginThrottle(), threading.Barrier(4 * PAIR_LIMIT)
    allowed = []

    def guess() -> None:
        start.wait()
        allowed.append(throttle.attempt("dave", "10.0.0.1", NOW) is not None)

    threads = [threading.Thread(target=guess) for _ in range(4 * PAIR_LIMIT)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert allowed.count(True) == PAIR_LIMIT


def test_one_client_trying_many_names_is_stopped() -> None:
    throttle = LoginThrottle()
    assert sum(fail(throttle, f"name{number}", "10.0.0.9", 1) for number in range(CLIENT_LIMIT + 5)) == CLIENT_LIMIT
    assert throttle.attempt("name0", "10.0.0.8", NOW) is not None


def test_many_clients_guessing_one_name_are_stopped_but_not_the_advisers_own_computer() -> None:
    throttle = LoginThrottle()
    throttle.succeeded(throttle.attempt("erin", "office", NOW))  # she logged in from here before
    let_through = sum(fail(throttle, "erin", f"10.1.{number}.1", 1) for number in range(NAME_LIMIT + 10))
    assert let_through == NAME_LIMIT
    assert throttle.attempt("erin", "10.2.0.1", NOW) is None, "a new address is refused for this name"
    assert throttle.attempt("erin", "office", NOW) is not None, "her own computer still gets in"
    later = NOW + RECOGNISED + WINDOW
    assert sum(fail(throttle, "erin", f"10.3.{number}.1", 1, later) for number in range(NAME_LIMIT)) == NAME_LIMIT
    assert throttle.attempt("erin", "office", later) is None, "recognised only for a while"


def test_many_made_up_names_and_clients_do_not_grow_memory_without_end() -> None:
    throttle = LoginThrottle()
    for number in range(MAX_KEYS + 50):
        throttle.attempt(f"made-up-{number}", f"client-{number}", NOW)
    assert all(len(table) <= MAX_KEYS for table in throttle.tables())
    fail(throttle, f"made-up-{MAX_KEYS + 49}", f"client-{MAX_KEYS + 49}", PAIR_LIMIT)
    assert throttle.attempt(f"made-up-{MAX_KEYS + 49}", f"client-{MAX_KEYS + 49}", NOW) is None, \
        "recent keys are still counted"


def test_the_transcript_keeps_what_was_said_and_nothing_else() -> None:
    events = [
        {"event": "action", "name": "action_listen", "timestamp": 1764147600},
        {"event": "user", "text": "I want a call back", "timestamp": 1764147601,
         "parse_data": {"intent": {"name": "request_callback"}}},
        {"event": "slot", "name": "callback_state", "value": {"answers": {"phone": "07700 900123"}}},
        {"event": "bot", "text": "Do you agree?", "timestamp": 1764147602,
         "data": {"buttons": [{"title": "Yes", "payload": "/affirm"}, {"title": "No", "payload": "/deny"}]}},
        {"event": "user", "text": "/affirm", "timestamp": 1764147603, "parse_data": {"intent": {"name": "affirm"}}},
        {"event": "bot", "text": "Here are services.", "data": {"custom": {"data": {"services": []}}}},
        {"event": "bot", "text": None, "data": {"custom": {"data": {"type": "form", "form": "callback",
                                                                    "event": "end", "kept": False}}}},
        {"event": "bot", "text": None, "timestamp": "not a time"},
        {"event": "bot", "text": None, "data": {"custom": {"data": {
            "type": "timeline", "text": "Your EHC timeline:\n- Today: Friday 4 December 2026.", "steps": []}}}},
    ]
    lines = lines_from_events(events)
    assert [(line.speaker, line.text) for line in lines] == [
        (FAMILY, "I want a call back"),
        (ASSISTANT, "Do you agree?\n[buttons: Yes | No]"),
        (FAMILY, "[pressed a button: affirm]"),
        (ASSISTANT, "Here are services.\n[service details shown as cards]"),
        (ASSISTANT, "[timeline card]\nYour EHC timeline:\n- Today: Friday 4 December 2026."),
    ]
    assert lines[0].at == dt.datetime(2025, 11, 26, 9, 0, 1, tzinfo=dt.timezone.utc)
    assert lines[3].at is None
    assert "07700" not in repr(lines)
