"""Make any incoming message safe to hand to the assistant, without losing its meaning.

Why: a chat box receives anything — nothing at all, a pasted 20 000-character letter, control
characters, or a client that sends the wrong JSON. Each must get a kind reply, never a crash.
"""

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from send_guide.languages.identify import PICKED_KEY

# Long messages keep their beginning and their end: in a rambling message the story comes
# first and the question usually comes last.
MAX_MESSAGE_CHARS = 2000
_KEEP_EACH_END = MAX_MESSAGE_CHARS // 2
MAX_SENDER_CHARS = 128
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Half of a UTF-16 pair on its own ("\ud800" in JSON) is no character: it cannot be written as UTF-8,
# and the turn was lost where the text was stored or logged. It becomes the replacement character.
_LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")
_SENDER = re.compile(rf"^[\w.:@-]{{1,{MAX_SENDER_CHARS}}}$")
# A language tag as the widget sends it ("ur", "pt-BR", "zh-Hant"): nothing longer is a language.
_LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}$")
# Line breaks of every kind (\n, \r, \v, \f, \x1c-\x1e, \x85, \u2028, \u2029), tabs, and the other
# control characters (C0, DEL, C1) that a terminal or a log reader may act on.
_BREAKS_AND_CONTROLS = re.compile(r"[\s\x00-\x1f\x7f-\x9f\u2028\u2029]+")

# Stand-in messages for input that has no words. They are intent payloads, so the reply
# comes from the domain like every other answer and the turn is kept in the conversation.
EMPTY_MESSAGE = "/empty_message"
UNREADABLE_MESSAGE = "/unreadable_message"


@dataclass(frozen=True)
class GuardedMessage:
    text: str
    truncated: bool = False


def clean_text(raw: Any) -> GuardedMessage:
    """Normalise a message's text; non-text and empty messages become stand-in payloads."""
    if not isinstance(raw, str):
        return GuardedMessage(UNREADABLE_MESSAGE if raw is not None else EMPTY_MESSAGE)
    text = unicodedata.normalize("NFC", _LONE_SURROGATE.sub("\ufffd", _CONTROL.sub(" ", raw))).strip()
    if not text:
        return GuardedMessage(EMPTY_MESSAGE)
    if len(text) <= MAX_MESSAGE_CHARS:
        return GuardedMessage(text)
    shortened = f"{text[:_KEEP_EACH_END].rstrip()} … {text[-_KEEP_EACH_END:].lstrip()}"
    return GuardedMessage(shortened, truncated=True)


def valid_sender(raw: Any) -> str | None:
    """The conversation id if it is a short plain identifier, else None (the request is refused:
    a missing id would otherwise mix strangers into one shared conversation)."""
    if isinstance(raw, str) and _SENDER.match(raw):
        return raw
    return None


def clean_metadata(raw: Any) -> dict[str, str] | None:
    """Only what the assistant reads from a message's metadata: the language picked in the widget.

    Why: Rasa stores a message's metadata with it, several times over (1 MB sent became about 4 MB
    stored). A client may send anything there; nothing else is kept, and a picked language that
    is not a short language tag is dropped (the message's language is then detected from its text).
    """
    picked = raw.get(PICKED_KEY) if isinstance(raw, dict) else None
    if isinstance(picked, str) and _LANGUAGE_TAG.match(picked):
        return {PICKED_KEY: picked}
    return None
def one_line(text: str, limit: int) -> str:
    """`text` as one line of at most `limit` characters: line breaks and control characters become
    single spaces. For a value shown as one line among others (a name in a summary): a line break
    in it would start a line that looks like the assistant's own."""
    return _BREAKS_AND_CONTROLS.sub(" ", text).strip()[:limit].rstrip()
