"""Call-back cases on SQLite and PostgreSQL: queue order, audit trail, CSV export, retention."""

import csv
import datetime as dt
import io
import os
import subprocess
import sys

import pytest
from sqlalchemy import func, select

from send_guide.database.engine import session_factory
from send_guide.database.schema import migrate
from send_guide.triage.cases import CallBackRequest, delete_older_than, export_csv, open_case, queue, set_status
from send_guide.triage.model import CaseEvent, Feedback, TriageCase
from send_guide.triage.staff import MAX_PASSWORD_LENGTH, StaffAccountError, add_staff, verify_login
from send_guide.triage.urgency import Level, Urgency
from tests.project_files import ROOT

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
    assert delete_older_than(session, 90, NOW) == {"cases": 1, "feedback": 1, "staff events": 0}
    session.commit()
    assert [case.name for case in session.scalars(select(TriageCase))] == ["recent"]
    assert session.scalar(select(func.count()).select_from(CaseEvent).where(CaseEvent.case_id == old.id)) == 0
    assert session.scalar(select(func.count()).select_from(Feedback)) == 1
    with pytest.raises(ValueError):
        delete_older_than(session, 0, NOW)


# --- staff accounts and the staff command ---------------------------------------------------

def test_staff_login_needs_the_right_password_of_an_active_account(session) -> None:
    user = add_staff(session, "Adviser.One", "correct horse battery", NOW)
    session.commit()
    assert user.username == "adviser.one" and user.password_hash.startswith("$argon2id$")
    assert "correct horse" not in user.password_hash
    assert verify_login(session, "adviser.one", "correct horse battery") == user
    assert verify_login(session, "ADVISER.ONE ", "correct horse battery") == user
    assert verify_login(session, "adviser.one", "correct horse battery!") is None
    assert verify_login(session, "nobody", "correct horse battery") is None
    assert verify_login(session, "", "") is None
    user.active = False
    session.commit()
    assert verify_login(session, "adviser.one", "correct horse battery") is None


@pytest.mark.parametrize("name,password", [
    ("adviser.two", "short"),
    ("a", "long enough password"),
    ("bad name!", "long enough password"),
    ("adviser.three", "adviser.three-2026"),
    ("adviser.four", "p" * (MAX_PASSWORD_LENGTH + 1)),  # could never be typed in at the login (item 5)
])
def test_weak_or_malformed_accounts_are_refused(session, name, password) -> None:
    with pytest.raises(StaffAccountError):
        add_staff(session, name, password, NOW)


def test_no_two_accounts_share_a_name(session) -> None:
    add_staff(session, "adviser.one", "correct horse battery", NOW)
    with pytest.raises(StaffAccountError):
        add_staff(session, "Adviser.One", "another long password", NOW)


def run_command(engine, *args: str, stdin: str = "", **env: str) -> subprocess.CompletedProcess:
    url = engine.url.render_as_string(hide_password=False)
    environment = dict(os.environ, DATABASE_URL=url, CONVERSATIONS_DATABASE_URL=url, **env)
    return subprocess.run([sys.executable, "-m", "send_guide.triage", *args], input=stdin, text=True,
                          capture_output=True, env=environment, cwd=ROOT)


def test_staff_command_makes_accounts_and_applies_retention(engine, session) -> None:
    made = run_command(engine, "add-staff", "adviser.four", "--password-stdin", stdin="a long enough secret\n")
    assert made.returncode == 0, made.stderr
    session.expire_all()
    assert verify_login(session, "adviser.four", "a long enough secret") is not None
    refused = run_command(engine, "add-staff", "adviser.five", "--password-stdin", stdin="short\n")
    assert refused.returncode == 2 and "at least 12" in refused.stderr
    opened(session, "old", Level.NORMAL, 24 * 40)
    opened(session, "new", Level.NORMAL, 1)
    now = dt.datetime.now(dt.timezone.utc)
    conversation_events(engine, ("conv-old", now - dt.timedelta(days=40)), ("conv-new", now - dt.timedelta(hours=1)))
    kept = run_command(engine, "retention")  # default 90 days keeps both
    assert kept.returncode == 0 and "Deleted 0 cases" in kept.stdout and "0 conversation events" in kept.stdout
    cleared = run_command(engine, "retention", RETENTION_DAYS="30")
    assert "Deleted 1 cases" in cleared.stdout, cleared.stdout + cleared.stderr
    assert "1 conversation events" in cleared.stdout
    assert remaining_conversations(engine) == ["conv-new"]


