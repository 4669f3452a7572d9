"""The content report read from Rasa's own conversations table and the stored ratings, on SQLite and
PostgreSQL: conversations saved by the project's conversation store, many rows, damaged rows, no table."""

import datetime as dt
import json

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy.orm import Session

from send_guide import intents
from send_guide.database.engine import session_factory
from send_guide.database.schema import migrate
from send_guide.topics import catalogue
from send_guide.triage import feedback
from send_guide.triage.content_report import STREAM_ROWS, content_report, topic_name
from stores.conversation_store import ConversationStore
from tests.project_files import ROOT
from tests.run_async import run_async

TODAY = dt.date(2026, 12, 2)  # a Wednesday: the report's last week started on Monday 30 November
THIS_WEEK = dt.datetime(2026, 11, 30, 9, 0, tzinfo=dt.timezone.utc)
LAST_WEEK = THIS_WEEK - dt.timedelta(days=7)
TOPIC = next(iter(catalogue().topics))


def said(text: str, intent: str, moment: dt.datetime, language: str | None = None) -> UserUttered:
    parse_data = {"intent": {"name": intent, "confidence": 0.9}, "entities": []}
    if language:
        parse_data["language"] = {"code": language, "reason": "picked"}  # as components/multilingual_intents.py
    return UserUttered(text, parse_data["intent"], parse_data=parse_data, timestamp=moment.timestamp())


def save(url: str, sender: str, *events) -> None:
    domain = Domain.load(str(ROOT / "domain.yml"))
    store = ConversationStore(domain, host=url)
    tracker = DialogueStateTracker.from_events(sender, [ActionExecuted("action_listen"), *events], domain.slots)
    run_async(store.save(tracker))
    store.engine.dispose()


def insert_rows(engine, *rows: dict) -> None:
    """Rows written straight into Rasa's table, as an old or broken writer might have left them."""
    table = SQLTrackerStore.SQLEvent.__table__
    with engine.begin() as connection:
        connection.execute(table.insert(), [{"sender_id": "raw", "type_name": "user", **row} for row in rows])


def report_of(engine):
    with Session(engine) as session, engine.connect() as connection:
        return content_report(connection, session, TODAY)


def url_of(engine) -> str:
    return engine.url.render_as_string(hide_password=False)


def test_no_conversations_table_yet_gives_an_empty_report(engine) -> None:
    migrate(engine)
    report = report_of(engine)
    assert report.empty and not report.topics and not report.languages and len(report.weeks) == 8


def test_questions_saved_by_the_conversation_store_are_counted_by_topic_week_and_language(engine) -> None:
    migrate(engine)
    url = url_of(engine)
    save(url, "family-1",
         said("hello", intents.GREET, LAST_WEEK),
         said("what is it", TOPIC, LAST_WEEK),
         said("co to jest", TOPIC, THIS_WEEK, "pl"),
         said("qwzx", intents.FALLBACK, THIS_WEEK, "pl"),
         said("thanks", intents.THANKS, THIS_WEEK))
    save(url, "family-2", said("old question", TOPIC, LAST_WEEK - dt.timedelta(weeks=8)))
    with session_factory(engine)() as session:
        feedback.record(session, "family-1", TOPIC, False, "what is it", THIS_WEEK)
        feedback.record(session, "family-1", TOPIC, True, "what is it", LAST_WEEK)
        feedback.record(session, "family-1", feedback.UNANSWERED, False, "qwzx", THIS_WEEK)  # not a rating
        session.commit()
    report = report_of(engine)
    assert [(row.name, row.counts[-2:]) for row in report.topics] == [
        (topic_name(TOPIC), (1, 1)), ("Could not answer", (0, 1))]
    assert report.questions[-2:] == (1, 2) and sum(report.questions) == 3
    assert report.ratings[-2:] == (1, 1) and report.not_helpful[-2:] == (0, 1)
    assert [(language.code, language.questions) for language in report.languages] == [("pl", 2), ("en", 1)]


def test_many_rows_are_read_in_batches_and_damaged_rows_are_skipped(engine) -> None:
    migrate(engine)
    save(url_of(engine), "family-3", said("first", TOPIC, THIS_WEEK))  # Rasa makes its table
    good = json.dumps({"event": "user", "parse_data": {"language": {"code": "ur", "reason": "detected"}}})
    many = STREAM_ROWS * 2 + 7
    insert_rows(engine, *({"intent_name": TOPIC, "timestamp": THIS_WEEK.timestamp() + n, "data": good}
                          for n in range(many)))
    insert_rows(engine,
                {"intent_name": TOPIC, "timestamp": THIS_WEEK.timestamp(), "data": '{"event": "user", "te'},
                {"intent_name": TOPIC, "timestamp": THIS_WEEK.timestamp(), "data": None},
                {"intent_name": TOPIC, "timestamp": None, "data": good},
                {"intent_name": None, "timestamp": THIS_WEEK.timestamp(), "data": good},
                {"intent_name": TOPIC, "timestamp": THIS_WEEK.timestamp(), "data": good, "type_name": "bot"})
    report = report_of(engine)
    assert report.questions[-1] == many + 1
    assert [(language.code, language.questions) for language in report.languages] == [("ur", many), ("en", 1)]
