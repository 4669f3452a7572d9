"""Request bodies our servers refuse with a reason (send_guide/json_body.py): issue 17 item 8."""

import json

import pytest

from send_guide.json_body import MAX_DEPTH, nesting_depth, read_body

DEEP_LIST = ("[" * 900 + "]" * 900).encode()
DEEP_OBJECT = ('{"a":' * 900 + "1" + "}" * 900).encode()


def test_depth_is_counted_without_running_out_of_stack() -> None:
    assert nesting_depth("[" * 100_000 + "]" * 100_000) == 100_000
    assert nesting_depth('{"a": [1, {"b": "[[[[{{{{"}], "c": "\\"[["}') == 3, "brackets in strings do not count"
    assert nesting_depth("") == 0


@pytest.mark.parametrize("body", [DEEP_LIST, DEEP_OBJECT, ("[" * 100_000).encode()])
def test_a_deeply_nested_body_is_refused(body: bytes) -> None:
    value, problem = read_body(body, "application/json", lists_allowed=True)
    assert value is None and "nested too deeply" in problem


@pytest.mark.parametrize(("body", "why"), [(b"[1, 2]", "JSON object"), (b'"text"', "JSON object"),
                                           (b"{not json", "not valid JSON"), (b'{"a": "\xff"}', "UTF-8"),
                                           (b'{"tracker": [1]}', '"tracker" must be a JSON object')])
def test_a_body_of_the_wrong_shape_is_refused_with_the_reason(body: bytes, why: str) -> None:
    value, problem = read_body(body, "application/json", objects_in=("tracker",))
    assert value is None and why in problem


def test_good_bodies_are_read_once() -> None:
    call = {"next_action": "action_show_menu", "tracker": {"events": [{"event": "user", "text": "[[{"}]}}
    nested = {"a": 1}
    for _ in range(MAX_DEPTH - 1):
        nested = {"a": nested}
    assert read_body(json.dumps(call).encode(), "application/json", objects_in=("tracker",)) == (call, None)
    assert read_body(json.dumps(nested).encode()) == (nested, None), "JSON is recognised without its content type"
    events = [{"event": "slot", "name": "x", "value": 1}]
    assert read_body(json.dumps(events).encode(), "application/json", lists_allowed=True) == (events, None)


def test_bodies_that_are_not_json_are_left_to_the_route() -> None:
    assert read_body(b"version: '3.1'\nnlu: []", "application/x-yaml") == (None, None)
    assert read_body(b"", "application/json") == (None, None)
    assert read_body(b"username=a&password=b", "application/x-www-form-urlencoded") == (None, None)
