"""One message of any length, read into a situation a person can print and check.

Everything here is found by words the content file lists (send_guide/content/situations.yml) or by
the deadline reader's date finder, so each finding can be shown with the words it came from.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Callable

from send_guide import intents
from send_guide.deadlines import dialogue
from send_guide.deadlines import reading as dates
from send_guide.deadlines.reading import DateProblem
from send_guide.deadlines.timeline import Event
from send_guide.glossary import GlossaryEntry, term_asked_about
from send_guide.situation.catalogue import Point, Stage, catalogue
from send_guide.situation.spelling import corrected

Date = dt.date

_SENTENCE_END = re.compile(r"(?<=[.?!])\s+|\n+|(?<=[a-z0-9)])\s*[?!]+\s*")
_AUX = r"(?:can|could|should|shall|would|will|do|does|did|is|are|was|were|has|have|am|must|may|might)"
_QUESTION_START = re.compile(
    r"^\W*(?:" + _AUX + r"\s+(?:i|we|you|they|he|she|it|this|that|there|the|my|our|a|an|anyone|someone|schools?|"
    r"councils?|la|\w+s?)\b|(?:what|whats|what's|how|who|when|where|which|why)\s+(?:" + _AUX + r"|happens|if|about|"
    r"else|now|next|are my|is the|rights)\b|any (?:advice|ideas|help|tips|thoughts|suggestions)|anyone\b|"
    r"does anyone|has anyone|help\b|advice\b)", re.I)
_ASKING = re.compile(
    r"\b(?:any (?:advice|ideas|help|tips|thoughts|suggestions)|what (?:should|can|do) (?:i|we)\b|"
    r"what are (?:my|our) (?:options|rights)|where do (?:i|we) (?:go|stand)|i (?:need|want) to know|"
    r"please help|not sure what to do|don'?t know what to do|(?:can|could) (?:they|the school|the council|the la)\b|"
    r"is (?:it|this|that) (?:legal|allowed|right|normal)|do (?:i|we) have (?:a|the) right)"
    # a question after a comma, with no question mark: "i took him off roll, does the council still have to ..."
    r"|,\s*(?:does|do|is|are|can|could|will|should|must|has|have)\s+(?:the|they|he|she|it|we|i|my|our|his|her)\b",
    re.I)
# A question about appealing ("is it worth appealing?") is about the decision that can be appealed,
# though it does not name it.
_ABOUT_APPEALING = re.compile(r"\bappeal\w*|\btribunal\b|\bchallenge\s+(?:the\s+|this\s+|their\s+)?decision", re.I)
_CLAUSE = re.compile(r",|;|\band then\b|\bbut\b|\band\b(?=\s+(?:they|we|i|she|he|it|the)\b)", re.I)
_AGE = re.compile(
    r"\b(?:is|aged?|turned|turns|turning|now)\s+(?P<a>\d{1,2})\b(?!\s*(?:weeks?|months?|days?|hours?|%|th|st|nd|rd|/|:))"
    r"|\b(?P<b>\d{1,2})\s*(?:yo|y/?o|yrs? old|years? old|year-old)\b", re.I)
_SCHOOL_YEAR = re.compile(
    r"\b(?:year|yr|y)\s?(?P<year>[1-9]|1[0-3])\b(?!\s*(?:old|s\b))"
    r"|\b(?:in|at|starts?|starting|into)\s+(?P<stage>reception|nursery)\b", re.I)

_ROUGHLY = re.compile(r"\b(?:about|around|roughly|approximately|approx|nearly|almost|over|more\s+than|less\s+than|"
                      r"under|maybe|perhaps|some)\s*$", re.I)


@dataclass(frozen=True)
class DatedEvent:
    """A date the message gives, the words it came from, and what it is the date of (if said)."""

    text: str  # the words of the date, as written
    clause: str  # the part of the sentence it was in
    event: Event | None
    date: Date | None  # None when vague ("last week") or impossible ("31/02/2026")
    problem: DateProblem | None = None
    sentence: str = ""  # the whole sentence it was in

    @property
    def exact(self) -> bool:
        return self.date is not None

    @property
    def approximate(self) -> bool:
        """Said as a rough date ("about 2 weeks ago", "nearly a month ago"): its dates are rough too."""
        at = self.clause.find(self.text)
        return at >= 0 and bool(_ROUGHLY.search(self.clause[:at]))


@dataclass(frozen=True)
class Reading:
    text: str  # the message as read: misspelt key words corrected (spelling.py)
    text_words: int
    sentences: tuple[str, ...]
    questions: tuple[str, ...]
    stages: tuple[Stage, ...]  # every situation found, most specific first
    main: Stage | None  # the situation the answer is about
    shown_weakly: bool  # every situation found only by a common word or two ("is 21", "year 6"): see wants_whole_reply
    points: tuple[Point, ...]  # those a question asks about first
    asked: tuple[Point, ...]  # the points a question asks about
    asked_stages: tuple[Stage, ...]  # other situations a question asks about ("what can I do about the delay?")
    asked_terms: tuple[GlossaryEntry, ...]  # words a question asks the meaning of ("what does Section F mean?")
    dates: tuple[DatedEvent, ...]
    writer: str | None  # parent, young_person or professional
    age: int | None
    school_year: str | None
    distress: tuple[str, ...]  # the words that show it
    asks_about_time: bool
    found_by: dict[str, str] = field(default_factory=dict)  # finding -> the words it came from

    @property
    def others(self) -> tuple[Stage, ...]:
        return tuple(stage for stage in self.stages if stage is not self.main)

    def exact_date_of(self, events: tuple[Event, ...], stage: Stage | None = None) -> DatedEvent | None:
        """The exact date the message gives for one of these events (the last one, if several);
        else a date with no event of its own in a clause that shows the stage ("the LA sent the
        final EHCP on 20/11/2026"); else such a date in a sentence that shows it, when the sentence
        has no other date ("The council decided to stop the EHCP, letter dated 1 October 2026")."""
        found = [d for d in self.dates if d.exact and d.event in events]
        if not found and stage is not None:
            found = [d for d in self.dates if d.exact and d.event is None and stage.found_in(d.clause)]
        if not found and stage is not None:
            found = [d for d in self.dates if d.exact and d.event is None and stage.found_in(d.sentence)
                     and sum(other.sentence == d.sentence for other in self.dates) == 1]
        return found[-1] if found else None


# A message this long, or of more than one sentence, tells a story: it is answered as a whole.
STORY_WORDS = 15
# A broad situation ("worried about my child") is answered as a whole only in a real story: a short
# question about it ("do we need a diagnosis first?") has a topic answer that fits it better. So is
# a message whose situations are each shown only by a common word or two: "my son is 21, how does
# he find a flat?" is a housing question, not one about the rights of a young person with a plan;
# "year 6" alone is not a move. One clearly shown situation ("being excluded") is enough.
BROAD_STORY_WORDS = 40


def wants_whole_reply(reading: Reading) -> bool:
    """True when the message describes a situation the content knows and is more than a short
    question: short questions keep their topic answers, stories get one reply about the whole."""
    if reading.main is None:
        return False
    if reading.main.general or reading.shown_weakly:
        return reading.text_words >= BROAD_STORY_WORDS
    return reading.text_words >= STORY_WORDS or len(reading.sentences) >= 2


def is_one_question(reading: Reading) -> bool:
    """One sentence that is a question from its first word ("can I take my son out of school and teach
    him at home myself?"): asked, not told, however many words it has. A topic the classifier is sure
    of answers it better than a reading of a story there is not."""
    return (len(reading.sentences) == 1 and reading.text_words < BROAD_STORY_WORDS
            and bool(_QUESTION_START.match(reading.sentences[0])))


def is_long_story(text: str) -> bool:
    """A message long enough that a reply asking "did you mean ...?" would fail it: the family told
    a story, and even when no situation is found in it they get a next step and a contact."""
    return len(text.split()) >= BROAD_STORY_WORDS


def deadline_form_answers_at_once(reading: Reading, text: str, today: Date) -> bool:
    """A short question about when ("my daughter is in year 6, when must the plan name her
    secondary school?") that the deadline form can answer from the message alone, with no question
    back: the exact date is a better answer than the situation's general one."""
    if not reading.asks_about_time or reading.text_words >= BROAD_STORY_WORDS:
        return False
    return dialogue.step(dialogue.DeadlineState(), text, intents.DEADLINE, today, fresh=True).outcome == "done"


def prefers_deadline_form(reading: Reading) -> bool:
    """A short question about a date that gives an exact date ("the plan was issued on 15 March
    2024, when is the annual review due?") is a deadline question: the deadline form answers
    exactly that date. A longer story, or a rough date ("about 7 weeks ago"), gets the whole reply,
    which gives the dates too and says how rough they are."""
    return reading.asks_about_time and reading.text_words < BROAD_STORY_WORDS and any(
        d.exact and not d.approximate for d in reading.dates)


def sentences_of(text: str) -> list[str]:
    return [part.strip() for part in _SENTENCE_END.split(text) if part and part.strip()]


def is_question(sentence: str) -> bool:
    return sentence.rstrip().endswith("?") or bool(_QUESTION_START.search(sentence)) or bool(_ASKING.search(sentence))


# "Is that allowed?" is about the sentence before it: a short question that points back is read with it.
_POINTS_BACK = re.compile(r"\b(?:that|this|it|they|them|those|these)\b", re.I)
POINTING_BACK_WORDS = 6


def _questions(text: str, is_feeling: Callable[[str], bool]) -> list[str]:
    """Question sentences, keeping the "?" people type mid-line ("can I appeal? last date?"); a short
    one that points back ("Is that allowed?") comes with the sentence it points to: the one before
    it, or the one before that when the one between says how the writer feels ("... they send him
    home early. I have had to give up work. Is this even allowed?")."""
    found = []
    before: list[str] = []
    for piece in re.split(r"(?<=\?)|\n+|(?<=[.!])\s+", text):
        piece = piece.strip()
        if not re.search(r"\w", piece):  # "Is this normal??" splits off a lone "?"
            continue
        if is_question(piece):
            points_back = len(piece.split()) <= POINTING_BACK_WORDS and _POINTS_BACK.search(piece)
            pointed_to = before[-2] if len(before) >= 2 and is_feeling(before[-1]) else (before[-1] if before else "")
            found.append(f"{pointed_to} {piece}" if points_back and pointed_to else piece)
        before.append(piece)
    return found


def _dates(sentences: list[str], today: Date) -> list[DatedEvent]:
    found: list[DatedEvent] = []
    for sentence in sentences:
        sentence_event = dates.read_event(sentence, strong_only=True)
        for clause in _CLAUSE.split(sentence):
            clause = clause.strip()
            if not clause or dates.mentions_birth_or_age(clause):
                continue
            own = dates.read_event(clause, strong_only=True)
            event = own or (None if dates.tells_of_a_reply(clause) else sentence_event)
            reading = dates.read_date(clause, today, prefer_future=event in dates.FUTURE_EVENTS)
            if reading.problem is DateProblem.NONE_FOUND:
                continue
            found.append(DatedEvent(reading.text, clause, event, reading.value, reading.problem, sentence))
    return found


def _age(text: str) -> tuple[int | None, str]:
    for match in _AGE.finditer(text):
        value = int(match["a"] or match["b"])
        if 0 < value <= 25:
            return value, match.group(0)
    return None, ""


def _school_year(text: str) -> tuple[str | None, str]:
    match = _SCHOOL_YEAR.search(text)
    if not match:
        return None, ""
    return (f"Year {match['year']}" if match["year"] else match["stage"].capitalize()), match.group(0)


def _main_stage(shown: dict[Stage, float], questions: list[str], text: str) -> Stage | None:
    """The situation the answer is about: the one the message shows most, counting what its
    questions are about three times; a broad situation (worried, support in school) counts half,
    so a specific one (refused, late, draft ...) wins unless the question is about the broad one,
    and never over a specific one that covers it (the broad one's not_with). A situation that is the
    setting of a bigger one (an annual review at which the plan is to be stopped) gives way to it
    (gives_way_to). On a tie, the more
    specific (earlier in the content file). A question about appealing counts for each decision
    found that can be appealed. A situation shown only by common words (an age,
    "college") is the setting of the story: beside one shown by its own words whose time limit runs
    against the family (a plan stopped, a refusal), it is the answer only when a question names it
    in its own words ("She is 19 and at college. Can they do this?" is about the plan being
    stopped). `shown`: each situation found, with how strongly the whole message shows it, most
    specific first."""
    order = [stage for stage in shown
             if not (stage.general and any(other.key in stage.not_with for other in shown))
             and not any(other.key in stage.gives_way_to and other.shown_by_own_words(text) for other in shown)]
    by_own_words = [stage for stage in order if stage.shown_by_own_words(text)]
    if any(stage.urgent for stage in by_own_words):
        order = [stage for stage in order if stage in by_own_words
                 or any(stage.shown_by_own_words(question) for question in questions)]

    def weight(stage: Stage) -> float:
        asked = sum(stage.hits(question) for question in questions)
        if stage.appealable:
            asked += sum(1 for question in questions if _ABOUT_APPEALING.search(question))
        strength = shown[stage] + 2 * asked
        return strength / 2 if stage.general else strength

    return max(order, key=lambda stage: (weight(stage), -order.index(stage))) if order else None


def _first_match(patterns, text: str) -> str:
    for pattern in patterns:
        match = pattern.search(text)
        if match:
            return match.group(0)
    return ""


def read(text: str, today: Date, about: str | None = None) -> Reading:
    """The situation in one message. `today` anchors "today", "last Tuesday" and years not given.
    `about` names the situation already known to be asked about (a question the classifier gave a
    situation topic, such as "can school send him home at lunch?"): it is the main one."""
    text = corrected(text or "")
    book = catalogue()
    sentences = sentences_of(text)
    questions = _questions(text, lambda piece: any(pattern.search(piece) for pattern in book.distress))
    shown = {stage: strength for stage in book.stages if (strength := stage.hits(text))}
    asked_about = book.stage(about)
    if asked_about is not None:
        shown.setdefault(asked_about, 1.0)
    stages = list(shown)
    main = asked_about or _main_stage(shown, questions, text)
    main_key = main.key if main else None
    writer = next((role for role, patterns in book.writers.items() if any(p.search(text) for p in patterns)), None)
    points = [point for point in book.points if point.found_in(text)
              and (not point.stages or main_key in point.stages) and main_key not in point.not_with
              and (not point.writers or writer in point.writers)]
    asked_terms = tuple(dict.fromkeys(entry for question in questions if (entry := term_asked_about(question))))
    points = [point for point in points if not {entry.term_id for entry in asked_terms} & set(point.said_by_terms)]
    # What a question asks about comes first: the reply has room for only a few of these.
    asked = [point for point in points if any(point.found_in(question) for question in questions)]
    points.sort(key=lambda point: point not in asked)
    age, age_words = _age(text)
    year, year_words = _school_year(text)
    distress = tuple(dict.fromkeys(m.group(0) for p in book.distress for m in p.finditer(text)))
    found_by = {f"situation {stage.key}": _first_match(stage.signs, text) for stage in stages}
    found_by.update({f"point {point.key}": _first_match(point.patterns, text) for point in points})
    if writer:
        found_by[f"writer {writer}"] = _first_match(book.writers[writer], text)
    if age is not None:
        found_by["age"] = age_words
    if year:
        found_by["school year"] = year_words
    return Reading(
        text=text,
        text_words=len(text.split()),
        sentences=tuple(sentences),
        questions=tuple(questions),
        stages=tuple(stages),
        main=main,
        shown_weakly=all(stage.general or stage.shown_weakly(text, shown[stage]) for stage in stages),
        points=tuple(points),
        asked=tuple(asked),
        asked_stages=tuple(stage for stage in stages if stage is not main
                           and any(stage.found_in(question) for question in questions)),
        asked_terms=asked_terms,
        dates=tuple(_dates(sentences, today)),
        writer=writer,
        age=age,
        school_year=year,
        distress=distress,
        asks_about_time=dates.asks_about_time(text),
        found_by=found_by,
    )
