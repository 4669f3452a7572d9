"""Call-back cases on SQLite and PostgreSQL: queue order, audit trail, CSV export, retention."""

import csv
import datetime as dt
import io

import pytest
from sqlalchemy import func, select

from send_guide.services.db import migrate, session_factory
from send_guide.triage.cases import CallBackRequest, delete_older_than, export_csv, open_case, queue, set_status
from send_guide.triage.model import CaseEvent, Feedback, TriageCase
from send_guide.triage.urgency import Level, Urgency

NOW = dt.datetime(2026, 11, 25, 10, 0, tzinfo=dt.timezone.utc)


@pytest.fixture
def session(engine):
    migrate(engine)
    with session_factory(engine)() as session:
        yield session


def request(name: str, **fields) -> CallBackRequest:
    return CallBackRequest(conversation_id=f"conv-{name}", consent_at=NOW, name=name, **fields)


def opened(session, name: str, level: Level, hours_ago: int, **fields) -> TriageCase:
    case = open_case(session, request(name, **fields), Urgency(level, f"{level.label} because"),
                     NOW - dt.timedelta(hours=hours_ago))
    session.commit()
    return case


def test_the_queue_puts_the_most_urgent_first_then_the_oldest(session) -> None:
    opened(session, "general question, oldest", Level.NORMAL, 48)
    opened(session, "appeal in 5 days", Level.URGENT, 1)
    opened(session, "council late", Level.HIGH, 5)
    opened(session, "older appeal", Level.URGENT, 3)
    opened(session, "crisis", Level.IMMEDIATE, 0)
    assert [case.name for case in queue(session)] == [
        "crisis", "older appeal", "appeal in 5 days", "council late", "general question, oldest"]


def test_status_changes_are_audited_and_closed_cases_leave_the_queue(session) -> None:
    case = opened(session, "Amina", Level.URGENT, 1)
    assert case.reference.startswith("CB-") and len(case.reference) == 9
    set_status(session, case.reference, "contacted", "adviser.one", NOW)
    set_status(session, case.reference, "contacted", "adviser.one", NOW)  # no change, no entry
    set_status(session, case.reference, "closed", "adviser.two", NOW + dt.timedelta(hours=1))
    session.commit()
    assert queue(session) == []
    trail = [(e.actor, e.action, e.detail) for e in session.get(TriageCase, case.id).events]
    assert trail == [("assistant", "opened", "urgent: urgent because"),
                     ("adviser.one", "status", "new -> contacted"),
                     ("adviser.two", "status", "contacted -> closed")]
    with pytest.raises(ValueError):
        set_status(session, case.reference, "lost", "adviser.one", NOW)


def test_export_is_the_queue_as_csv_with_formulas_defused(session) -> None:
    opened(session, "=HYPERLINK(\"http://evil\")", Level.NORMAL, 2, phone="01582 000000",
           key_dates=["decision letter: Monday 5 October 2026"], topics=["appeal", "mediation"])
    opened(session, "Bogdan", Level.IMMEDIATE, 1, language="pl", interpreter=True)
    out = io.StringIO()
    assert export_csv(session, out) == 2
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [row["urgency"] for row in rows] == ["immediate", "normal"]
    assert rows[1]["name"].startswith("'=") and rows[1]["topics"] == "appeal\nmediation"
    assert rows[0]["interpreter"] == "True" and rows[0]["language"] == "pl"


def test_retention_deletes_old_cases_with_their_trail_and_old_feedback_only(session) -> None:
    old = opened(session, "old", Level.NORMAL, 24 * 91)
    opened(session, "recent", Level.NORMAL, 24 * 89)
    session.add_all([Feedback(at=NOW - dt.timedelta(days=100), conversation_id="c", intent="transport",
                              helpful=False, message="q"),
                     Feedback(at=NOW - dt.timedelta(days=1), conversation_id="c", intent="transport",
                              helpful=True, message="q")])
    session.commit()
    assert delete_older_than(session, 90, NOW) == {"cases": 1, "feedback": 1}
    session.commit()
    assert [case.name for case in session.scalars(select(TriageCase))] == ["recent"]
    assert session.scalar(select(func.count()).select_from(CaseEvent).where(CaseEvent.case_id == old.id)) == 0
    assert session.scalar(select(func.count()).select_from(Feedback)) == 1
    with pytest.raises(ValueError):
        delete_older_than(session, 0, NOW)
