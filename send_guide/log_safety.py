"""Log records that cannot forge a line or carry a family's details.

Why (issue 17): a conversation id with a newline in it wrote a fake "Staff login" line; an action
that failed made Rasa log the whole conversation (the action server's error reply echoes it), the
family's name and e-mail included; a 900-deep JSON body wrote a 124 KB traceback.

`install()` makes every log record of the process safe when it is created, whoever logs it (Rasa,
Sanic, rasa_sdk, our code) and whichever handler writes it:
- control characters are escaped ("\\n" is written as backslash-n) in the values put into a
  message (its arguments) and in the message as a whole, since Rasa puts values into its messages
  itself (f-strings): no value sent by a user can start a new line. Only a traceback has lines;
- e-mail addresses, phone numbers and other long numbers, tracker dumps (conversation data as
  JSON) and tokens in URLs are left out of the message and of any traceback;
- a message is cut to MAX_MESSAGE_CHARS and a traceback to its first and last lines.

It is installed as the record factory, not as a handler's filter: Rasa and Sanic add their
handlers after our code is imported, and a logger's filter does not see its children's records.
No Rasa import: the Rasa server (channels/__init__.py), the action server (actions/__init__.py)
and the web server (web/app.py) each install it at start-up.
"""

from __future__ import annotations

import logging
import numbers
import re
import traceback
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from send_guide.contact_patterns import redact

MAX_MESSAGE_CHARS = 4000
MAX_LINE_CHARS = 1000
TRACEBACK_HEAD, TRACEBACK_TAIL = 10, 20  # lines kept: where it started, and how it ended
LEFT_OUT = "[conversation data left out]"
# A conversation in JSON: Rasa's tracker, or the action call that carries it.
_DUMP = re.compile(r"""["'](?:sender_id|latest_message|request_body|tracker|events|slots|parse_data)["']\s*:""")
_SECRET = re.compile(r"(?i)\b(token|password|secret|api_key)=[^&\s'\"]+")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_INSTALLED = "_send_guide_log_safety"


def escape_controls(text: str) -> str:
    """Control characters written as escapes: the text stays on one line and shows what was sent."""
    return _CONTROL.sub(lambda m: _NAMED.get(m.group(), f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100
                                             else f"\\u{ord(m.group()):04x}"), text)


def without_dumps(text: str) -> str:
    """Each line that holds conversation data keeps only what comes before the data."""
    lines = []
    for line in text.split("\n"):
        found = _DUMP.search(line)
        if found:
            starts = [at for at in (line.find("{"), line.find("[")) if 0 <= at < found.start()]
            line = line[:min(starts, default=found.start())] + LEFT_OUT
        lines.append(line)
    return "\n".join(lines)


def scrub(text: str) -> str:
    """Without conversation data, contact details and secrets."""
    return redact(without_dumps(_SECRET.sub(lambda m: f"{m.group(1)}=[hidden]", text)))


def shorten(text: str, limit: int = MAX_MESSAGE_CHARS) -> str:
    if len(text) <= limit:
        return text
    return f"{text[:limit]}… [{len(text) - limit} characters left out]"


def shorten_traceback(text: str) -> str:
    lines = [shorten(line, MAX_LINE_CHARS) for line in text.split("\n")]
    if len(lines) > TRACEBACK_HEAD + TRACEBACK_TAIL + 1:
        left_out = len(lines) - TRACEBACK_HEAD - TRACEBACK_TAIL
        lines = [*lines[:TRACEBACK_HEAD], f"  … [{left_out} lines left out] …", *lines[-TRACEBACK_TAIL:]]
    return "\n".join(lines)


class _Shown:
    """A logged value as text, escaped and scrubbed whether it is shown with %s or %r."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value

    def __str__(self) -> str:
        return escape_controls(scrub(str(self.value)))

    def __repr__(self) -> str:
        return escape_controls(scrub(repr(self.value)))


def _shown(value: Any) -> Any:
    return value if isinstance(value, numbers.Number) else _Shown(value)  # numbers still format with %d


def make_safe(record: logging.LogRecord) -> None:
    """Escape, scrub and shorten `record` in place (see the module's docstring)."""
    if isinstance(record.args, Mapping):
        record.args = {key: _shown(value) for key, value in record.args.items()}
    elif record.args:
        record.args = tuple(_shown(value) for value in record.args)
    try:
        message = record.getMessage()
    except Exception:  # noqa: BLE001 - arguments that do not fit: logging reports it when the record is written
        return
    record.msg, record.args = shorten(escape_controls(scrub(message))), None
    if record.exc_info and record.exc_info[0] is not None:
        record.exc_text = shorten_traceback(scrub(logging.Formatter().formatException(record.exc_info)))
        record.exc_info = None  # no formatter may write the raw traceback again
    if record.stack_info:
        record.stack_info = shorten_traceback(scrub(record.stack_info))


def where(error: BaseException) -> str:
    """An error as its type and the place it was raised ("OverflowError at counting.py line 30"),
    without its message: an error's message can quote what the family typed."""
    frames = traceback.extract_tb(error.__traceback__)
    if not frames:
        return type(error).__name__
    return f"{type(error).__name__} at {Path(frames[-1].filename).name} line {frames[-1].lineno}"


def install() -> None:
    """Make every log record of this process safe from now on; once per process."""
    factory = logging.getLogRecordFactory()
    if getattr(factory, _INSTALLED, False):
        return

    def safe_record(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = factory(*args, **kwargs)
        make_safe(record)
        return record

    setattr(safe_record, _INSTALLED, True)
    logging.setLogRecordFactory(safe_record)
