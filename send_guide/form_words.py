"""Words that answer a form's question the same way in every form: skip it, stop the form, yes, no.

One place, so the call-back form and the letter form understand a family the same way.
"""

from __future__ import annotations

import re

from send_guide.small_talk import AFFIRM, DENY, small_talk

SKIP_WORDS = re.compile(r"\b(?:rather\s+not|prefer\s+not|skip|pass|don'?t\s+know|not\s+sure|no\s+idea)\b", re.I)
CANCEL_WORDS = re.compile(r"^\s*(?:cancel|stop|quit|exit|never\s*mind|forget\s+it)\b", re.I)
YES = re.compile(r"^\s*(?:y|yes|yeah|yep|ok|okay|sure|i\s+agree|agree|please\s+do|correct|that'?s\s+right)\b", re.I)
NO = re.compile(r"^\s*(?:n|no|nope|not\s+now|i\s+do\s+not|i\s+don'?t)\b", re.I)
# A whole answer that only skips: "skip", "I don't know.", "-". A longer answer that contains "I
# don't know why" is an answer, not a skip.
ONLY_SKIP = re.compile(r"^\W*(?:skip(?:\s+(?:it|this))?|pass|i\s+don'?t\s+know|don'?t\s+know|not\s+sure|"
                       r"no\s+idea|i'?d\s+rather\s+not\s+say|rather\s+not|prefer\s+not|n/?a|none|-+)\W*$", re.I)


def says_yes(text: str) -> bool:
    """A yes in English ("yes please", "ok") or a whole-message yes in any language file ("tak", "haan")."""
    return bool(YES.search(text)) or small_talk(text) == AFFIRM


def says_no(text: str) -> bool:
    """A no in English ("no thanks", "not now") or a whole-message no in any language file ("nie", "nahi")."""
    return bool(NO.search(text)) or small_talk(text) == DENY
