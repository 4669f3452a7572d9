"""Is a request's JSON body one our servers can read? A clear reason when it is not.

Why (issue 17): a body nested 900 deep ("[[[[...]]]]") sent to Rasa's HTTP API made its event
check print the body until Python's recursion limit, a 124 KB traceback in the log; a JSON list
where an object was expected failed with a traceback in Rasa and in the action server. A body a
client got wrong is the client's error: it is answered 400 with the reason, before any code that
could fail on it runs. Pure: the servers' request middleware (channels/http_api_guard.py,
actions/server_guard.py) are thin adapters.
"""

from __future__ import annotations

import json
import re
from typing import Any

# Far deeper than anything Rasa sends or reads (a tracker's events are about 8 levels deep), far
# below the depth at which Python's JSON reader and Rasa's checks run out of stack.
MAX_DEPTH = 64
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')  # a JSON string, escapes and all
_BRACKET = re.compile(r"[\[\]{}]")


def nesting_depth(text: str) -> int:
    """How deep the JSON in `text` nests arrays and objects, counted without parsing it (so the
    count itself cannot run out of stack), ignoring brackets inside strings. About 6 ms for a
    170 KB action call."""
    depth = deepest = 0
    for bracket in _BRACKET.findall(_STRING.sub("", text)):
        if bracket in "[{":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


def read_json(body: bytes) -> tuple[Any, str | None]:
    """The body's JSON value and None, or None and why it cannot be read."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return None, "The body must be JSON in UTF-8."
    if nesting_depth(text) > MAX_DEPTH:
        return None, f"The body's JSON is nested too deeply (more than {MAX_DEPTH} levels)."
    try:
        return json.loads(text), None
    except (ValueError, RecursionError):
        return None, "The body is not valid JSON."


def looks_like_json(body: bytes, content_type: str) -> bool:
    """True when a server would read the body as JSON: said so, or starting like JSON."""
    return "json" in content_type.lower() or body.lstrip()[:1] in (b"{", b"[")


def read_body(body: bytes, content_type: str = "", *, lists_allowed: bool = False,
              objects_in: tuple[str, ...] = ()) -> tuple[Any, str | None]:
    """A request body read as JSON: (value, None), or (None, why it cannot be taken). A body that
    is not JSON at all (YAML, a form) is (None, None), left to the route.

    The value must be a JSON object (or, with `lists_allowed`, a list of objects, as Rasa's
    events endpoint takes), and each key named in `objects_in`, when present, an object too."""
    if not body or not looks_like_json(body, content_type):
        return None, None
    value, problem = read_json(body)
    if problem:
        return None, problem
    items = value if lists_allowed and isinstance(value, list) else [value]
    if not all(isinstance(item, dict) for item in items):
        return None, "The body must be a JSON object" + (", or a list of objects." if lists_allowed else ".")
    wrong = [key for key in objects_in for item in items if key in item and not isinstance(item[key], dict)]
    if wrong:
        return None, f'"{wrong[0]}" must be a JSON object.'
    return value, None
