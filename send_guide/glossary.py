"""Plain-English meanings of SEND words and acronyms ("what does SENCO mean?").

Terms are identified by id. The NLU pipeline's entity ruler usually gives the id directly; when
it does not (a misspelling such as "dyspraksia"), a fuzzy match over the known spellings finds it.
"""

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from rapidfuzz import fuzz

from send_guide.content_files import load_content
from send_guide.sources import source_line

# Short spellings ("pd", "lac") are too easy to hit by accident when matching loosely,
# so only spellings at least this long take part in the fuzzy match.
FUZZY_MIN_LENGTH = 5
FUZZY_MIN_SCORE = 85
MAX_WORDS_IN_TERM = 4
WORD = re.compile(r"[a-z0-9']+(?:[-/][a-z0-9']+)*")


@dataclass(frozen=True)
class GlossaryEntry:
    term_id: str
    name: str
    definition: str
    source: str
    answer_intent: str | None = None

    def as_text(self) -> str:
        """The reply for a term that has no fuller FAQ answer of its own."""
        return f"{self.name}: {self.definition}\n\n{source_line(self.source)}"


@lru_cache(maxsize=1)
def entries() -> dict[str, GlossaryEntry]:
    raw = load_content("glossary.yml")["terms"]
    return {
        term_id: GlossaryEntry(
            term_id=term_id,
            name=spec["name"],
            definition=" ".join(spec["definition"].split()),
            source=str(spec["source"]),
            answer_intent=spec.get("answer_intent"),
        )
        for term_id, spec in raw.items()
    }


@lru_cache(maxsize=1)
def spellings() -> dict[str, str]:
    """Every known spelling (lower case) mapped to its term id."""
    raw = load_content("terms.yml")["terms"]
    return {spelling.lower(): term_id for term_id, variants in raw.items() for spelling in variants}


def _phrases(text: str) -> Iterable[str]:
    words = WORD.findall(text.lower())
    for size in range(min(MAX_WORDS_IN_TERM, len(words)), 0, -1):
        for start in range(len(words) - size + 1):
            yield " ".join(words[start : start + size])


def find_term_in_text(text: str) -> str | None:
    """The term id a free-text question is most likely about, tolerating typos."""
    known = spellings()
    best_id, best_score = None, 0.0
    for phrase in _phrases(text):
        if phrase in known:
            return known[phrase]
        if len(phrase) < FUZZY_MIN_LENGTH:
            continue
        for spelling, term_id in known.items():
            if len(spelling) < FUZZY_MIN_LENGTH:
                continue
            score = fuzz.ratio(phrase, spelling)
            if score > best_score:
                best_id, best_score = term_id, score
    return best_id if best_score >= FUZZY_MIN_SCORE else None


def lookup(term_ids: Iterable[str], text: str = "") -> GlossaryEntry | None:
    """The entry for the first recognised term id, else the best fuzzy match in the text."""
    known = entries()
    for term_id in term_ids:
        if term_id in known:
            return known[term_id]
    found = find_term_in_text(text) if text else None
    return known.get(found) if found else None
