"""Keep phone numbers, links, e-mail addresses, service names and SEND terms out of translation.

The text goes to the service as HTML with those parts in `<span translate="no"
class="notranslate">`, which LibreTranslate, Azure Translator and Google all leave alone. After
translation every protected part must still be there, word for word: a translated phone number
or a service name turned into a common noun is worse than an English answer, so a lost part
fails the translation and the user gets the English answer instead.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache

from send_guide.contact_patterns import EMAIL
from send_guide.content_files import load_content
from send_guide.services.live_names import service_names

_URL = r"https?://[^\s<>\"]+[^\s<>\".,;:!?)]"
_NUMBER = r"\+?\d[\d ]{1,14}\d"
# Names the sources use for services and teams, beyond data/services.csv.
_EXTRA_NAMES = ("Luton SENDIAS", "Local Offer", "Luton Council", "Childline", "Samaritans", "NHS 111")


class LostProtectedText(ValueError):
    """The translation changed or dropped a part that must stay as it is."""


@dataclass(frozen=True)
class Protected:
    html: str  # what goes to the service
    kept: tuple[str, ...]  # the parts that must come back unchanged


@lru_cache(maxsize=1)
def _send_terms() -> frozenset[str]:
    """SEND acronyms (the capitalised spellings in terms.yml) and the other names the sources use."""
    terms = set(_EXTRA_NAMES)
    for spellings in load_content("terms.yml")["terms"].values():
        terms.update(s for s in spellings if len(s) >= 2 and s.isupper())
    return frozenset(terms)


def protected_terms() -> tuple[str, ...]:
    """SEND acronyms and every service name of the live directory, longest first."""
    return tuple(sorted(_send_terms() | set(service_names()), key=len, reverse=True))


def _pattern() -> re.Pattern[str]:
    return _compiled(protected_terms())


@lru_cache(maxsize=2)
def _compiled(terms: tuple[str, ...]) -> re.Pattern[str]:
    """Compiled again only when the directory's names change."""
    names = "|".join(re.escape(term) for term in terms)
    return re.compile(rf"{_URL}|{EMAIL}|{_NUMBER}|(?<![\w-])(?:{names})(?![\w-])")


def protect(text: str) -> Protected:
    parts: list[str] = []
    kept: list[str] = []
    position = 0
    for match in _pattern().finditer(text):
        parts.append(html.escape(text[position:match.start()], quote=False))
        parts.append(f'<span translate="no" class="notranslate">{html.escape(match.group(), quote=False)}</span>')
        kept.append(match.group())
        position = match.end()
    parts.append(html.escape(text[position:], quote=False))
    return Protected("".join(parts).replace("\n", "<br>"), tuple(kept))


_TAG = re.compile(r"<[^>]*>")
_BREAK = re.compile(r"<br\s*/?>", re.I)


def restore(translated_html: str, protected: Protected) -> str:
    """Plain text from the service's HTML; raises LostProtectedText if a kept part is gone."""
    text = html.unescape(_TAG.sub("", _BREAK.sub("\n", translated_html)))
    for part in protected.kept:
        if part not in text:
            raise LostProtectedText(f"a protected part of {len(part)} characters did not survive")
    return text.strip()
