"""The content team's weekly counts: what families ask about, how often the assistant could not
answer or an answer was rated "not helpful", and which languages people write in.

Built only from what is already kept, so the report adds no personal data:
- Rasa's conversations (`events`, send_guide/conversations.py): for each message a family sent,
  its time, its intent and its language code. The text is never read into the report.
- The answer ratings (send_guide/triage/feedback.py): time, and helpful or not.

A "question" is a message that asks the guide for information (QUESTION_INTENTS): a topic of
topics.yml (typed, or picked from the menu), what a word means, a deadline question, a situation
told in one message, help with a letter, a service looked up, and a message the assistant could not
place (it "fell back"). Greetings, goodbyes, thanks, yes and no, ratings, "tell me more", menus,
roles, call-back requests and the deadline form's steps are not questions about the content.
Crisis messages are left out too: they are not content to improve, and go to people straight away.

Weeks start on Monday in England (Europe/London); the last week is the one going on now.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Iterator
from zoneinfo import ZoneInfo

from sqlalchemy import inspect, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from send_guide import intents
from send_guide.conversations import EVENTS, USER_MESSAGE
from send_guide.database.engine import as_utc
from send_guide.languages.identify import ENGLISH
from send_guide.languages.replies import language_messages
from send_guide.topics import catalogue
from send_guide.triage.feedback import UNANSWERED
from send_guide.triage.model import Feedback

LONDON = ZoneInfo("Europe/London")
WEEKS = 8  # two months: enough to see a change, short enough to read
TOP_TOPICS = 5  # named in the chart; the rest are "Other topics"
OTHER_TOPICS = "Other topics"
COULD_NOT_ANSWER = "Could not answer"
STREAM_ROWS = 500  # rows fetched at a time: a long period never sits in memory at once
# Questions that are not topics of topics.yml, with the name the report gives them.
OTHER_QUESTIONS = {
    intents.GLOSSARY: "What a word means",
    intents.DEADLINE: "Deadlines and dates",
    intents.DEADLINE_TIMELINE: "Deadlines and dates",
    intents.DEADLINE_LATE: "Deadlines and dates",
    intents.SITUATION: "A situation told in one message",
    intents.LETTER: "Help to write a letter",
    intents.FIND_SERVICE: "Finding a service",
    UNANSWERED: COULD_NOT_ANSWER,
}

LANGUAGE_CODE = re.compile(r"[a-z]{2,3}")  # ISO 639-1 or -3, as send_guide/languages/identify.py gives them


@dataclass(frozen=True)
class Question:
    """One question, without its words."""

    at: dt.datetime  # timezone-aware
    intent: str
    language: str  # ISO 639-1 code, "en" when none was recorded


@dataclass(frozen=True)
class Rating:
    at: dt.datetime
    helpful: bool


@dataclass(frozen=True)
class Row:
    """One line of a chart: a name and a number for each week."""

    name: str
    counts: tuple[int, ...]

    @property
    def total(self) -> int:
        return sum(self.counts)


@dataclass(frozen=True)
class LanguageCount:
    code: str
    name: str  # in English
    questions: int


@dataclass(frozen=True)
class ContentReport:
    weeks: tuple[dt.date, ...]  # the Monday of each week, oldest first
    topics: tuple[Row, ...]  # most asked first, then "Other topics", then "Could not answer"
    questions: tuple[int, ...]  # per week
    could_not_answer: tuple[int, ...]
    ratings: tuple[int, ...]
    not_helpful: tuple[int, ...]
    languages: tuple[LanguageCount, ...]  # most used first

    @property
    def empty(self) -> bool:
        return not sum(self.questions) and not sum(self.ratings)

    @property
    def last_day(self) -> dt.date:
        return self.weeks[-1] + dt.timedelta(days=6)


def question_intents() -> frozenset[str]:
    return frozenset(catalogue().topics) | frozenset(OTHER_QUESTIONS)


def topic_name(intent: str) -> str:
    """The topic's title as families see it on the menu, else the report's own name for it."""
    topic = catalogue().get(intent)
    return topic.title if topic is not None else OTHER_QUESTIONS.get(intent, intent)


@lru_cache(maxsize=32)
def language_name(code: str) -> str:
    """The language's English name from its content file; the code when there is none."""
    try:
        messages = language_messages(code)
    except ValueError:  # a language file that cannot be read: the report still shows the count
        messages = None
    return messages.english_name if messages is not None else code


def week_of(moment: dt.datetime) -> dt.date:
    """The Monday of the week `moment` falls in, in England."""
    day = moment.astimezone(LONDON).date()
    return day - dt.timedelta(days=day.weekday())


def last_weeks(today: dt.date, count: int = WEEKS) -> tuple[dt.date, ...]:
    """The Mondays of the `count` weeks up to and including the week of `today`, oldest first."""
    this_week = today - dt.timedelta(days=today.weekday())
    return tuple(this_week - dt.timedelta(weeks=back) for back in range(count - 1, -1, -1))


