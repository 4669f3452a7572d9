"""One reply to a whole message: the answer for the family's situation first (their right at
this stage, the time limit, the next step, who helps), the dates worked out from any exact date
they gave, what the law says about the other facts they raised, then buttons for the rest.

Dates are offered, never forced: a vague date ("last week") is not questioned; the reply offers
a button that names what it will work out.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from send_guide import intents
from send_guide.contacts import fill_contacts
from send_guide.deadlines.dialogue import NOT_LEGAL_ADVICE, SHOW_ALL_DATES, asks_if_missed, how_far, missed_or_not
from send_guide.deadlines.timeline import Deadline, DeadlineError, Event, deadlines_for, in_words
from send_guide.glossary import GlossaryEntry
from send_guide.intents import Button
from send_guide.letters.choose import LETTER_OFFER, kind_for_text, letter_after_deadline
from send_guide.situation.catalogue import Point, Stage, catalogue
from send_guide.situation.reading import DatedEvent, Reading
from send_guide.sources import source_line
from send_guide.timeline_card import TimelineCard, card_for_events
from send_guide.topics import TALK_TO_PERSON as TALK_TO_PERSON_WORDS
from send_guide.topics import catalogue as topic_catalogue

Date = dt.date
MAX_POINTS = 4
MAX_ASIDES = 2
# A whole-message reply stays readable on a phone: points and asides beyond this many words are left
# to the buttons ("Tell me more", the other situations raised).
MAX_WORDS = 230
SORRY = "I am sorry this is so hard. You do not have to do this alone."
# An answer's line with its general time limit ("- Time limit: 2 months from ..."): left out when the
# message gave the date and the reply works the exact dates out (docs/CONTENT_STYLE.md).
TIME_LIMIT_LINE = "- Time limit:"
TALK_TO_PERSON = (TALK_TO_PERSON_WORDS, intents.TALK_TO_PERSON)
CAVEAT_INDENT = "  "  # the small print under a worked-out date


@dataclass(frozen=True)
class Reply:
    text: str
    buttons: tuple[Button, ...]
    deadline_event: str | None = None  # the event and date the dates were worked out from,
    deadline_date: str | None = None  # kept so "Show all the dates" can follow
    card: TimelineCard | None = None  # every exact date of the message on one timeline


def _dates_lines(stage: Stage, given: DatedEvent, today: Date) -> tuple[list[str], list[str], list[Deadline]]:
    """The stage's deadlines from the exact date the family gave: the lines, the laws they rest on,
    and the deadlines themselves (for the letter to offer)."""
    assert stage.event is not None and given.date is not None
    try:
        timeline = deadlines_for(stage.event, given.date, today=today)
    except DeadlineError as error:
        return [f'You wrote "{given.text}". {error}'], [], []
    by_key = {d.rule.key: d for d in timeline.deadlines}
    chosen = [by_key[key] for key in stage.deadline_keys if key in by_key]
    if given.approximate:
        lines = [f'You said about "{given.text}": near {in_words(given.date)}. The dates below count from that day, '
                 "so they are near dates too. If you know the exact date, type it for exact dates:"]
    else:
        lines = [f'You gave the date {in_words(given.date)} ("{given.text}"). From that date:']
    said: set[str] = set()  # several dates share one caveat (the exceptions to 6 and 20 weeks): say it once
    for deadline in chosen:
        lines.append(f"- {deadline.sentence} {how_far(deadline, today)}")
        lines.extend(CAVEAT_INDENT + caveat for caveat in deadline.caveats[:1] if caveat not in said)
        said.update(deadline.caveats[:1])
    return lines, [deadline.rule.source for deadline in chosen], chosen


def _date_offer(stage: Stage, reading: Reading) -> str | None:
    """When the family gave no exact date for this stage, say what the button works out."""
    if stage.event is None or reading.exact_date_of(stage.dated_by, stage) is not None:
        return None
    if not (reading.asks_about_time or any(d.event in stage.dated_by for d in reading.dates)):
        return None
    return f'To work out your exact dates, press "{stage.offer}".'


_PLURAL = {"section": "sections", "regulation": "regulations", "rule": "rules", "paragraph": "paragraphs"}
_PROVISIONS = re.compile(r"^(?P<name>[^,]+), (?P<kind>" + "|".join([*_PLURAL, *_PLURAL.values()]) + r") (?P<refs>.+)$")


def _refs(text: str) -> list[str]:
    """"20(3) and (4)" -> 20(3), 20(4); "35 to 37" stays one."""
    refs: list[str] = []
    for ref in re.split(r", | and ", text):
        if ref.startswith("(") and refs:
            ref = refs[-1].split("(")[0] + ref
        refs.append(ref)
    return refs


def _provision_order(ref: str) -> tuple[int, ...]:
    """Numbers in the order the law has them: "4" before "5(1)" before "13(2)" (not as text: "13" < "4")."""
    return tuple(int(number) for number in re.findall(r"\d+", ref))


def _law_line(parts: list[str]) -> str:
    """One "Law:" line from the parts of several answers: each law once, its provisions merged
    ("Children and Families Act 2014, sections 36(8) and 51(2)"). A part in another form (a
    court case) is kept as it is written."""
    merged: dict[tuple[str, str], list[str]] = {}
    for part in (p.strip().rstrip(".") for text in parts for p in text.split(";")):
        match = _PROVISIONS.match(part)
        if not match:
            if part:
                merged.setdefault((part, ""), [])
            continue
        kind = match["kind"] if match["kind"] in _PLURAL else next(
            k for k, plural in _PLURAL.items() if plural == match["kind"])
        known = merged.setdefault((match["name"], kind), [])
        for ref in _refs(match["refs"]):
            # "38" is already said by "38(2)"; a more exact "38(2)" replaces "38".
            if any(k == ref or k.startswith(ref + "(") for k in known):
                continue
            known[:] = [k for k in known if not ref.startswith(k + "(")] + [ref]
    rendered = []
    for (name, kind), refs in merged.items():
        if not kind:
            rendered.append(name)
            continue
        refs = sorted(refs, key=_provision_order)
        listed = refs[0] if len(refs) == 1 else ", ".join(refs[:-1]) + " and " + refs[-1]
        rendered.append(f"{name}, {_PLURAL[kind] if len(refs) > 1 else kind} {listed}")
    return "Law: " + "; ".join(rendered) + "." if rendered else ""


def _letter(stage: Stage, reading: Reading, dated: list[Deadline], today: Date) -> str | None:
    """The letter to offer: the one this situation's matter needs when the message is about it
    ("sent home at lunch ... complain to the head"), else the one its dated deadlines (from
    _dates_lines) show is due (the council late with its decision or the final plan; comments on
    a draft still in time)."""
    if stage.letter and kind_for_text(reading.text) == stage.letter:
        return stage.letter
    offered = [(d.due, kind) for d in dated if (kind := letter_after_deadline(d.rule.key, d.due < today))]
    return max(offered)[1] if offered else None  # the latest: the final plan before the decision


def _buttons(stage: Stage, reading: Reading, dates_given: bool, letter: str | None) -> tuple[Button, ...]:
    buttons = [Button("Tell me more", "situation_more", {"situation": stage.key})]
    if stage.event is not None and not dates_given:
        buttons.append(Button(stage.offer, intents.DEADLINE, {"deadline_event": stage.event.value}))
    elif dates_given:
        buttons.append(Button(SHOW_ALL_DATES, intents.DEADLINE_TIMELINE))
    if letter:
        buttons.append(Button(LETTER_OFFER, intents.LETTER, {"letter_kind": letter}))
    for other in _asides(stage, reading):
        buttons.append(Button(other.title, "situation_more", {"situation": other.key}))
    topics = topic_catalogue()
    for intent in stage.topics:
        topic = topics.get(intent)
        if topic is not None and topic.stage != stage.key and len(buttons) < 5:  # not this answer again
            buttons.append(Button(topic.title, topic.intent))
    buttons.append(Button(*TALK_TO_PERSON))
    return tuple(buttons)


def _split_next_step(answer: str) -> tuple[str, str]:
    """The answer's body and its closing "Next step:" line, which goes last in a longer reply."""
    body, _, last = answer.rpartition("\n")
    return (body, last) if body and last.startswith("Next step:") else (answer, "")


