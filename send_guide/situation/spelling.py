"""Misspelt key words, read as meant: "phase tranfer whats the process" is about a phase transfer.

The situation patterns (content/situations.yml) are exact about words, and families type fast, on
phones, often in a second language. A word of the message is read as one of the file's key words
when it is one edit away (two for a long key word), is not itself a common English word ("appear"
stays "appear", not "appeal") and is not the key word with an ending ("appeals" stays). Only the
reading of the situation uses the corrected text; the message itself is never changed.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA

from send_guide.content_files import load_content

WORD = re.compile(r"[A-Za-z]+")
SHORTEST = 5  # shorter words are too easily one letter off a key word by chance ("said", "sad")
LONG_KEY = 8  # a key word this long may be two edits away ("assessement", "apprentiship")


@lru_cache(maxsize=1)
def key_words() -> tuple[str, ...]:
    return tuple(dict.fromkeys(word.lower() for word in load_content("situations.yml")["key_words"]))


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    from send_guide.vocabulary import common_english_words

    return common_english_words()


def _allowed_edits(key: str) -> int:
    return 2 if len(key) >= LONG_KEY else 1


@lru_cache(maxsize=4096)
def _meant(word: str) -> str | None:
    """The key word a misspelt word stands for, or None when it is not one."""
    if len(word) < SHORTEST or word in _common_words():
        return None
    keys = key_words()
    if word in keys:
        return None
    found = process.extractOne(word, keys, scorer=OSA.distance, score_cutoff=2)
    if found is None:
        return None
    key, edits, _ = found
    if edits > _allowed_edits(key) or word.startswith(key) or key.startswith(word):
        return None
    return key


def corrected(text: str) -> str:
    """The text with each misspelt key word replaced by the key word; nothing else changes."""
    return WORD.sub(lambda match: _meant(match.group(0).lower()) or match.group(0), text)