def start_of(week: dt.date) -> dt.datetime:
    """Midnight at the start of `week`'s Monday in England (00:00 BST or GMT), in UTC."""
    return dt.datetime.combine(week, dt.time(), LONDON).astimezone(dt.timezone.utc)


def build_report(questions: Iterable[Question], ratings: Iterable[Rating], weeks: tuple[dt.date, ...],
                 top: int = TOP_TOPICS) -> ContentReport:
    """Count questions and ratings into `weeks`; anything outside them is left out."""
    index = {week: number for number, week in enumerate(weeks)}
    per_topic: dict[str, list[int]] = {}
    languages: Counter[str] = Counter()
    for question in questions:
        week = index.get(week_of(question.at))
        if week is None:
            continue
        per_topic.setdefault(topic_name(question.intent), [0] * len(weeks))[week] += 1
        languages[question.language] += 1
    rated, not_helpful = [0] * len(weeks), [0] * len(weeks)
    for rating in ratings:
        week = index.get(week_of(rating.at))
        if week is not None:
            rated[week] += 1
            not_helpful[week] += not rating.helpful
    unanswered = tuple(per_topic.pop(COULD_NOT_ANSWER, [0] * len(weeks)))
    topics = sorted((Row(name, tuple(counts)) for name, counts in per_topic.items()),
                    key=lambda row: (-row.total, row.name))
    rows = topics[:top]
    if topics[top:]:
        rows.append(Row(OTHER_TOPICS, _per_week(topics[top:], len(weeks))))
    if any(unanswered):
        rows.append(Row(COULD_NOT_ANSWER, unanswered))
    return ContentReport(
        weeks=weeks,
        topics=tuple(rows),
        questions=_per_week(rows, len(weeks)),
        could_not_answer=unanswered,
        ratings=tuple(rated),
        not_helpful=tuple(not_helpful),
        languages=tuple(LanguageCount(code, language_name(code), count)
                        for code, count in sorted(languages.items(), key=lambda item: (-item[1], item[0]))),
    )


def _per_week(rows: Iterable[Row], weeks: int) -> tuple[int, ...]:
    totals = [0] * weeks
    for row in rows:
        for week, count in enumerate(row.counts):
            totals[week] += count
    return tuple(totals)


def read_questions(connection: Connection, since: dt.datetime) -> Iterator[Question]:
    """The questions in Rasa's conversations from `since` on, fetched a few hundred rows at a time.

    Nothing when Rasa has not made its table yet. A damaged row (no time, or JSON that cannot be
    read) is skipped, so every chart counts the same questions.
    """
    if not inspect(connection).has_table(EVENTS.name):
        return
    asked = sorted(question_intents())
    query = (select(EVENTS.c.timestamp, EVENTS.c.intent_name, EVENTS.c.data)
             .where(EVENTS.c.type_name == USER_MESSAGE, EVENTS.c.timestamp >= since.timestamp(),
                    EVENTS.c.intent_name.in_(asked))
             .order_by(EVENTS.c.id))
    rows = connection.execution_options(stream_results=True, yield_per=STREAM_ROWS).execute(query)
    for timestamp, intent, data in rows:
        try:
            at = dt.datetime.fromtimestamp(timestamp, dt.timezone.utc)
        except (TypeError, ValueError, OverflowError, OSError):
            continue
        language = language_of(data)
        if language is not None:
            yield Question(at, intent, language)


def language_of(data: str | None) -> str | None:
    """The language code the assistant recorded for a message (components/multilingual_intents.py),
    English when it recorded none; None when the event's JSON cannot be read or the code is not a
    language code. The JSON holds the message's words too: only the code is taken from it."""
    try:
        event = json.loads(data or "")
    except ValueError:
        return None
    if not isinstance(event, dict):
        return None
    parse_data = event.get("parse_data")
    language = parse_data.get("language") if isinstance(parse_data, dict) else None
    if not isinstance(language, dict):
        return ENGLISH
    code = language.get("code")
    return code if isinstance(code, str) and LANGUAGE_CODE.fullmatch(code) else None


def read_ratings(session: Session, since: dt.datetime) -> Iterator[Rating]:
    """The ratings of answers from `since` on (not the unplaced questions kept beside them)."""
    query = (select(Feedback.at, Feedback.helpful)
             .where(Feedback.at >= since, Feedback.intent != UNANSWERED).order_by(Feedback.id)
             .execution_options(yield_per=STREAM_ROWS))
    for at, helpful in session.execute(query):
        yield Rating(as_utc(at), bool(helpful))


def content_report(conversations: Connection, session: Session, today: dt.date, weeks: int = WEEKS) -> ContentReport:
    """The report for the `weeks` weeks up to `today`, from the conversations and the ratings."""
    shown = last_weeks(today, weeks)
    since = start_of(shown[0])
    return build_report(read_questions(conversations, since), read_ratings(session, since), shown)
