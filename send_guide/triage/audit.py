"""The staff audit trail: who logged in, failed to, logged out, exported cases, and account changes.

A case's own changes are in its trail (CaseEvent); these belong to no case. Nothing here is a
secret or a family's detail: no password ever, no client address, and a failed login for a name
with no account is kept as UNKNOWN_NAME, not as what was typed, because people type their
password into the name box. Names are made printable and cut to MAX_ACTOR before they are kept
or logged, so a name cannot forge a line of the log or fill the table.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from send_guide.triage.model import StaffEvent

LOGIN = "login"
LOGIN_FAILED = "login failed"
LOGOUT = "logout"
EXPORT = "export"
ACCOUNT_ADDED = "account added"
ACCOUNT_DEACTIVATED = "account deactivated"
ACCOUNT_REMOVED = "account removed"
UNKNOWN_NAME = "(no such account)"
COMMAND = "(staff command)"  # the actor for `python -m send_guide.triage`, run on the server itself
MAX_ACTOR = 100  # the column's size


def printable(text: str, limit: int = MAX_ACTOR) -> str:
    """`text` with control and other unprintable characters escaped (a newline as \\n), cut to `limit`."""
    shown = "".join(char if char.isprintable() else char.encode("unicode_escape").decode("ascii")
                    for char in text[:limit])
    return shown[:limit]


def record(session: Session, at: dt.datetime, actor: str, action: str, detail: str = "") -> StaffEvent:
    event = StaffEvent(at=at, actor=printable(actor), action=action, detail=printable(detail, 500))
    session.add(event)
    session.flush()
    return event


def since(session: Session, moment: dt.datetime) -> list[StaffEvent]:
    """The entries from `moment` on, oldest first."""
    return list(session.scalars(select(StaffEvent).where(StaffEvent.at >= moment)
                                .order_by(StaffEvent.at, StaffEvent.id)))


def delete_older_than(session: Session, cutoff: dt.datetime) -> int:
    return session.execute(delete(StaffEvent).where(StaffEvent.at < cutoff)).rowcount or 0


def removed_before(session: Session, username: str) -> bool:
    """True while the trail still records the removal of an account of this name."""
    found = select(StaffEvent.id).where(StaffEvent.action == ACCOUNT_REMOVED, StaffEvent.detail == username)
    return session.scalar(found.limit(1)) is not None