def _asides(main: Stage, reading: Reading) -> list[Stage]:
    """Other situations the message raised that still matter beside the main one, those a question
    asks about first."""
    others = [other for other in reading.others if main.key not in other.not_with]
    others.sort(key=lambda other: other not in reading.asked_stages)
    return others[:MAX_ASIDES]


def _extra_line(extra: GlossaryEntry | Point | Stage, reading: Reading) -> str:
    """The line for something the message raised beside the main situation."""
    if isinstance(extra, GlossaryEntry):
        return f"{extra.name}: {extra.definition}"
    if isinstance(extra, Point):
        return extra.text
    return extra.when_asked if extra in reading.asked_stages else extra.aside


def reply(reading: Reading, today: Date) -> Reply | None:
    """The reply for a message whose situation was found; None when none was."""
    stage = reading.main
    if stage is None:
        return None
    lines: list[str] = [SORRY] if reading.distress else []
    note = catalogue().writer_notes.get(reading.writer or "")
    if note:
        lines.append(note)
    body, next_step = _split_next_step(stage.answer)
    laws = [stage.law]
    sources = list(stage.sources)
    given = reading.exact_date_of(stage.dated_by, stage) if stage.deadline_keys else None
    date_lines, date_laws, dated_deadlines = _dates_lines(stage, given, today) if given is not None else ([], [], [])
    if date_laws:  # the dates worked out say the time limit exactly: the general line would repeat it
        body = "\n".join(line for line in body.splitlines() if not line.startswith(TIME_LIMIT_LINE))
    lines.append(body)
    if given is not None:
        lines.extend(date_lines)
        if any(asks_if_missed(question) for question in reading.questions) and dated_deadlines:
            lines.append(missed_or_not(dated_deadlines, today))
        laws.extend(date_laws)
        sources.append("timescales")
    else:
        offer = _date_offer(stage, reading)
        if offer:
            lines.append(offer)
    # The small print under a date does not count against what the family raised.
    budget = (MAX_WORDS - sum(len(line.split()) for line in lines if not line.startswith(CAVEAT_INDENT))
              - len(next_step.split()))
    points = reading.points[:MAX_POINTS]
    asked = [point for point in points if point in reading.asked]
    # What the questions ask about comes first; a situation asked about gets what the family can
    # do about it (its when_asked), not only the fact. Then what the law says about a fact raised
    # that matters only at this stage ("she only copes because of the plan", when the plan is being
    # stopped), before the lines about the other situations.
    own = [point for point in points if point not in asked and stage.key in point.stages and len(point.stages) <= 2]
    rest = [point for point in points if point not in asked and point not in own]
    for extra in [*reading.asked_terms, *asked, *own, *_asides(stage, reading), *rest]:
        text = _extra_line(extra, reading)
        if len(text.split()) > budget:
            continue  # the detail is behind the buttons
        budget -= len(text.split())
        lines.append(text)
        if isinstance(extra, GlossaryEntry):
            sources.append(extra.source)
        laws.append(extra.law or "")
    if next_step:
        lines.append(next_step)
    lines.append(NOT_LEGAL_ADVICE)
    law = _law_line(laws)
    closing = (law + "\n" if law else "") + source_line(*dict.fromkeys(sources))
    text = fill_contacts("\n".join(lines) + "\n\n" + closing)
    dated = given is not None and given.date is not None and stage.event is not None
    return Reply(
        text=text,
        buttons=_buttons(stage, reading, dated, _letter(stage, reading, dated_deadlines, today)),
        deadline_event=stage.event.value if dated and stage.event else None,
        deadline_date=given.date.isoformat() if dated and given and given.date else None,
        card=card_for_events(_card_dates(stage, reading, given), today, happened=_without_exact_day(reading)),
    )


def _without_exact_day(reading: Reading) -> list[Event]:
    """Events the message tells of with a rough day or none ("the final plan came in July")."""
    return [d.event for d in reading.dates if d.event is not None and (d.date is None or d.approximate)]


def _card_dates(stage: Stage, reading: Reading, given: DatedEvent | None) -> list[tuple[Event, Date]]:
    """The exact dates for the timeline card: the stage's own date as the event the reply counted it
    from ("got the final plan today" is the day of the decision to appeal), then every other one."""
    dates = [(d.event, d.date) for d in reading.dates
             if d is not given and d.event is not None and d.date is not None and not d.approximate]
    if given is not None and given.date is not None and stage.event is not None and not given.approximate:
        dates.insert(0, (stage.event, given.date))
    return dates


def more(key: str) -> str | None:
    """The detail behind "Tell me more" for one situation."""
    stage = catalogue().stage(key)
    if stage is None:
        return None
    law = _law_line([stage.law])
    return fill_contacts(stage.more + "\n\n" + (law + "\n" if law else "") + source_line(*stage.sources))
