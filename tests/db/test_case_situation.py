"""A case's situation summary on real SQLite and PostgreSQL: migration 0005 (down and up again,
rows and audit trails kept), the summary kept and read back, exported in words, and deleted with
its case at the end of the retention period."""

import csv
import datetime as dt
import io

from sqlalchemy import func, inspect, select, text

from send_guide.database.engine import session_factory
from send_guide.database.schema import downgrade, migrate
from send_guide.situation import read
from send_guide.situation.summary import summarise
from send_guide.triage.cases import CallBackRequest, delete_older_than, export_csv, open_case, situation_of
from send_guide.triage.model import CaseEvent, TriageCase
from send_guide.triage.urgency import Level, Urgency

NOW = dt.datetime(2026, 3, 30, 10, 0, tzinfo=dt.timezone.utc)
TODAY = NOW.date()
STORY = ("The council said no to an assessment for my son, who is 9. The decision letter is dated "
         "10 February 2026. Should I appeal? I am at my wits end.")


def columns(engine) -> set[str]:
    return {column["name"] for column in inspect(engine).get_columns("triage_case")}


def rows(engine, query: str) -> list[tuple]:
    with engine.connect() as connection:
        return [tuple(row) for row in connection.execute(text(query))]


def at_0004_with_a_case(engine) -> None:
    migrate(engine, "0004")
    with engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO triage_case (id, reference, conversation_id, created_at, status, urgency, urgency_reason, "
            "consent_at, name) VALUES (1, 'CB-AAAAAA', 'conv-1', :t, 'new', 3, 'No deadline', :t, 'Amina')"),
            {"t": NOW})
        connection.execute(text("INSERT INTO case_event (case_id, at, actor, action, detail) "
                                "VALUES (1, :t, 'assistant', 'opened', 'normal')"), {"t": NOW})


def test_0005_adds_an_empty_situation_to_old_cases_and_goes_down_and_up_again(engine) -> None:
    at_0004_with_a_case(engine)
    assert "situation" not in columns(engine)
    migrate(engine)
    assert "situation" in columns(engine)
    assert rows(engine, "SELECT reference, name, situation FROM triage_case") == [("CB-AAAAAA", "Amina", "")]
    downgrade(engine, "0004")
    assert "situation" not in columns(engine)
    assert rows(engine, "SELECT reference, name FROM triage_case") == [("CB-AAAAAA", "Amina")]
    # SQLite rebuilt the table to drop the column: the audit trail must not have gone with it.
    assert rows(engine, "SELECT case_id, action FROM case_event") == [(1, "opened")]
    migrate(engine)
    assert rows(engine, "SELECT situation FROM triage_case") == [("",)]
    with engine.begin() as connection:  # the audit trail still follows its case
        connection.execute(text("DELETE FROM triage_case"))
    assert rows(engine, "SELECT * FROM case_event") == []


def open_with_summary(session, name: str, created: dt.datetime) -> TriageCase:
    summary = summarise(read(STORY, TODAY), TODAY)
    case = open_case(session, CallBackRequest(f"conv-{name}", created, name=name, situation=summary),
                     Urgency(Level.URGENT, "Deadline in 11 days"), created)
    session.commit()
    return case


def test_the_summary_is_kept_read_back_and_exported_in_words(engine) -> None:
    migrate(engine)
    with session_factory(engine)() as session:
        reference = open_with_summary(session, "Amina", NOW).reference
        open_case(session, CallBackRequest("conv-none", NOW, name="No story"), Urgency(Level.NORMAL, "none"), NOW)
        session.commit()
    with session_factory(engine)() as session:  # a new session: read from the database
        case = session.scalar(select(TriageCase).where(TriageCase.reference == reference))
        summary = situation_of(case)
        assert summary == summarise(read(STORY, TODAY), TODAY)
        assert "wits end" not in case.situation and "my son" not in case.situation
        out = io.StringIO()
        export_csv(session, out, today=TODAY)
    exported = {row["name"]: row["situation"] for row in csv.DictReader(io.StringIO(out.getvalue()))}
    lines = exported["Amina"].splitlines()
    assert lines[0] == "Situation: The council said no to an assessment"
    assert "Dates given: decision: Tuesday 10 February 2026" in lines
    assert ("Deadlines from the exact dates: The last day to appeal to the SEND Tribunal is Friday 10 April 2026. "
            "11 days left (from the decision date, Tuesday 10 February 2026). Tribunal Procedure (First-tier "
            "Tribunal) (HESC) Rules 2008, rule 20(1)(c).") in lines
    assert "Distress: Yes" in lines and "Age: 9" in lines
    assert exported["No story"] == ""


def test_retention_deletes_the_summary_with_its_case(engine) -> None:
    migrate(engine)
    with session_factory(engine)() as session:
        open_with_summary(session, "old", NOW - dt.timedelta(days=91))
        open_with_summary(session, "recent", NOW - dt.timedelta(days=1))
        assert delete_older_than(session, 90, NOW)["cases"] == 1
        session.commit()
        left = session.scalars(select(TriageCase.name).where(TriageCase.situation.like("%refused_assessment%")))
        assert list(left) == ["recent"]
        assert session.scalar(select(func.count()).select_from(CaseEvent)) == 1
