"""Staff page sessions: a random token in the browser's cookie, only its hash in the database.

A stolen database copy therefore opens no session. Sessions end after 30 minutes without use or
8 hours in all, whichever comes first, and on logout. Each session has its own CSRF token, which
every form on the staff page must send back.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from send_guide.database.engine import as_utc
from send_guide.triage.model import StaffSession, StaffUser

IDLE = dt.timedelta(minutes=30)
ABSOLUTE = dt.timedelta(hours=8)


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(frozen=True)
class Opened:
    token: str  # for the cookie; never stored
    csrf: str


def open_session(session: Session, user: StaffUser, now: dt.datetime) -> Opened:
    token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    session.add(StaffSession(token_hash=_digest(token), user_id=user.id, csrf=csrf, created_at=now, last_seen=now))
    session.flush()
    return Opened(token, csrf)


def current(session: Session, token: str | None, now: dt.datetime) -> StaffSession | None:
    """The live session for a cookie token (and its use recorded), or None."""
    if not token:
        return None
    found = session.scalar(select(StaffSession).where(StaffSession.token_hash == _digest(token)))
    if found is None:
        return None
    if now - as_utc(found.last_seen) > IDLE or now - as_utc(found.created_at) > ABSOLUTE or not found.user.active:
        session.delete(found)
        return None
    found.last_seen = now
    return found


def csrf_ok(staff_session: StaffSession, sent: str | None) -> bool:
    return bool(sent) and hmac.compare_digest(staff_session.csrf, sent)


def close(session: Session, token: str | None) -> None:
    if token:
        session.execute(delete(StaffSession).where(StaffSession.token_hash == _digest(token)))


def delete_expired(session: Session, now: dt.datetime) -> int:
    """Remove sessions past their limits (the retention command runs this daily)."""
    stale = (StaffSession.last_seen < now - IDLE) | (StaffSession.created_at < now - ABSOLUTE)
    return session.execute(delete(StaffSession).where(stale)).rowcount or 0

