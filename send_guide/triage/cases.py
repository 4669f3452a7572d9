"""Open, list, update, export and delete call-back cases.

The queue is the order an adviser should call: most urgent first, then oldest first. Every
change of status is written to the case's audit trail with who made it.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import secrets
from dataclasses import dataclass, field
from typing import Any, TextIO

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from send_guide.deadlines.timeline import Event, in_words
from send_guide.situation.summary import summary_lines
from send_guide.time import today_in_england
from send_guide.triage import audit
from send_guide.triage.model import STATUSES, CaseEvent, Feedback, TriageCase
from send_guide.triage.urgency import Level, Urgency

_REFERENCE_LETTERS = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L: read out on the phone
OPEN_STATUSES = ("new", "contacted")
DEFAULT_RETENTION_DAYS = 90
EXPORT_FIELDS = ("reference", "created_at", "status", "urgency", "urgency_reason", "name", "phone",
                 "email", "best_time", "language", "interpreter", "role", "child_age_or_year", "stage",
                 "key_dates", "description", "topics", "situation")


@dataclass
class CallBackRequest:
    """What the family agreed to give; any of it may be empty ("I'd rather not say")."""

    conversation_id: str
    consent_at: dt.datetime
    name: str = ""
    phone: str = ""
    email: str = ""
    best_time: str = ""
    language: str = ""
    interpreter: bool | None = None
    role: str = ""
    child_age_or_year: str = ""
    stage: str = ""
    key_dates: list[str] = field(default_factory=list)  # "decision letter: Monday 5 October 2026"
    description: str = ""
    topics: list[str] = field(default_factory=list)
    situation: dict[str, Any] = field(default_factory=dict)  # send_guide.situation.summary.summarise


def new_reference() -> str:
    return "CB-" + "".join(secrets.choice(_REFERENCE_LETTERS) for _ in range(6))


def open_case(session: Session, request: CallBackRequest, urgency: Urgency, now: dt.datetime,
              opened_by: str = "assistant", how: str = "") -> TriageCase:
    """`opened_by`: who opened it, for the audit trail (an adviser's name for a case opened from
    a pasted message); `how`: a few words on how, for the same entry."""
    case = TriageCase(
        reference=new_reference(), conversation_id=request.conversation_id, created_at=now, status="new",
        urgency=int(urgency.level), urgency_reason=urgency.reason, consent_at=request.consent_at,
        name=request.name, phone=request.phone, email=request.email, best_time=request.best_time,
        language=request.language, interpreter=request.interpreter, role=request.role,
        child_age_or_year=request.child_age_or_year, stage=request.stage,
        key_dates="\n".join(request.key_dates), description=request.description,
        topics="\n".join(request.topics),
        situation=json.dumps(request.situation, ensure_ascii=False, sort_keys=True) if request.situation else "",
    )
    case.events.append(CaseEvent(at=now, actor=opened_by, action="opened",
                                 detail=f"{how}{urgency.level.label}: {urgency.reason}"))
    session.add(case)
    session.flush()
    return case


def queue(session: Session, statuses: tuple[str, ...] = OPEN_STATUSES) -> list[TriageCase]:
    """Cases to call, most urgent first, then oldest first."""
    query = (select(TriageCase).where(TriageCase.status.in_(statuses))
             .order_by(TriageCase.urgency, TriageCase.created_at, TriageCase.id))
    return list(session.scalars(query))


def set_status(session: Session, reference: str, status: str, actor: str, now: dt.datetime) -> TriageCase:
    if status not in STATUSES:
        raise ValueError(f"status must be one of {', '.join(STATUSES)}")
    case = session.scalars(select(TriageCase).where(TriageCase.reference == reference)).one()
    if case.status != status:
        case.events.append(CaseEvent(at=now, actor=actor, action="status",
                                     detail=f"{case.status} -> {status}"))
        case.status = status
    return case


def key_date_line(event: Event, day: dt.date) -> str:
    """A key date as a case keeps it, "draft plan: Monday 5 October 2026" (read back by `case_dates`)."""
    return f"{event.value.replace('-', ' ')}: {in_words(day)}"


def _read_key_date(line: str) -> tuple[Event, dt.date] | None:
    name, _, day = line.partition(": ")
    try:
        return Event(name.strip().replace(" ", "-")), dt.datetime.strptime(day.strip(), "%A %d %B %Y").date()
    except ValueError:
        return None


def case_dates(case: TriageCase) -> dict[Event, dt.date]:
    """The exact day of each event the case knows, for letters made from it: the family's own answer
    in the call-back form first, then an exact day the reading of their messages found."""
    found: dict[Event, dt.date] = {}
    for line in case.key_dates.splitlines():
        read = _read_key_date(line)
        if read is not None:
            found.setdefault(*read)
    for given in (situation_of(case) or {}).get("dates") or []:
        if not isinstance(given, dict) or not given.get("exact"):
            continue
        try:
            found.setdefault(Event(given.get("event")), dt.date.fromisoformat(str(given.get("date"))))
        except ValueError:
            continue
    return found


def situation_of(case: TriageCase) -> dict[str, Any] | None:
    """The case's situation summary, or None when it has none (or it cannot be read)."""
    try:
        summary = json.loads(case.situation) if case.situation else None
    except ValueError:
        return None
    return summary if isinstance(summary, dict) else None


def export_csv(session: Session, stream: TextIO, statuses: tuple[str, ...] = STATUSES,
               today: dt.date | None = None) -> int:
    """The queue as CSV, in queue order; returns the number of cases written. The situation is in
    words, with each deadline's days left counted from `today` (default: the day in England)."""
    today = today or today_in_england()
    writer = csv.DictWriter(stream, fieldnames=EXPORT_FIELDS)
    writer.writeheader()
    cases = queue(session, statuses)
    for case in cases:
        row = {name: getattr(case, name) for name in EXPORT_FIELDS}
        row["urgency"] = Level(case.urgency).label
        row["created_at"] = case.created_at.isoformat(timespec="minutes")
        row["situation"] = "\n".join(summary_lines(situation_of(case), today))
        writer.writerow({key: _safe_cell(value) for key, value in row.items()})
    return len(cases)


def _safe_cell(value: object) -> object:
    """Text a family typed must not run as a formula when staff open the CSV in a spreadsheet."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def retention_days() -> int:
    """How long cases and feedback are kept: RETENTION_DAYS, else 90 days."""
    return int(os.environ.get("RETENTION_DAYS") or DEFAULT_RETENTION_DAYS)


def delete_older_than(session: Session, days: int, now: dt.datetime) -> dict[str, int]:
    """Delete cases (with their audit trail), feedback and the staff audit trail's entries made more
    than `days` ago."""
    if days < 1:
        raise ValueError("the retention period must be at least 1 day")
    cutoff = now - dt.timedelta(days=days)
    old_cases = list(session.scalars(select(TriageCase).where(TriageCase.created_at < cutoff)))
    for case in old_cases:
        session.delete(case)
    feedback = session.execute(delete(Feedback).where(Feedback.at < cutoff)).rowcount
    staff_events = audit.delete_older_than(session, cutoff)
    return {"cases": len(old_cases), "feedback": feedback or 0, "staff events": staff_events}
