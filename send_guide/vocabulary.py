"""The English words the assistant was trained on, to tell a question it cannot read from one
it can. A message with no word the training data knows, or nearly knows (typos are common),
is not understood, however confident a classifier is: character n-grams of digits and stray
letters made "blorp wibble 01234 567890" look like a question about turning 18.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from rapidfuzz import fuzz, process

WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
MIN_LENGTH = 3  # "ok", "hi", "u": too short to judge, so never the reason to give up
MAX_WORDS_CHECKED = 40  # enough to find a known word in any real message; bounds the work
NEAR = 80  # rapidfuzz ratio at which a typo counts as the word ("assesment", "skool" ~ "school")


def words_of(text: str) -> list[str]:
    return [word for word in WORD.findall(text.lower()) if len(word) >= MIN_LENGTH]


@dataclass(frozen=True)
class Vocabulary:
    words: frozenset[str]

    @classmethod
    def fit(cls, texts: list[str]) -> Vocabulary:
        return cls(frozenset(word for text in texts for word in words_of(text)))

    def knows_a_word_of(self, text: str) -> bool:
        """False only when the text has words long enough to judge and none is known or near one."""
        words = words_of(text)[:MAX_WORDS_CHECKED]
        if not words:
            return True
        if any(word in self.words for word in words):
            return True
        return any(process.extractOne(word, self._choices, scorer=fuzz.ratio, score_cutoff=NEAR) for word in words)

    @cached_property
    def _choices(self) -> list[str]:
        return sorted(self.words)

    def save(self, directory: Path) -> None:
        (directory / "vocabulary.json").write_text(json.dumps(sorted(self.words)), encoding="utf-8")

    @classmethod
    def load(cls, directory: Path) -> Vocabulary:
        return cls(frozenset(json.loads((directory / "vocabulary.json").read_text(encoding="utf-8"))))
