"""Identify the language of a message among English and Luton's common languages.

The detector is restricted to these languages: fewer candidates mean fewer mistakes and a small
model (lingua-language-detector ships its models inside the wheel; nothing is downloaded).
Short or unsure text counts as English, the language of the answers, rather than a guess.
Romanised Urdu ("mere bete ko madad chahiye") looks like English to every detector, so it is
recognised by its common words instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

# ISO 639-1 code -> detector language. Urdu, Polish, Romanian, Bengali and Punjabi are the
# languages the Luton SEND Strategy names after English; Arabic is widely read in Luton too.
SUPPORTED: dict[str, Language] = {
    "en": Language.ENGLISH,
    "ur": Language.URDU,
    "pl": Language.POLISH,
    "ro": Language.ROMANIAN,
    "bn": Language.BENGALI,
    "pa": Language.PUNJABI,
    "ar": Language.ARABIC,
}
ENGLISH = "en"
MIN_LETTERS = 12  # below this, Latin-script text is too short to tell ("ok", "ehcp")
MIN_CONFIDENCE = 0.6
_NON_LATIN = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u0980-\u09ff\u0a00-\u0a7f]")
# Everyday Romanised Urdu/Hindustani words that English text almost never contains.
_ROMAN_URDU = re.compile(
    r"\b(?:mera|meri|mere|mujhe|hamara|hamari|beta|bete|beti|bacha|bache|bachay|bachon|kya|kaise|kaisay|"
    r"kahan|kyun|nahi|nahin|hai|hain|tha|thi|chahiye|chahie|madad|karna|karein|krna|kar|sakta|sakti|"
    r"mein|aur|lekin|bohat|bahut|ko|ka|ki|ke|se)\b", re.I)
ROMAN_URDU_MIN_WORDS = 3


@dataclass(frozen=True)
class Identified:
    code: str  # ISO 639-1
    confidence: float
    reason: str  # "picked", "detected", "romanised", "short", "unsure"


@lru_cache(maxsize=1)
def _detector() -> LanguageDetector:
    return LanguageDetectorBuilder.from_languages(*SUPPORTED.values()).with_preloaded_language_models().build()


def preload() -> None:
    """Load the detector's models now (about 1.5 s), at server start, not in the first user's turn."""
    _detector()


_CODE = {language: code for code, language in SUPPORTED.items()}


def identify(text: str, picked: str | None = None) -> Identified:
    """The message's language. A language the user picked in the widget always wins."""
    if picked and picked.lower() in SUPPORTED:
        return Identified(picked.lower(), 1.0, "picked")
    text = (text or "")[:2000]
    letters = sum(character.isalpha() for character in text)
    non_latin = bool(_NON_LATIN.search(text))
    if not non_latin:
        roman_words = len(_ROMAN_URDU.findall(text))
        if roman_words >= ROMAN_URDU_MIN_WORDS:
            return Identified("ur", min(1.0, roman_words / 6), "romanised")
        if letters < MIN_LETTERS:
            return Identified(ENGLISH, 1.0, "short")
    values = _detector().compute_language_confidence_values(text)
    if not values:
        return Identified(ENGLISH, 1.0, "short")
    top = values[0]
    if top.value < MIN_CONFIDENCE:
        return Identified(ENGLISH, top.value, "unsure")
    return Identified(_CODE[top.language], top.value, "detected")


IDENTIFIED_KEY = "identified_language"  # message metadata key the channels fill in
PICKED_KEY = "language"  # message metadata key the widget fills in


def picked_language(metadata: object) -> str | None:
    """The language the user picked in the widget (message metadata), if any."""
    picked = metadata.get(PICKED_KEY) if isinstance(metadata, dict) else None
    return picked if isinstance(picked, str) else None


def identify_message(text: str, metadata: object) -> Identified:
    """The language of a channel message: as the channel identified it (so the NLU pipeline and
    the reply agree; the channels overwrite whatever a client sends under that key), else from
    the picked language and the text."""
    known = metadata.get(IDENTIFIED_KEY) if isinstance(metadata, dict) else None
    if isinstance(known, dict) and known.get("code") in SUPPORTED:
        return Identified(known["code"], 1.0, str(known.get("reason", "picked")))
    return identify(text, picked_language(metadata))
