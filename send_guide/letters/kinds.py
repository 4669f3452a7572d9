"""The letter kinds: one YAML file each in send_guide/letters/kinds/, written for this project.

A kind names the details it needs (each with the gap shown when the family skips it), the
paragraphs with those details as {placeholders}, the dates it takes from the deadline engine and
the law it relies on. Keeping the words in files means the content team can change a letter
without touching code, and the tests can check every kind the same way (law cited on the national
fact sheet, every placeholder known, readability).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from send_guide.deadlines.timeline import Event

KINDS_DIR = Path(__file__).parent / "kinds"
WRITERS = ("parent", "young_person")
FIELD_KINDS = ("text", "long_text", "date")
PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
# Recipients several kinds write to, by name, so their lines are written once. The team's address
# is a gap: no source page gives it.
NAMED_RECIPIENTS: dict[str, tuple[str, ...]] = {
    "senat": ("SEN Assessment Team (SENAT)", "Luton Council", "[the team's address or e-mail address]"),
}


@dataclass(frozen=True)
class Detail:
    """Something the family tells us for the letter."""

    name: str
    ask: str  # the question the conversation asks, in plain words
    gap: str  # shown as "[gap]" when skipped
    kind: str = "text"


@dataclass(frozen=True)
class DeadlineDate:
    """A date the letter states, worked out by the deadline engine from one of the details."""

    name: str
    event: Event
    rule: str  # the deadline engine's rule key
    start: str  # the detail it counts from, or "today" (the letter is sent today)
    gap: str
    passed: bool = False  # the letter is about this date having passed: refused before it


@dataclass(frozen=True)
class LawLine:
    """A law the letter relies on, as the letter says it, and the citations of the national fact
    sheet (shared/national-law.md) it rests on, word for word, so a test can find each there."""

    says: str
    sheet: tuple[str, ...]


@dataclass(frozen=True)
class LetterKind:
    key: str
    title: str
    recipient: tuple[str, ...]
    greeting: str
    subject: str
    details: tuple[Detail, ...]
    dates: tuple[DeadlineDate, ...]
    paragraphs: tuple[dict[str, str], ...]  # writer -> text ("any" for both)
    law: tuple[LawLine, ...]
    guidance: tuple[LawLine, ...] = ()  # statutory guidance that is not an act or regulations
    writers: tuple[str, ...] = WRITERS

    def detail(self, name: str) -> Detail | None:
        return next((each for each in self.details if each.name == name), None)

    def paragraph_texts(self, writer: str) -> list[str]:
        """The paragraphs for the parent or for a young person writing for themselves."""
        return [text for each in self.paragraphs if (text := each.get(writer, each.get("any")))]


class LetterKindError(ValueError):
    """A kind file that cannot be right; the message names the file and the problem."""


def _paragraph(raw: Any, where: str) -> dict[str, str]:
    if isinstance(raw, str):
        return {"any": raw}
    if isinstance(raw, dict) and set(raw) <= {"any", *WRITERS}:
        return {key: str(value) for key, value in raw.items()}
    raise LetterKindError(f"{where}: a paragraph is a text, or texts under 'parent' and 'young_person'")


def _recipient(raw: Any, where: str) -> tuple[str, ...]:
    """The recipient's lines: written out in the kind file, or the name of one of NAMED_RECIPIENTS."""
    if isinstance(raw, str):
        if raw not in NAMED_RECIPIENTS:
            raise LetterKindError(f"{where}: unknown recipient {raw!r}")
        return NAMED_RECIPIENTS[raw]
    return tuple(raw)


def _law_lines(raw: Any) -> tuple[LawLine, ...]:
    return tuple(LawLine(each["says"], tuple(each["sheet"])) for each in raw or ())


def read_kind(path: Path) -> LetterKind:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    where = path.name
    details = tuple(Detail(name, spec["ask"], spec["gap"], spec.get("kind", "text"))
                    for name, spec in (raw.get("details") or {}).items())
    for detail in details:
        if detail.kind not in FIELD_KINDS:
            raise LetterKindError(f"{where}: detail {detail.name} has unknown kind {detail.kind!r}")
    dates = tuple(DeadlineDate(name, Event(spec["event"]), spec["rule"], spec["from"], spec["gap"],
                               bool(spec.get("passed")))
                  for name, spec in (raw.get("dates") or {}).items())
    kind = LetterKind(
        key=path.stem, title=raw["title"], recipient=_recipient(raw["recipient"], where), greeting=raw["greeting"],
        subject=raw["subject"], details=details, dates=dates,
        paragraphs=tuple(_paragraph(each, where) for each in raw["paragraphs"]),
        law=_law_lines(raw.get("law")), guidance=_law_lines(raw.get("guidance")),
        writers=tuple(raw.get("writers", WRITERS)))
    _check_placeholders(kind, where)
    return kind


def _check_placeholders(kind: LetterKind, where: str) -> None:
    known = {each.name for each in kind.details} | {each.name for each in kind.dates} | {"today"}
    texts = [kind.subject, kind.greeting, *kind.recipient, *(t for p in kind.paragraphs for t in p.values())]
    unknown = sorted({name for text in texts for name in PLACEHOLDER.findall(text)} - known)
    if unknown:
        raise LetterKindError(f"{where}: unknown placeholders {unknown}")
    starts = {each.start for each in kind.dates} - {"today"} - {each.name for each in kind.details}
    if starts:
        raise LetterKindError(f"{where}: dates count from unknown details {sorted(starts)}")


@cache
def all_kinds() -> dict[str, LetterKind]:
    return {path.stem: read_kind(path) for path in sorted(KINDS_DIR.glob("*.yml"))}