def test_an_account_is_deactivated_with_its_sessions_ended_and_then_removed(engine, session) -> None:
    """Issue 17, item 6: an adviser who leaves can no longer log in, at once."""
    from send_guide.triage import audit, sessions
    from send_guide.triage.model import StaffEvent, StaffSession, StaffUser

    user = add_staff(session, "adviser.leaving", "correct horse battery", NOW)
    opened = sessions.open_session(session, user, NOW)
    case = opened_case = open_case(session, request("Left Case"), Urgency(Level.NORMAL, "because"), NOW)
    set_status(session, case.reference, "contacted", "adviser.leaving", NOW)
    session.commit()
    removed_too_soon = run_command(engine, "remove-staff", "adviser.leaving")
    assert removed_too_soon.returncode == 2 and "deactivate-staff" in removed_too_soon.stderr
    done = run_command(engine, "deactivate-staff", "adviser.leaving")
    assert done.returncode == 0 and "1 open session ended" in done.stdout, done.stdout + done.stderr
    session.expire_all()
    assert verify_login(session, "adviser.leaving", "correct horse battery") is None
    assert sessions.current(session, opened.token, NOW) is None
    assert session.scalar(select(func.count()).select_from(StaffSession)) == 0
    assert run_command(engine, "deactivate-staff", "nobody.here").returncode == 2
    gone = run_command(engine, "remove-staff", "adviser.leaving")
    assert gone.returncode == 0, gone.stderr
    session.expire_all()
    assert session.scalar(select(StaffUser).where(StaffUser.username == "adviser.leaving")) is None
    trail = [(e.actor, e.action, e.detail) for e in session.get(TriageCase, opened_case.id).events]
    assert ("adviser.leaving", "status", "new -> contacted") in trail, "the case history keeps who did what"
    staff_trail = [(e.actor, e.action, e.detail) for e in session.scalars(select(StaffEvent).order_by(StaffEvent.id))]
    assert staff_trail[-2:] == [(audit.COMMAND, audit.ACCOUNT_DEACTIVATED, "adviser.leaving"),
                                (audit.COMMAND, audit.ACCOUNT_REMOVED, "adviser.leaving")]
    reused = run_command(engine, "add-staff", "adviser.leaving", "--password-stdin", stdin="a long enough secret\n")
    assert reused.returncode == 2 and "removed" in reused.stderr, "a name in the trail means one person"
    listed = run_command(engine, "audit")
    assert listed.returncode == 0 and "account removed" in listed.stdout and "adviser.leaving" in listed.stdout


def test_the_staff_audit_trail_keeps_names_printable_and_short_and_is_deleted_with_retention(session) -> None:
    from send_guide.triage import audit
    from send_guide.triage.model import StaffEvent

    audit.record(session, NOW - dt.timedelta(days=100), "old.adviser", audit.LOGIN)
    audit.record(session, NOW, "x\n2026 fake entry\x1b[31m" + "y" * 500, audit.LOGIN_FAILED)
    session.commit()
    actors = list(session.scalars(select(StaffEvent.actor).order_by(StaffEvent.id)))
    assert "\n" not in actors[1] and "\x1b" not in actors[1] and len(actors[1]) <= audit.MAX_ACTOR
    assert actors[1].startswith("x\\n2026 fake entry\\x1b[31m")
    assert delete_older_than(session, 90, NOW)["staff events"] == 1
    session.commit()
    assert list(session.scalars(select(StaffEvent.actor))) == [actors[1]]


# --- conversations (Rasa's SQL tracker store table) --------------------------------------------

def conversation_events(engine, *events: tuple[str, dt.datetime]) -> None:
    """Rows in Rasa's own `events` table, made with Rasa's own table definition."""
    from rasa.core.tracker_store import SQLTrackerStore

    table = SQLTrackerStore.SQLEvent.__table__
    SQLTrackerStore.Base.metadata.create_all(engine)
    with engine.begin() as connection:
        for sender, moment in events:
            connection.execute(table.insert().values(sender_id=sender, type_name="user", data="{}",
                                                     timestamp=moment.timestamp()))


def remaining_conversations(engine) -> list[str]:
    from send_guide.conversations import EVENTS

    with engine.connect() as connection:
        return sorted(set(connection.scalars(select(EVENTS.c.sender_id))))


def test_conversation_events_older_than_the_cutoff_are_deleted(engine) -> None:
    from send_guide.conversations import delete_older_than as delete_conversations

    assert delete_conversations(engine, NOW) == 0, "no table yet: nothing to do"
    conversation_events(engine, ("conv-a", NOW - dt.timedelta(days=91)), ("conv-a", NOW - dt.timedelta(days=1)),
                        ("conv-b", NOW - dt.timedelta(days=100)), ("conv-c", NOW))
    assert delete_conversations(engine, NOW - dt.timedelta(days=90)) == 2
    assert remaining_conversations(engine) == ["conv-a", "conv-c"]


