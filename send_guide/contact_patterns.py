"""Patterns for contact details in text, shared by what reads them (the call-back form), what
keeps them out of storage (feedback) and logs (send_guide/log_safety.py), and what keeps them out
of machine translation."""

import re

# Starts where a run of address characters starts: the same matches, found in linear time (without
# the look-behind, a long run with no "@" was tried from each of its characters, in quadratic time).
EMAIL = r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
# Phone numbers, and other long numbers (reference numbers): seven or more digits and separators.
LONG_NUMBER = r"\+?\d[\d ()-]{5,}\d"
_EMAIL = re.compile(EMAIL)
_LONG_NUMBER = re.compile(LONG_NUMBER)


def redact(text: str) -> str:
    """The text without e-mail addresses or long numbers (phone numbers, reference numbers)."""
    return _LONG_NUMBER.sub("[number]", _EMAIL.sub("[e-mail]", text or ""))
