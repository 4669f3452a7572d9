"""The situations a family can be in, the facts raised in passing that change an answer, and the
words that show each: all content, in `content/situations.yml`, so that a new situation (for
example from the national law sheet) is added as data, not as code."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from send_guide.content_files import load_content
from send_guide.deadlines.timeline import Event
from send_guide.letters.kinds import all_kinds
from send_guide.sources import SOURCE_TITLES


class SituationFileError(ValueError):
    """situations.yml would give a reply with missing or wrong parts."""


def _any(patterns: tuple[re.Pattern[str], ...], text: str) -> bool:
    return any(pattern.search(text) for pattern in patterns)


@dataclass(frozen=True)
class Stage:
    """Where the family is in the process, or what went wrong, with the answer for it."""

    key: str
    title: str  # short, for buttons and the staff reading
    patterns: tuple[re.Pattern[str], ...]
    answer: str  # the short answer: the right at this stage, the time limit, the next step, who helps
    more: str  # the detail behind "Tell me more"
    aside: str  # one sentence when the message raises it beside another, main situation
    when_asked: str  # the aside when a question asks about it: what the family can do (default: aside)
    law: str  # the "Law:" line's content, "" when the answer states no national law
    sources: tuple[str, ...]  # source ids for the "Source:" line
    event: Event | None = None  # the event the "offer" button works out dates for
    dated_by: tuple[Event, ...] = ()  # events whose exact date in the message gives the dates at once
    deadline_keys: tuple[str, ...] = ()  # which of that event's deadlines to give, in order
    offer: str = ""  # the button that offers to work out the dates, naming what it computes
    topics: tuple[str, ...] = ()  # FAQ topics to offer as buttons
    letter: str = ""  # a letter kind (send_guide/letters/kinds) offered when the message asks about it
    urgent: bool = False  # a time limit runs against the family at this stage
    appealable: bool = False  # a decision the family can appeal: a question about appealing is about it
    not_with: tuple[str, ...] = ()  # main situations beside which this one is no longer news
    gives_way_to: tuple[str, ...] = ()  # situations that are the answer when shown by their own words beside it
    weight: float = 1.0  # below 1 for a situation shown by common words ("college", "year 6")
    common: tuple[re.Pattern[str], ...] = ()  # common words that show it too, but not alone in a short question
    general: bool = False  # broad ("worried about my child"): the main situation only when no specific one is found
    unless: tuple[re.Pattern[str], ...] = ()  # words that show it is not so ("she has never had an EHCP")

    @cached_property
    def signs(self) -> tuple[re.Pattern[str], ...]:
        """Every pattern that shows the situation: its own, then the common words."""
        return (*self.patterns, *self.common)

    def found_in(self, text: str) -> bool:
        return _any(self.signs, text) and not _any(self.unless, text)

    def hits(self, text: str) -> float:
        """How strongly the text shows this situation: how many of its patterns are found, times
        its weight (a situation shown by common words, such as "college", weighs less)."""
        if _any(self.unless, text):
            return 0.0
        return self.weight * sum(1 for pattern in self.signs if pattern.search(text))

    def shown_by_own_words(self, text: str) -> bool:
        """By one of its own patterns, not only by the common words ("college", "is 17")."""
        return _any(self.patterns, text) and not _any(self.unless, text)

    def shown_weakly(self, text: str, strength: float) -> bool:
        """Only by a common word or two ("my son is 21", "year 6"): enough to add a line to a story,
        not to make a short question about something else into this situation. Several of them
        ("he is 17, at college, what happens to his plan when he turns 18?") are enough.
        `strength`: hits(text), which the reading has already worked out."""
        return strength < 1 and not _any(self.patterns, text)


@dataclass(frozen=True)
class Point:
    """A fact raised in passing ("she is doing ok academically") that the law has something to say
    about; its sentence is added to the answer."""

    key: str
    patterns: tuple[re.Pattern[str], ...]
    text: str
    law: str = ""
    stages: tuple[str, ...] = ()  # only with these main situations; empty: with any
    not_with: tuple[str, ...] = ()  # never with these main situations (their answer says it already)
    writers: tuple[str, ...] = ()  # only for these writers (parent, young_person, professional); empty: any
    # Words that show the fact is not so ("no EHCP yet" for a point about a child with a plan).
    unless: tuple[re.Pattern[str], ...] = ()
    said_by_terms: tuple[str, ...] = ()  # glossary terms whose meaning, when asked, already says it

    def found_in(self, text: str) -> bool:
        return _any(self.patterns, text) and not _any(self.unless, text)


@dataclass(frozen=True)
class Catalogue:
    stages: tuple[Stage, ...]  # most specific first: the first found is the main situation
    points: tuple[Point, ...]
    distress: tuple[re.Pattern[str], ...]
    writers: dict[str, tuple[re.Pattern[str], ...]]  # role -> words that show it, checked in order
    # role -> the line a reply opens with: the answers speak to a parent ("your child"), so a
    # professional or a young person is told how to read them
    writer_notes: dict[str, str] = field(default_factory=dict)

    def stage(self, key: str | None) -> Stage | None:
        return next((stage for stage in self.stages if stage.key == key), None)


_WORD_SET = re.compile(r"\{([a-z_]+)\}")


def _expand(pattern: str, words: dict[str, str], where: str) -> str:
    """"{refuse}" in a pattern stands for the file's list of words for refusing (its `words:`)."""
    def one(match: re.Match[str]) -> str:
        if match[1] not in words:
            raise SituationFileError(f"{where}: no word set {match[1]!r}")
        return f"(?:{words[match[1]]})"
    return _WORD_SET.sub(one, pattern)