# --- answer feedback ---------------------------------------------------------------------------

def test_feedback_is_stored_without_numbers_or_addresses_and_reported(engine, session) -> None:
    from send_guide.triage import feedback

    for helpful in (False, False, True):
        feedback.record(session, "c1", "transport", helpful, "bus for my son?", NOW)
    feedback.record(session, "c2", "personal_budget", True, "what is a budget", NOW)
    feedback.record(session, "c3", feedback.UNANSWERED, False,
                    "call me on 07911 123456 or mum@example.org about the thing", NOW)
    session.commit()
    assert [(s.intent, s.not_helpful, s.total) for s in feedback.least_helpful(session)] == [
        ("transport", 2, 3), ("personal_budget", 0, 1)]
    assert feedback.unanswered(session) == ["call me on [number] or [e-mail] about the thing"]
    report = run_command(engine, "report")
    assert "transport: 2 / 3" in report.stdout and "[e-mail]" in report.stdout


def test_feedback_is_kept_at_most_a_few_times_an_hour_for_one_conversation(session) -> None:
    """Issue 17, item 10: one visitor cannot fill the report (or the database) with feedback."""
    from send_guide.triage import feedback

    kept = [feedback.record(session, "busy", "transport", False, f"try {n}", NOW + dt.timedelta(seconds=n))
            for n in range(feedback.MAX_PER_CONVERSATION + 5)]
    assert all(kept[:feedback.MAX_PER_CONVERSATION]) and not any(kept[feedback.MAX_PER_CONVERSATION:])
    assert feedback.record(session, "someone-else", "transport", False, "fine", NOW) is not None
    later = NOW + feedback.PER_CONVERSATION_WINDOW + dt.timedelta(seconds=1)
    assert feedback.record(session, "busy", "transport", True, "an hour on", later) is not None
    session.commit()
    stored = session.scalar(select(func.count()).select_from(Feedback).where(Feedback.conversation_id == "busy"))
    assert stored == feedback.MAX_PER_CONVERSATION + 1


# --- staff page sessions -------------------------------------------------------------------------

def test_a_session_opens_with_its_token_only_and_ends_on_idle_age_logout_or_disabled_account(session) -> None:
    from send_guide.triage import sessions
    from send_guide.triage.model import StaffSession

    user = add_staff(session, "adviser.six", "correct horse battery", NOW)
    opened = sessions.open_session(session, user, NOW)
    session.commit()
    stored = session.scalar(select(StaffSession))
    assert opened.token not in stored.token_hash and len(stored.token_hash) == 64, "only a hash is kept"
    live = sessions.current(session, opened.token, NOW + dt.timedelta(minutes=29))
    assert live is not None and live.user.username == "adviser.six"
    assert sessions.csrf_ok(live, opened.csrf)
    assert not sessions.csrf_ok(live, "forged") and not sessions.csrf_ok(live, None)
    assert sessions.current(session, "not-a-token", NOW) is None and sessions.current(session, None, NOW) is None
    # used every 20 minutes it still ends after 8 hours
    moment = NOW
    for _ in range(23):
        moment += dt.timedelta(minutes=20)
        assert sessions.current(session, opened.token, moment) is not None
    assert sessions.current(session, opened.token, NOW + dt.timedelta(hours=8, minutes=1)) is None
    session.commit()

    idle = sessions.open_session(session, user, NOW)
    assert sessions.current(session, idle.token, NOW + dt.timedelta(minutes=31)) is None
    out = sessions.open_session(session, user, NOW)
    sessions.close(session, out.token)
    assert sessions.current(session, out.token, NOW) is None
    disabled = sessions.open_session(session, user, NOW)
    user.active = False
    assert sessions.current(session, disabled.token, NOW) is None


def test_expired_sessions_are_deleted_and_live_ones_kept(session) -> None:
    from send_guide.triage import sessions
    from send_guide.triage.model import StaffSession

    user = add_staff(session, "adviser.seven", "correct horse battery", NOW)
    sessions.open_session(session, user, NOW - dt.timedelta(minutes=45))  # idle too long
    sessions.open_session(session, user, NOW - dt.timedelta(hours=9))  # too old
    live = sessions.open_session(session, user, NOW - dt.timedelta(minutes=5))
    session.commit()
    assert sessions.delete_expired(session, NOW) == 2
    session.commit()
    assert session.scalar(select(func.count()).select_from(StaffSession)) == 1
    assert sessions.current(session, live.token, NOW) is not None
