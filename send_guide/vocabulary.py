"""The English words the assistant was trained on, to tell a question it cannot read from one
it can. A message with no word the training data knows, or nearly knows (typos are common),
is not understood, however confident a classifier is: character n-grams of digits and stray
letters made "blorp wibble 01234 567890" look like a question about turning 18.

Common English words count as known too (exactly, not as typos): without them "hi folks" or
"absolutely" was "not understood" although the classifier was sure of the answer, only because
the training data never used "folks" or "absolutely". They come from wordfreq's English list,
read when the model is trained; the trained model carries them, so nothing is read at run time.
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
# The most frequent English words: "folks", "hola", "goodnight" are in; made-up words ("blorp",
# "zorbex") and keyboard runs ("qwerty", "asdf") are not.
COMMON_ENGLISH_WORDS = 30_000


# A message of only emoji, punctuation or symbols ("😭😭😭", "?????") carries a feeling, not a question:
# a topic is given to it only when a classifier is this sure ("🙏" is a thank-you); else it is not understood.
WORDLESS_SURE = 0.5
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")


def is_wordless(text: str) -> bool:
    """No letter or digit in any script."""
    return not _LETTER_OR_DIGIT.search(text)


def words_of(text: str) -> list[str]:
    return [word for word in WORD.findall(text.lower()) if len(word) >= MIN_LENGTH]


def common_english_words(count: int = COMMON_ENGLISH_WORDS) -> frozenset[str]:
    from wordfreq import top_n_list  # imported late: it reads its list from its own package data (nothing fetched)

    return frozenset(word for word in top_n_list("en", count) if WORD.fullmatch(word) and len(word) >= MIN_LENGTH)


@dataclass(frozen=True)
class Vocabulary:
    words: frozenset[str]  # of the training data; a typo of one of them counts as known
    common: frozenset[str] = frozenset()  # common English words, known only as written

    @classmethod
    def fit(cls, texts: list[str], common: frozenset[str] = frozenset()) -> Vocabulary:
        return cls(frozenset(word for text in texts for word in words_of(text)), common)

    def knows_a_word_of(self, text: str) -> bool:
        """False only when the text has words long enough to judge and none is known or near one."""
        words = words_of(text)[:MAX_WORDS_CHECKED]
        if not words:
            return True
        if any(word in self.words or word in self.common for word in words):
            return True
        return any(process.extractOne(word, self._choices, scorer=fuzz.ratio, score_cutoff=NEAR) for word in words)

    @cached_property
    def _choices(self) -> list[str]:
        return sorted(self.words)

    def save(self, directory: Path) -> None:
        lists = {"trained": sorted(self.words), "common": sorted(self.common)}
        (directory / "vocabulary.json").write_text(json.dumps(lists), encoding="utf-8")

    @classmethod
    def load(cls, directory: Path) -> Vocabulary:
        lists = json.loads((directory / "vocabulary.json").read_text(encoding="utf-8"))
        return cls(frozenset(lists["trained"]), frozenset(lists["common"]))