def _compile(patterns: list[str], where: str, words: dict[str, str] | None = None) -> tuple[re.Pattern[str], ...]:
    try:
        return tuple(re.compile(_expand(pattern, words or {}, where), re.I) for pattern in patterns)
    except re.error as error:
        raise SituationFileError(f"{where}: {error}") from error


def _stage(key: str, spec: dict, words: dict[str, str]) -> Stage:
    for needed in ("title", "patterns", "answer", "more", "aside", "sources"):
        if not spec.get(needed):
            raise SituationFileError(f"situation {key} has no {needed}")
    unknown = [source for source in spec["sources"] if str(source) not in SOURCE_TITLES]
    if unknown:
        raise SituationFileError(f"situation {key}: unknown source {unknown}")
    event = Event(spec["event"]) if spec.get("event") else None
    if event is not None and not spec.get("offer"):
        raise SituationFileError(f"situation {key} has dates but no offer button")
    if spec.get("deadline_keys") and event is None:
        raise SituationFileError(f"situation {key} names dates but no event to work them out from")
    if spec.get("letter") and spec["letter"] not in all_kinds():
        raise SituationFileError(f"situation {key}: no letter called {spec['letter']!r}")
    return Stage(
        key=key, title=spec["title"], patterns=_compile(spec["patterns"], key, words),
        answer=spec["answer"].strip(), more=spec["more"].strip(), aside=spec["aside"].strip(),
        when_asked=spec.get("when_asked", spec["aside"]).strip(),
        law=spec.get("law", ""), sources=tuple(str(s) for s in spec["sources"]), event=event,
        dated_by=tuple(Event(e) for e in spec.get("dated_by", [event.value] if event else [])),
        deadline_keys=tuple(spec.get("deadline_keys", ())), offer=spec.get("offer", ""),
        topics=tuple(spec.get("topics", ())), letter=spec.get("letter", ""), urgent=bool(spec.get("urgent", False)),
        appealable=bool(spec.get("appealable", False)),
        not_with=tuple(spec.get("not_with", ())), gives_way_to=tuple(spec.get("gives_way_to", ())),
        general=bool(spec.get("general", False)),
        weight=float(spec.get("weight", 1.0)), unless=_compile(spec.get("unless", []), key, words),
        common=_compile(spec.get("common", []), key, words),
    )


@lru_cache(maxsize=1)
def catalogue() -> Catalogue:
    raw = load_content("situations.yml")
    words: dict[str, str] = {}
    for name, value in raw.get("words", {}).items():  # a word set may use the sets above it
        words[name] = _expand(value, words, name)
    stages = tuple(_stage(key, spec, words) for key, spec in raw["stages"].items())
    keys = {stage.key for stage in stages}
    for stage in stages:
        unknown = sorted((set(stage.not_with) | set(stage.gives_way_to)) - keys)
        if unknown:
            raise SituationFileError(f"situation {stage.key} names unknown situations {unknown}")
    points = []
    for key, spec in raw["points"].items():
        limits = set(spec.get("stages", ())) | set(spec.get("not_with", ()))
        if limits - keys:
            raise SituationFileError(f"point {key} names unknown situations {sorted(limits - keys)}")
        points.append(Point(key=key, patterns=_compile(spec["patterns"], key, words), text=spec["text"].strip(),
                            law=spec.get("law", ""), stages=tuple(spec.get("stages", ())),
                            not_with=tuple(spec.get("not_with", ())), writers=tuple(spec.get("writers", ())),
                            unless=_compile(spec.get("unless", []), key, words),
                            said_by_terms=tuple(spec.get("said_by_terms", ()))))
    writers = {role: _compile(patterns, role) for role, patterns in raw["writers"].items()}
    notes = {role: str(note).strip() for role, note in raw.get("writer_notes", {}).items()}
    unknown = sorted(set(notes) - set(writers))
    if unknown:
        raise SituationFileError(f"writer_notes for unknown writers {unknown}")
    return Catalogue(stages, tuple(points), _compile(raw["distress"], "distress"), writers, notes)
