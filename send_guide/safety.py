"""Spot messages about harm, abuse, suicide or danger so the crisis reply comes first.

This runs before (and overrides) intent classification: a classifier trained on FAQ questions
must never be able to out-vote a cry for help. The patterns name the harm itself, so figurative
talk ("this process is killing me") does not match; a small guard list covers the few
crisis words that have an ordinary sense ("abuse of process"). Each other language has its own
patterns in its content file (send_guide/content/languages/), checked on every message whatever
language it was identified as: a mixed or misidentified message must still get help.
"""

import re
from functools import cache

from send_guide.languages.letter_forms import one_form
from send_guide.languages.replies import crisis_patterns

_CRISIS_PATTERNS = [
    r"\bsuicid\w*",
    r"\bkill(?:ing)?\s+(?:my|him|her|them)sel(?:f|ves)\b",
    r"\b(?:want|wants|wanted|going)\s+to\s+die\b",
    r"\bdo(?:es)?(?:n'?t|\s+not)\s+want\s+to\s+(?:live|be\s+alive)\b",
    # "I don't want to be here anymore": how many people say it; "anymore" keeps it about life.
    r"\bdo(?:es)?(?:n'?t|\s+not)\s+want\s+to\s+be\s+here\s+any\s?more\b",
    r"\bend\s+(?:my|his|her|their)\s+(?:own\s+)?li(?:fe|ves)\b",
    r"\bself[\s-]?harm\w*",
    r"\b(?:cuts|cutting|hurts|hurting|harms|harming)\s+(?:him|her|my|them)sel(?:f|ves)\b",
    r"\b(?:abuse[ds]?|abusing|abusive)\b",
    r"\bdomestic\s+(?:violence|abuse)\b",
    r"\b(?:hits|hitting|beats|beating|beaten|hurts|hurting)\s+(?:me|my\s+(?:child|son|daughter|kids?|children))\b",
    r"\b(?:in|into)\s+(?:immediate\s+)?danger\b",
    r"\bnot\s+safe\s+(?:at\s+home|here|with)\b",
    r"\b(?:raped?|sexually\s+assaulted)\b",
    r"\boverdose\w*",
]
# Phrases in which a crisis word is used in another sense. A guard only cancels the crisis
# match it overlaps, so "the wait is killing me, I want to die" still gets the crisis reply.
_NOT_A_CRISIS = [
    r"\babuse\s+of\s+(?:process|power|the\s+system|trust\s+procedures?)\b",
    r"\bsubstance\s+abuse\b",
    r"\bwant\s+to\s+live\s+(?:in|at|with|near|by|on\s+(?:my|his|her|their)\s+own|independently|alone)\b",
]
_CRISIS = re.compile("|".join(_CRISIS_PATTERNS), re.IGNORECASE)
_GUARD = re.compile("|".join(_NOT_A_CRISIS), re.IGNORECASE)


@cache
def _other_languages() -> re.Pattern[str]:
    return re.compile("|".join(one_form(p) for p in crisis_patterns()), re.IGNORECASE)


def is_crisis(text: str) -> bool:
    """True when the message needs crisis contacts before anything else."""
    if not text:
        return False
    if _other_languages().search(one_form(text)):
        return True
    guarded = [(m.start(), m.end()) for m in _GUARD.finditer(text)]
    for match in _CRISIS.finditer(text):
        if not any(start < match.end() and match.start() < end for start, end in guarded):
            return True
    return False
