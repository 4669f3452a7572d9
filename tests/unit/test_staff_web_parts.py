"""The staff page's plain parts: the login throttle and the transcript read from tracker events."""

import datetime as dt

from send_guide.triage.throttle import LIMIT, WINDOW, LoginThrottle
from web.transcript import ASSISTANT, FAMILY, lines_from_events

NOW = dt.datetime(2026, 11, 26, 9, 0, tzinfo=dt.timezone.utc)


def test_a_name_is_blocked_after_the_limit_and_freed_when_the_window_passes() -> None:
    throttle = LoginThrottle()
    for _ in range(LIMIT - 1):
        throttle.failed("Alice", NOW)
    assert not throttle.blocked("alice", NOW)
    throttle.failed(" alice ", NOW)
    assert throttle.blocked("ALICE", NOW) and not throttle.blocked("bob", NOW)
    assert not throttle.blocked("alice", NOW + WINDOW)


def test_a_good_login_clears_the_count() -> None:
    throttle = LoginThrottle()
    for _ in range(LIMIT - 1):
        throttle.failed("carol", NOW)
    throttle.succeeded("carol")
    throttle.failed("carol", NOW)
    assert not throttle.blocked("carol", NOW)


def test_many_made_up_names_do_not_grow_memory_without_end() -> None:
    throttle = LoginThrottle(limit=2)
    for number in range(10_050):
        throttle.failed(f"made-up-{number}", NOW)
    assert len(throttle._failures) <= 10_000
    throttle.failed("made-up-10049", NOW)
    assert throttle.blocked("made-up-10049", NOW)  # recent names are still counted


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
        {"event": "bot", "text": None, "timestamp": "not a time"},
    ]
    lines = lines_from_events(events)
    assert [(line.speaker, line.text) for line in lines] == [
        (FAMILY, "I want a call back"),
        (ASSISTANT, "Do you agree?\n[buttons: Yes | No]"),
        (FAMILY, "[pressed a button: affirm]"),
        (ASSISTANT, "Here are services.\n[service details shown as cards]"),
    ]
    assert lines[0].at == dt.datetime(2025, 11, 26, 9, 0, 1, tzinfo=dt.timezone.utc)
    assert lines[3].at is None
    assert "07700" not in repr(lines)
