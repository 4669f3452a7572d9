"""Who is to call whom: "can I phone someone?" wants a number, "can someone phone me?" wants a call back.

The two questions share almost every word and almost all their meaning, so the intent classifiers
mix them up (benchmarks/RESULTS.md). What tells them apart is who the call goes to, and that is a
matter of a few words ("call me", "ring us back", "get back to me", "book a call"), which a pattern
reads better than a classifier does. components/callback_direction.py applies it.
"""

from __future__ import annotations

import re

_TO_US = r"(?:me|us)"
_CONTACT_VERB = r"(?:call|ring|phone|contact|e-?mail|text|message|reach)(?:s|ed|ing)?"
ASKS_TO_BE_CONTACTED = re.compile(
    "|".join((
        rf"\b{_CONTACT_VERB}\s+{_TO_US}\b",  # "ring me", "email us"
        r"\b(?:call|ring)\s*-?\s*backs?\b|\bcallbacks?\b",  # "a call back", "callback", "ring back"
        rf"\bgive\s+{_TO_US}\s+a\s+(?:call|ring|bell)\b",
        rf"\bget\s+back\s+to\s+{_TO_US}\b",
        r"\bget\s+in\s+touch\b(?!\s+with)",  # "ask them to get in touch", not "get in touch with them"
        r"\bbook\s+(?:a|an)\s+(?:phone\s+|telephone\s+)?(?:call|appointment)\b",
        r"\bleave\s+(?:my|our)\s+(?:phone\s+)?(?:number|details|contact)",
    )),
    re.IGNORECASE,
)


def asks_to_be_contacted(text: str) -> bool:
    """True when the writer asks to be called, e-mailed or contacted, rather than to call someone."""
    return ASKS_TO_BE_CONTACTED.search(text) is not None
