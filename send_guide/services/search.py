"""Finding services from what people type: a name or alias (with typos), a need, or both.

Names and aliases are matched with rapidfuzz, so "speech and langauge therapy" still finds the
service; needs ("mental health", "housing") map to categories through the words in
service_categories.yml, and the category look-up is a database query.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA
from sqlalchemy.orm import Session

from send_guide.services.directory import all_records, names_in_categories
from send_guide.services.records import ServiceRecord, categories

MAX_QUERY = 300  # characters looked at; a 10 000-character message is cut, not refused
NAME_MATCH = 86  # rapidfuzz score from which a name or alias counts as named
CATEGORY_SCORE = 70.0
# Acronyms that are also everyday words count only when typed in capitals.
COMMON_WORD_ACRONYMS = {"kids", "epic", "salt", "cab"}
_WORD = re.compile(r"[a-z0-9']+")
_STOP = {"the", "a", "an", "for", "of", "and", "to", "in", "my", "is", "what", "who", "can", "with", "help",
         "service", "services", "number", "contact", "phone", "team", "support", "luton", "me", "i", "how", "do"}


@dataclass(frozen=True)
class Match:
    service: ServiceRecord
    score: float
    reason: str  # "name" or "need", for logs and tests


def normalise(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()[:MAX_QUERY]))


# In a name, "contact" is the name of a charity (Contact, "Contact a Family"), not a request: without
# it, "Contact a Family" became "family" and every message with "family" named that charity.
_NAME_STOP = _STOP - {"contact"}


def _core(text: str, stop: frozenset[str] | set[str] = _STOP) -> str:
    """The words that identify a name: "the SEN assessment team" and "SEN assessment" compare equal."""
    words = [word for word in normalise(text).split() if word not in stop]
    return " ".join(words)


def _single_word_score(word: str, tokens: set[str], original: str) -> float:
    """A one-word name (Penrose, Kooth, SENAT, OT) against the words typed, allowing one slip
    (two letters swapped, one missing or wrong) in names of four letters or more."""
    if word in COMMON_WORD_ACRONYMS:  # "KIDS" the service, not "my kids"
        return 100.0 if re.search(rf"\b{re.escape(word.upper())}\b", original) else 0.0
    if word in tokens:
        return 100.0
    if len(word) < 4:
        return 0.0
    allowed = 1 if len(word) < 8 else 2
    closest = min((OSA.distance(word, token) for token in tokens if abs(len(token) - len(word)) <= allowed),
                  default=allowed + 1)
    return 90.0 if closest <= allowed else 0.0


def _phrase_score(name: str, query: str) -> float:
    return fuzz.partial_ratio(name, query) if len(name) <= len(query) else fuzz.ratio(name, query)


def _name_score(query: str, tokens: set[str], original: str, service: ServiceRecord) -> float:
    best = 0.0
    for written in (service.name, *service.aliases):
        name = _core(written, _NAME_STOP) or normalise(written)
        if not name:
            continue
        if " " not in name:
            score = _single_word_score(name, tokens, original)
        else:  # the core against the query's core; the whole name against the whole text ("Contact a Family")
            score = max(_phrase_score(name, query), _phrase_score(normalise(written), normalise(original)))
        best = max(best, score)
    return best


def _mentions(query: str, tokens: set[str], word: str) -> bool:
    word = normalise(word)
    if " " in word or len(word) < 5:
        return re.search(rf"\b{re.escape(word)}\b", query) is not None
    return any(fuzz.ratio(word, token) >= 85 for token in tokens if len(token) >= 4)


def needs_in(text: str) -> list[str]:
    """Category ids whose words the text mentions (typos allowed in longer words)."""
    query = normalise(text)
    tokens = set(query.split())
    return [cat.id for cat in categories().values() if any(_mentions(query, tokens, w) for w in cat.words)]


def _named(text: str, records: Iterable[ServiceRecord], min_score: float = NAME_MATCH) -> list[Match]:
    """The records whose name or an alias the text names (typos allowed)."""
    query = normalise(text)
    if not query:
        return []
    tokens = set(query.split())
    query = _core(text) or query
    scored = [(record, _name_score(query, tokens, text[:MAX_QUERY], record)) for record in records]
    return [Match(record, score, "name") for record, score in scored if score >= min_score]


def services_named(text: str, records: Iterable[ServiceRecord], min_score: float = NAME_MATCH) -> list[ServiceRecord]:
    """The services among `records` that the text names outright, without a database (for NLU)."""
    return [match.service for match in _named(text, records, min_score)]


def find_services(session: Session, text: str, limit: int = 3) -> list[Match]:
    """The best 1-`limit` services for the text, best first; empty when nothing fits."""
    query = normalise(text)
    if not query:
        return []
    tokens = set(query.split())
    records = {record.name: record for record in all_records(session)}
    matches = {match.service.name: match for match in _named(text, records.values())}
    needed = needs_in(text)
    if needed:
        content_words = tokens - _STOP
        for name in names_in_categories(session, needed):
            if name in matches:
                continue
            record = records[name]
            overlap = len(content_words & set(normalise(f"{record.description} {' '.join(record.aliases)}").split()))
            has_contact = bool(record.phone or record.website or record.email)
            score = CATEGORY_SCORE + 2 * overlap + (1 if has_contact else 0)
            matches[name] = Match(record, score, "need")
    ranked = sorted(matches.values(), key=lambda m: (-m.score, m.service.name))
    return ranked[:limit]


# FAQ topics whose question is "which services can help?": their answer is followed by the
# directory's services for that need (send_guide/content/topics.yml intent -> category id).
TOPIC_NEEDS = {
    "mental_health_services": "mental_health",
    "neurodevelopmental_support": "autism_adhd_development",
    "leaving_home": "housing",
    "benefits": "money_and_benefits",
    "sibling_support": "family_support",
}


def services_for_need(session: Session, category_id: str, limit: int = 3) -> list[Match]:
    """Services of one category, those with contact details first."""
    records = {record.name: record for record in all_records(session)}
    names = sorted(names_in_categories(session, [category_id]),
                   key=lambda name: (not (records[name].phone or records[name].website), name))
    return [Match(records[name], CATEGORY_SCORE, "need") for name in names[:limit]]
