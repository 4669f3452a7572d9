"""Which translations a fluent speaker has checked, and which are still drafts: for the staff report.

Two kinds of file carry words in another language: the pre-written messages that come before an
answer (send_guide/content/languages/<code>.yml, read by replies.py) and the widget's own words
(widget/src/locales/<code>.json, read by the widget in the browser). Both record a review block,
checked by the same rules (review.py). A file that cannot be read is listed with its problem,
so the report still shows the rest.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import yaml

from send_guide.languages.replies import LANGUAGES_DIR, available_languages, language_messages
from send_guide.languages.review import Review, parse_review

ROOT = Path(__file__).resolve().parents[2]
WIDGET_LOCALES_DIR = ROOT / "widget" / "src" / "locales"
MESSAGES = "Messages before the answer"
WIDGET_WORDS = "Widget's own words"


@dataclass(frozen=True)
class TranslationStatus:
    language: str  # in English, e.g. "Polish"
    code: str
    part: str  # MESSAGES or WIDGET_WORDS
    path: str  # in the repository, for whoever updates the review
    review: Review | None  # None when the file cannot be read
    problem: str = ""  # why it cannot be read

    def describe(self) -> str:
        return self.review.describe() if self.review else f"cannot be read: {self.problem}"


def widget_locale_review(code: str) -> Review:
    """The review block of the widget's locale file for `code`, checked."""
    path = WIDGET_LOCALES_DIR / f"{code}.json"
    locale = json.loads(path.read_text(encoding="utf-8"))
    return parse_review(locale.get("review") if isinstance(locale, dict) else None, _in_repository(path))


def translation_statuses() -> list[TranslationStatus]:
    """Every language file and widget locale with its review, English first, then by language."""
    statuses = []
    names: dict[str, str] = {}
    for code in available_languages():
        path = _in_repository(LANGUAGES_DIR / f"{code}.yml")
        try:
            messages = language_messages(code)
        except (ValueError, OSError, yaml.YAMLError) as error:  # LanguageFileError, ReviewError, bad YAML
            statuses.append(TranslationStatus(code, code, MESSAGES, path, None, str(error)))
            continue
        if messages is not None:
            names[code] = messages.english_name
            statuses.append(TranslationStatus(messages.english_name, code, MESSAGES, path, messages.review))
    for path in sorted(WIDGET_LOCALES_DIR.glob("*.json")):
        code = path.stem
        try:
            review, problem = widget_locale_review(code), ""
        except (ValueError, OSError) as error:  # ReviewError, or JSON that does not parse
            review, problem = None, str(error)
        statuses.append(TranslationStatus(names.get(code, code), code, WIDGET_WORDS, _in_repository(path), review,
                                          problem))
    return sorted(statuses, key=lambda status: (status.code != "en", status.language, status.part))


def _in_repository(path: Path) -> str:
    return path.resolve().relative_to(ROOT).as_posix()
