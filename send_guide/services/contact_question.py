""""CAMHS phone number", "where is the Lady Zia nursery?": a question for a named service's details.

Such a message is answered from the directory (find_service), whatever topic the service belongs
to: the classifiers, reading "CAMHS", often chose the mental-health topic instead
(benchmarks/RESULTS.md). Two things make it: the text names a service of the directory (a name or
alias, typos allowed: send_guide/services/search.py) and it asks for a way to reach it.
components/service_contact.py applies it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from send_guide.contact_direction import asks_to_be_contacted
from send_guide.services.records import ServiceRecord
from send_guide.services.search import services_named

ASKS_HOW_TO_REACH = re.compile(
    "|".join((
        r"\b(?:phone|telephone|tel|mobile|contact)\s*(?:number|no|num|details|info)\b",
        r"\b(?:phone|telephone|tel|numbers?)\s+(?:of|for|to)\b|\bthe\s+numbers?\b",
        r"\b(?:phone|telephone|numbers?|contact)\s*(?:again|pls|please)?\s*[?.!]*$",  # "ep service telephone"
        r"\bcontact\s+for\b|\b(?:how|where)\s+(?:do\s+i|can\s+i|to)\s+contact\b",
        r"\baddress\b|\bpostcode\b|\bwebsite\b|\bweb\s+site\b|\be-?mail\b",
        r"\blink\b(?!\s+(?:them|it|up|in|with))",  # "kooth link", not "link them all up"
        r"\bwhere\s+(?:is|are)\b",
        r"\b(?:how|who)\s+(?:do|can|should)\s+i\s+(?:ring|call|phone|reach|text|email|get\s+hold\s+of)\b",
        r"\bget\s+hold\s+of\b|\bget\s+in\s+touch\s+with\b|\breach\b",
        r"\bopening\s+(?:times|hours)\b|\bwhen\s+(?:is|are)\s+(?:it|they)\s+open\b",
    )),
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def _directory() -> tuple[ServiceRecord, ...]:
    """The services as reviewed in the directory's seed file (read once per process): a service
    that staff add by importing a new file is known here once that file becomes data/services.csv;
    until then the classifier's answer stands."""
    from send_guide.services.directory import seed_records

    return tuple(seed_records())


# A one-word name read with a slip ("send" for SENS) is too loose to override a classifier with.
EXACT_ENOUGH = 95.0


def asks_for_a_named_service(text: str) -> bool:
    """True when the text names a service and asks how to reach it (not asking to be called back).
    The words that ask are left out of the name search: "what charity can I contact?" names no
    service, although one charity is called Contact."""
    if not ASKS_HOW_TO_REACH.search(text) or asks_to_be_contacted(text):
        return False
    return bool(services_named(ASKS_HOW_TO_REACH.sub(" ", text), _directory(), EXACT_ENOUGH))
