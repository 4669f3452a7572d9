"""A message that is only a greeting ("hiya", "salaam"), a farewell ("ta ra", "allah hafiz"), a
thank-you ("tysm", "shukriya"), a yes ("yh", "aye") or a no ("nah", "nahi").

These are a short, closed list of words in every language, and many are single words a classifier
has never seen ("howdy", "cheerio", "aye"): learnt from a few examples each, greetings, farewells
and yeses were mixed up with each other and with "not understood" (benchmarks/RESULTS.md). So the
words decide, as each language file lists them (send_guide/content/languages/: greetings,
farewells, thanks, agreements, refusals and courtesies). Only a whole message decides: "hi, my son
was refused an assessment" is a question for the classifier, not a greeting.
components/small_talk.py applies it.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from send_guide import intents
from send_guide.content_files import load_content
from send_guide.languages.letter_forms import one_form
from send_guide.languages.replies import available_languages

GREET, GOODBYE, THANKS, AFFIRM, DENY = intents.GREET, intents.GOODBYE, intents.THANKS, intents.AFFIRM, intents.DENY
_KINDS = {"greetings": GREET, "farewells": GOODBYE, "thanks": THANKS, "agreements": AFFIRM, "refusals": DENY,
          "courtesies": None}
_APOSTROPHES = re.compile(r"['’`´]")
_REPEATS = re.compile(r"(\w)\1+")  # "hiii", "byeee", "helo": the same word
LONGEST_MESSAGE = 120  # characters; longer is never small talk alone, so it is not read word by word
_SPACE = " "  # punctuation, symbols and emoji part words; joiners inside a word (Cf) are dropped
Words = tuple[str, ...]


def _words(text: str) -> Words:
    """Lower case, no punctuation, symbols or emoji, and each run of a repeated letter as one."""
    # Arabic and Persian forms of the same letters: "السلام عليكم" and "السلام علیکم" are one greeting.
    text = one_form(_APOSTROPHES.sub("", unicodedata.normalize("NFC", text).casefold()))
    kept = "".join(_SPACE if unicodedata.category(char)[0] in "PSZ" or char.isspace() else
                   "" if unicodedata.category(char) == "Cf" else char for char in text)
    return tuple(_REPEATS.sub(r"\1", word) for word in kept.split())


@cache
def _phrases() -> dict[Words, str | None]:
    """Every language file's phrases of every kind, as words, with their kind (None for a courtesy).
    A phrase on two lists could not decide anything: the file is refused."""
    phrases: dict[Words, str | None] = {}
    for code in available_languages():
        content = load_content(f"languages/{code}.yml")
        for source in (content, content.get("romanised") or {}):
            for key, kind in _KINDS.items():
                for phrase in source.get(key) or []:
                    if not isinstance(phrase, str):  # an unquoted yes or no is read by YAML as true or false
                        raise ValueError(f"languages/{code}.yml, {key}: {phrase!r} must be quoted")
                    words = _words(phrase)
                    if phrases.get(words, kind) != kind:
                        raise ValueError(f"languages/{code}.yml, {key}: {phrase!r} is on another list too")
                    phrases[words] = kind
    return phrases


@cache
def _longest() -> int:
    return max(len(words) for words in _phrases())


def small_talk(text: str) -> str | None:
    """The intent ("greet", "goodbye", "thanks", "affirm" or "deny") when the whole message is one,
    with courtesies such as "there" or "ok"; else None, also for two kinds together ("hi bye") or
    courtesies alone ("ok"). A thank-you beside another kind is part of it ("ok thanks bye" is a
    farewell, "no thanks" a no)."""
    if len(text) > LONGEST_MESSAGE:
        return None
    words, phrases, kinds = _words(text), _phrases(), set()
    start = 0
    while start < len(words):
        for size in range(min(_longest(), len(words) - start), 0, -1):
            if words[start:start + size] in phrases:
                kinds.add(phrases[words[start:start + size]])
                start += size
                break
        else:
            return None  # a word on none of the lists
    kinds.discard(None)
    if len(kinds) > 1:
        kinds.discard(THANKS)
    return kinds.pop() if len(kinds) == 1 else None
