"""Plain-English meanings of SEND words and acronyms ("what does SENCO mean?").

Terms are identified by id. The NLU pipeline's entity ruler usually gives the id directly; when
it does not (a misspelling such as "dyspraksia"), a fuzzy match over the known spellings finds it.
"""

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from rapidfuzz.distance import OSA

from send_guide.contacts import fill_contacts
from send_guide.content_files import load_content
from send_guide.sources import source_line

# Short spellings ("pd", "lac") are too easy to hit by accident when matching loosely,
# so only spellings at least this long take part in the fuzzy match. Typos allowed: one edit
# (a wrong, missing, extra or swapped letter) in a short word, two in a long one.
FUZZY_MIN_LENGTH = 5
LONG_SPELLING = 8


def allowed_typos(spelling: str) -> int:
    return 2 if len(spelling) >= LONG_SPELLING else 1

MAX_WORDS_IN_TERM = 4
# "section b" and "section i" differ by one letter, and "section 19" is two edits from either: a
# spelling with a one-letter word is matched exactly or not at all.
_HAS_ONE_LETTER_WORD = re.compile(r"(?:^|\s)\w(?:\s|$)")
WORD = re.compile(r"[a-z0-9']+(?:[-/][a-z0-9']+)*")


@dataclass(frozen=True)
class GlossaryEntry:
    term_id: str
    name: str
    definition: str
    source: str
    answer_intent: str | None = None
    law: str | None = None  # the provisions a meaning from national law rests on, as on an answer's Law line

    def as_text(self) -> str:
        """The reply for a term that has no fuller FAQ answer of its own."""
        law = f"Law: {self.law}.\n" if self.law else ""
        return f"{self.name}: {self.definition}\n\n{law}{source_line(self.source)}"


@lru_cache(maxsize=1)
def entries() -> dict[str, GlossaryEntry]:
    raw = load_content("glossary.yml")["terms"]
    return {
        term_id: GlossaryEntry(
            term_id=term_id,
            name=spec["name"],
            definition=fill_contacts(" ".join(spec["definition"].split())),
            source=str(spec["source"]),
            answer_intent=spec.get("answer_intent"),
            law=spec.get("law"),
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
    best_id, best_distance = None, None
    for phrase in _phrases(text):
        if phrase in known:
            return known[phrase]
        if len(phrase) < FUZZY_MIN_LENGTH:
            continue
        for spelling, term_id in known.items():
            if len(spelling) < FUZZY_MIN_LENGTH or _HAS_ONE_LETTER_WORD.search(spelling):
                continue
            limit = allowed_typos(spelling)
            distance = OSA.distance(phrase, spelling, score_cutoff=limit)
            if distance <= limit and (best_distance is None or distance < best_distance):
                best_id, best_distance = term_id, distance
    return best_id


def lookup(term_ids: Iterable[str], text: str = "") -> GlossaryEntry | None:
    """The entry for the first recognised term id, else the best fuzzy match in the text."""
    known = entries()
    for term_id in term_ids:
        if term_id in known:
            return known[term_id]
    found = find_term_in_text(text) if text else None
    return known.get(found) if found else None


_ANY_WORD = re.compile(r"[\w']+")
# Words that only ask what a term means ("what does ... stand for?", "can you explain ... please").
_DEFINITION_WORDS = frozenset({
    "what", "whats", "what's", "is", "are", "does", "do", "mean", "means", "meaning", "meant",
    "by", "of", "a", "an", "the", "stand", "stands", "for", "it", "explain", "explained",
    "definition", "define", "can", "you", "please", "tell", "me", "word", "words", "letters",
    "acronym"
})


def is_definition_question(text: str, terms: Iterable[tuple[str, int, int]]) -> bool:
    """True when the message only asks what its one term means: take the term (id, start, end) out,
    and nothing is left but words such as "what does ... mean". "What is an EP?" is; "what is an EP
    assessment?" and "what is SEN support in an EHCP?" are not."""
    terms = list(terms)
    if len({term_id for term_id, _, _ in terms}) != 1:
        return False
    spans = sorted((begin, end) for _, begin, end in terms)
    rest, start = [], 0
    for begin, end in spans:
        rest.append(text[start:begin])
        start = end
    rest.append(text[start:])
    # Any script: "کیا ہے EHC" is not a bare "what is EHC?" to this list of English words.
    return all(word in _DEFINITION_WORDS for word in _ANY_WORD.findall(" ".join(rest).lower()))


# A story asks what a word means in one part of a sentence: "We got the draft. What does Section F
# mean, and can we ask for another school?"
_CLAUSE_BREAK = re.compile(r"[,;:]|(?<=[.?!])\s+|(?:^|\s)(?:and|but|also|plus|so|because|btw)\s", re.I)


@lru_cache(maxsize=1)
def _any_spelling() -> re.Pattern[str]:
    """Every spelling as whole words, longest first, so "section f" wins over "section"."""
    alternatives = sorted(spellings(), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, alternatives)) + r")(?![\w-])")


def _exact_terms(clause: str) -> list[tuple[str, int, int]]:
    known = spellings()
    return [(known[match.group(0)], match.start(), match.end()) for match in _any_spelling().finditer(clause.lower())]


def term_asked_about(sentence: str) -> GlossaryEntry | None:
    """The term a part of a longer message asks the meaning of ("what does SENCO mean"), by its exact
    spellings only (a loose match in a long story finds words nobody asked about); None if none."""
    clauses = [clause.strip(" ?.!") for clause in _CLAUSE_BREAK.split(sentence)]  # stripped before the
    clauses = [clause for clause in clauses if clause]  # terms are found: their places are in this text
    for clause in clauses:
        terms = _exact_terms(clause)
        # The term alone is a question only as the whole message ("SENCO?"): in a list of facts
        # ("my son is 9, autistic, school say ...") it asks nothing.
        bare = len(terms) == 1 and terms[0][1] == 0 and terms[0][2] == len(clause)
        if terms and is_definition_question(clause, terms) and not (bare and len(clauses) > 1):
            return entries().get(terms[0][0])
    return None


def topic_of_question(term_ids: Iterable[str]) -> str | None:
    """The FAQ topic a "what is ...?" question is, when it asks about one term that has its own
    topic ("what is SEND?" is the what_is_send question), else None (a glossary question).

    One place decides this, glossary.yml's `answer_intent`: the glossary look-up answers such a
    question with that topic's answer anyway, so the intent should say so too, and the training
    examples are labelled the same way (data/nlu.yml)."""
    asked = set(term_ids)
    if len(asked) != 1:
        return None
    entry = entries().get(asked.pop())
    return entry.answer_intent if entry else None
