"""The short pre-written messages a user who writes in another language gets before the answer.

They live in one content file per language (send_guide/content/languages/<code>.yml) so that a
fluent speaker can review each one; en.yml holds the English original. Pre-written rather than
machine-translated because they carry the one thing that must be right: how to get the answer
in your language, and a phone number to call.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from send_guide.content_files import CONTENT_DIR, load_content

LANGUAGES_DIR = CONTENT_DIR / "languages"
ANSWER_FOLLOWS = "answer_follows"
NOT_UNDERSTOOD = "not_understood"
MACHINE_TRANSLATED = "machine_translated"
CRISIS_FOLLOWS = "crisis_follows"  # after the crisis contacts, which always come first
MESSAGE_KINDS = (ANSWER_FOLLOWS, NOT_UNDERSTOOD, MACHINE_TRANSLATED, CRISIS_FOLLOWS)


@dataclass(frozen=True)
class LanguageMessages:
    code: str  # ISO 639-1, or "ur-Latn" for Urdu in Latin letters
    name: str  # the language's name for itself
    english_name: str
    direction: str  # "ltr" or "rtl"
    reviewed: bool
    messages: dict[str, str]

    def text(self, kind: str) -> str:
        return self.messages[kind]


@cache
def language_messages(code: str, romanised: bool = False) -> LanguageMessages | None:
    """The messages for a language, or None when it has no content file."""
    if not (LANGUAGES_DIR / f"{code}.yml").is_file():
        return None
    content = load_content(f"languages/{code}.yml")
    review = content.get("review") or {}
    variant = content.get("romanised") if romanised else None
    return LanguageMessages(
        code=f"{code}-Latn" if variant else code,
        name=content["name"],
        english_name=content["english_name"],
        direction=(variant or content)["direction"],
        reviewed=review.get("status") == "reviewed",
        messages=dict((variant or content)["messages"]),
    )


def available_languages() -> list[str]:
    """Codes of every language with a content file, English first."""
    codes = sorted(path.stem for path in LANGUAGES_DIR.glob("*.yml"))
    return sorted(codes, key=lambda code: code != "en")


@cache
def crisis_patterns() -> tuple[str, ...]:
    """Every language file's crisis patterns (its Latin-letter variant's too), for safety.py."""
    patterns: list[str] = []
    for code in available_languages():
        content = load_content(f"languages/{code}.yml")
        patterns += content.get("crisis_patterns") or []
        patterns += (content.get("romanised") or {}).get("crisis_patterns") or []
    return tuple(patterns)
