"""SENDIAS staff accounts: argon2id password hashes, no default account, no default password.

Accounts are made only with the command (`python -m send_guide.triage add-staff NAME`). A login
for an unknown name still spends the time of one hash check, so response times do not reveal
which names exist.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from send_guide.triage.model import StaffUser

MIN_PASSWORD_LENGTH = 12
USERNAME = re.compile(r"[a-z0-9][a-z0-9._-]{1,99}")


class StaffAccountError(ValueError):
    """A name or password that cannot be used; the message says why."""


@lru_cache(maxsize=1)
def _hasher() -> PasswordHasher:
    return PasswordHasher()  # argon2id with the library's current recommended costs


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    return _hasher().hash("no such user: equal work for unknown names")


def add_staff(session: Session, username: str, password: str, now: dt.datetime) -> StaffUser:
    username = username.strip().lower()
    if not USERNAME.fullmatch(username):
        raise StaffAccountError("Use 2-100 lower-case letters, digits, dots, dashes or underscores for the name.")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise StaffAccountError(f"The password must have at least {MIN_PASSWORD_LENGTH} characters.")
    if password.lower() in username or username in password.lower():
        raise StaffAccountError("The password must not contain the name.")
    if session.scalar(select(StaffUser).where(StaffUser.username == username)) is not None:
        raise StaffAccountError(f"There is already an account called {username}.")
    user = StaffUser(username=username, password_hash=_hasher().hash(password), created_at=now, active=True)
    session.add(user)
    session.flush()
    return user


def verify_login(session: Session, username: str, password: str) -> StaffUser | None:
    """The active account these credentials open, or None."""
    user = session.scalar(select(StaffUser).where(StaffUser.username == (username or "").strip().lower()))
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
