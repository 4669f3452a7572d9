"""One form for letters that Arabic-script keyboards type in different forms.

An Urdu family on an Arabic keyboard types Arabic yeh (ي) and kaf (ك) where Urdu has its own (ی, ک);
a pattern written with one form then misses a message typed with the other. Both sides are folded:
the patterns of every language file and the message. Each letter maps to one letter, so places in
the text do not move. Used by the crisis check (send_guide/safety.py) and small talk.
"""

from __future__ import annotations

import unicodedata

_SAME_LETTER = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "ة": "ه", "أ": "ا", "إ": "ا", "آ": "ا"})


def one_form(text: str) -> str:
    """The text in Unicode NFC, with each Arabic-script letter variant written one way."""
    return unicodedata.normalize("NFC", text).translate(_SAME_LETTER)
