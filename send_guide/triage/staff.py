"""SENDIAS staff accounts: argon2id password hashes, no default account, no default password.

Accounts are made only with the command (`python -m send_guide.triage add-staff NAME`), and ended
with it (`deactivate-staff`, then `remove-staff`). A login for an unknown name still spends the
time of one hash check, so response times do not reveal which names exist. Names and passwords
have a length limit, checked before any hashing: a megabyte "password" is refused, not hashed.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from send_guide.triage import audit
from send_guide.triage.model import StaffSession, StaffUser

MIN_PASSWORD_LENGTH = 12
MAX_PASSWORD_LENGTH = 256  # a long passphrase fits; much more is an attack on the hashing time
MAX_NAME_LENGTH = 100  # the staff_user.username column
USERNAME = re.compile(rf"[a-z0-9][a-z0-9._-]{{1,{MAX_NAME_LENGTH - 1}}}")


class StaffAccountError(ValueError):
    """A name or password that cannot be used; the message says why."""


@lru_cache(maxsize=1)
def _hasher() -> PasswordHasher:
    return PasswordHasher()  # argon2id with the library's current recommended costs


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    return _hasher().hash("no such user: equal work for unknown names")


def normalise(username: str) -> str:
    """A name as accounts are kept: no surrounding spaces, lower case."""
    return (username or "").strip().lower()


def too_long(username: str, password: str) -> bool:
    """True for input no account can have: refused before it is hashed or counted."""
    return len(username or "") > MAX_NAME_LENGTH or len(password or "") > MAX_PASSWORD_LENGTH


def add_staff(session: Session, username: str, password: str, now: dt.datetime) -> StaffUser:
    username = normalise(username)
    if not USERNAME.fullmatch(username):
        raise StaffAccountError(f"Use 2-{MAX_NAME_LENGTH} lower-case letters, digits, dots, dashes or underscores "
                                "for the name.")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise StaffAccountError(f"The password must have at least {MIN_PASSWORD_LENGTH} characters.")
    if len(password) > MAX_PASSWORD_LENGTH:
        raise StaffAccountError(f"The password can have at most {MAX_PASSWORD_LENGTH} characters.")
    if password.lower() in username or username in password.lower():
        raise StaffAccountError("The password must not contain the name.")
    if _account(session, username) is not None:
        raise StaffAccountError(f"There is already an account called {username}.")
    if audit.removed_before(session, username):
        raise StaffAccountError(f"An account called {username} was removed and the audit trail still names it: "
                                "choose another name, so the trail names one person.")
    user = StaffUser(username=username, password_hash=_hasher().hash(password), created_at=now, active=True)
    session.add(user)
    session.flush()
    audit.record(session, now, audit.COMMAND, audit.ACCOUNT_ADDED, username)
    return user


def verify_login(session: Session, username: str, password: str) -> StaffUser | None:
    """The active account these credentials open, or None."""
    if too_long(username, password):
        return None
    user = _account(session, normalise(username))
    stored = user.password_hash if user is not None and user.active else _dummy_hash()
    try:
        _hasher().verify(stored, password or "")
    except (VerificationError, InvalidHashError):
        return None
    if user is None or not user.active:
        return None
    if _hasher().check_needs_rehash(user.password_hash):
        user.password_hash = _hasher().hash(password)
    return user


def log_in(session: Session, username: str, password: str, now: dt.datetime) -> StaffUser | None:
    """verify_login, with the outcome in the staff audit trail (never the password; a name with no
    account as audit.UNKNOWN_NAME, since it may be a password typed in the wrong box)."""
    user = verify_login(session, username, password)
    if user is not None:
        audit.record(session, now, user.username, audit.LOGIN)
        return user
    known = _account(session, normalise(username)) if not too_long(username, "") else None
    audit.record(session, now, known.username if known is not None else audit.UNKNOWN_NAME, audit.LOGIN_FAILED,
                 "" if known is None or known.active else "the account is deactivated")
    return None


def deactivate(session: Session, username: str, now: dt.datetime) -> int:
    """Stop an account logging in and end its open sessions at once; returns how many were ended."""
    user = _existing(session, username)
    user.active = False
    ended = session.execute(delete(StaffSession).where(StaffSession.user_id == user.id)).rowcount or 0
    audit.record(session, now, audit.COMMAND, audit.ACCOUNT_DEACTIVATED, user.username)
    return ended


def remove(session: Session, username: str, now: dt.datetime) -> None:
    """Delete a deactivated account. Case histories and the staff audit trail keep its name as text;
    the name cannot be given to a new account while the trail names it (add_staff)."""
    user = _existing(session, username)
    if user.active:
        raise StaffAccountError(f"{user.username} is still active: run deactivate-staff first.")
    session.execute(delete(StaffSession).where(StaffSession.user_id == user.id))
    session.delete(user)
    audit.record(session, now, audit.COMMAND, audit.ACCOUNT_REMOVED, user.username)


def _account(session: Session, username: str) -> StaffUser | None:
    return session.scalar(select(StaffUser).where(StaffUser.username == username))


def _existing(session: Session, username: str) -> StaffUser:
    user = _account(session, normalise(username))
    if user is None:
        raise StaffAccountError(f"There is no account called {audit.printable(normalise(username))}.")
    return user
