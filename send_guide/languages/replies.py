"""The short pre-written messages a user who writes in another language gets before the answer.

They live in one content file per language (send_guide/content/languages/<code>.yml) so that a
fluent speaker can review each one; en.yml holds the English original. Pre-written rather than
machine-translated because they carry the one thing that must be right: how to get the answer
in your language, and a phone number to call. Until a fluent speaker has checked a file (its
review status is `draft`), each notice ends with a line saying so, in the language and in
English, for a reader who cannot yet trust the translation.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from send_guide.contacts import fill_contacts
from send_guide.content_files import CONTENT_DIR, load_content
from send_guide.languages.review import Review, parse_review

LANGUAGES_DIR = CONTENT_DIR / "languages"
ANSWER_FOLLOWS = "answer_follows"
NOT_UNDERSTOOD = "not_understood"
MACHINE_TRANSLATED = "machine_translated"
CRISIS_FOLLOWS = "crisis_follows"  # after the crisis contacts, which always come first
LETTER_IN_ENGLISH = "letter_in_english"  # before a letter: it stays in English, for the council
MESSAGE_KINDS = (ANSWER_FOLLOWS, NOT_UNDERSTOOD, MACHINE_TRANSLATED, CRISIS_FOLLOWS, LETTER_IN_ENGLISH)
NOT_CHECKED = "not_checked"  # "a fluent speaker has not checked this yet", shown while a file is draft
_NAMES = ("language", "name", "english_name")


class LanguageFileError(ValueError):
    """A language file that would show a user missing or mislabelled text."""


@dataclass(frozen=True)
class LanguageMessages:
    code: str  # ISO 639-1, or "ur-Latn" for Urdu in Latin letters
    name: str  # the language's name for itself
    english_name: str
    direction: str  # "ltr" or "rtl"
    review: Review
    messages: dict[str, str]
    not_checked: str  # the draft line in this language (and script)

    def text(self, kind: str) -> str:
        """The message as written in the file."""
        return self.messages[kind]

    def notice(self, kind: str) -> str:
        """The message as the user gets it: with the draft line while no fluent speaker has checked it."""
        if not self.review.draft:
            return self.messages[kind]
        return f"{self.messages[kind]}\n{self.not_checked}\n{english_not_checked()}"


@cache
def language_messages(code: str, romanised: bool = False) -> LanguageMessages | None:
    """The messages for a language, or None when it has no content file."""
    if not (LANGUAGES_DIR / f"{code}.yml").is_file():
        return None
    where = f"languages/{code}.yml"
    messages = parse_language(load_content(where), romanised, where)
    if messages.code.removesuffix("-Latn") != code:
        raise LanguageFileError(f"{where}: says it is language {messages.code!r}")
    return messages


def read_language_file(path: Path, romanised: bool = False) -> LanguageMessages:
    """A language file read from anywhere, checked as the assistant checks its own."""
    with path.open(encoding="utf-8") as handle:
        return parse_language(yaml.safe_load(handle), romanised, path.name)


def parse_language(content: Any, romanised: bool, where: str) -> LanguageMessages:
    """One language file's messages, refused with a clear error if the file is incomplete.

    The review block is read here and nowhere else, so "draft" cannot be misread elsewhere.
    """
    if not isinstance(content, dict) or not all(isinstance(content.get(key), str) for key in _NAMES):
        raise LanguageFileError(f"{where}: a language file starts with {', '.join(_NAMES)}")
    review = parse_review(content.get("review"), where)
    variant = content.get("romanised") if romanised else None
    if romanised and not isinstance(variant, dict):
        variant = None  # no Latin-letter version: the language's usual script
    source = variant or content
    messages = source.get("messages")
    if not isinstance(messages, dict) or set(messages) != set(MESSAGE_KINDS):
        raise LanguageFileError(f"{where}: messages must be exactly {list(MESSAGE_KINDS)}")
    if not all(isinstance(text, str) and text.strip() for text in messages.values()):
        raise LanguageFileError(f"{where}: every message needs its text")
    if source.get("direction") not in ("ltr", "rtl"):
        raise LanguageFileError(f"{where}: direction must be ltr or rtl")
    not_checked = source.get(NOT_CHECKED)
    if not isinstance(not_checked, str) or not not_checked.strip():
        raise LanguageFileError(f"{where}: needs a {NOT_CHECKED} line (shown while the file is a draft)")
    return LanguageMessages(
        code=f"{content['language']}-Latn" if variant else content["language"],
        name=content["name"],
        english_name=content["english_name"],
        direction=source["direction"],
        review=review,
        messages={kind: fill_contacts(text) for kind, text in messages.items()},
        not_checked=not_checked.strip(),
    )


def english_not_checked() -> str:
    """The draft line in English (en.yml), added after the line in the user's language."""
    english = language_messages("en")
    if english is None:
        raise LanguageFileError("languages/en.yml is missing: it is the original of every translation")
    return english.not_checked


def available_languages() -> list[str]:
    """Codes of every language with a content file, English first."""
    codes = sorted(path.stem for path in LANGUAGES_DIR.glob("*.yml"))
    return sorted(codes, key=lambda code: code != "en")


def messages_for(code: str) -> LanguageMessages | None:
    """The messages for a code as LanguageMessages.code spells it ("ur-Latn": Urdu in Latin letters)."""
    return language_messages(code.removesuffix("-Latn"), romanised=code.endswith("-Latn"))


@cache
def crisis_patterns() -> tuple[str, ...]:
    """Every language file's crisis patterns (its Latin-letter variant's too), for safety.py."""
    return _patterns("crisis_patterns")


@cache
def letter_patterns() -> tuple[str, ...]:
    """Every language file's ways of asking for help to write a letter, for letters/choose.py."""
    return _patterns("letter_patterns")


def _patterns(key: str) -> tuple[str, ...]:
    patterns: list[str] = []
    for code in available_languages():
        content = load_content(f"languages/{code}.yml")
        patterns += content.get(key) or []
        patterns += (content.get("romanised") or {}).get(key) or []
    return tuple(patterns)
