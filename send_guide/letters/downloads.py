"""Letters kept for a short time so a family can download them as a Word file or a PDF.

A letter holds what the family typed, so it is personal data and is kept as briefly as the link needs:

- the link carries a random token (`secrets.token_urlsafe`, 256 bits), so it cannot be guessed;
  only the token's SHA-256 hash is stored, so a copy of the database opens no link;
- the LINK always stops working DOWNLOAD_LIFETIME (1 hour) after it was made;
- the ROW is deleted once its hour is over (`forget_expired`, run at each download request and by
  the retention command), unless it is kept on a call-back case (`case_id`): then an adviser's case
  still has it, and it is deleted with the case under the case's retention period (ON DELETE CASCADE).
  A letter is kept on a case when the family asks for a call back in the same conversation within
  the hour (`keep_on_case`; the call-back form tells them first), or when an adviser makes it from
  the case.

The Word and PDF files are made again from the stored letter at each download, never kept as files.
No Rasa import: this is domain code, used by the web server (web/letters.py) and the assistant.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import os
import re
import secrets
from typing import Any, Mapping

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from send_guide.database.engine import as_utc
from send_guide.letters.letter import Letter
from send_guide.triage.model import LetterDownload

DOWNLOAD_LIFETIME = dt.timedelta(hours=1)
TOKEN_BYTES = 32
# What secrets.token_urlsafe(32) gives: 43 characters of the URL-safe base64 alphabet, no padding.
TOKEN = re.compile(r"[A-Za-z0-9_-]{43}")
FORMS = ("docx", "pdf")
PUBLIC_URL_SETTING = "SEND_GUIDE_PUBLIC_URL"
DEFAULT_PUBLIC_URL = "http://localhost:8080"  # `make run` serves the web server here
KIND_LENGTH = 60  # letter_download.kind


def letter_to_json(letter: Letter) -> str:
    """The letter as JSON, every field by name, so the stored letter can be rendered again in any format."""
    return json.dumps(dataclasses.asdict(letter), ensure_ascii=False)


def letter_from_json(text: str) -> Letter:
    """The letter stored by `letter_to_json`; lists become tuples again, as the frozen Letter has them."""
    data = json.loads(text)
    names = {field.name for field in dataclasses.fields(Letter)}
    if not isinstance(data, dict) or set(data) != names:
        raise ValueError("the stored text is not a whole letter")
    return Letter(**{name: tuple(value) if isinstance(value, list) else value for name, value in data.items()})


def keep_for_download(session: Session, letter: Letter, now: dt.datetime, case_id: int | None = None,
                      conversation_id: str | None = None) -> str:
    """Store the letter and return the token for its links (the caller commits).

    The token is returned once and never stored. With `case_id`, the letter stays on that case after
    its link stops working; without it, it is deleted once the hour is over. `conversation_id`: the
    conversation it was made in, so a call-back from there can keep it on the case.
    """
    now = _utc(now)
    token = secrets.token_urlsafe(TOKEN_BYTES)
    session.add(LetterDownload(token_hash=_digest(token), kind=letter.kind[:KIND_LENGTH],
                               letter=letter_to_json(letter), created_at=now,
                               expires_at=now + DOWNLOAD_LIFETIME, case_id=case_id,
                               conversation_id=conversation_id))
    session.flush()
    return token


def _in_the_hour(conversation_id: str, now: dt.datetime) -> Any:
    """Letters of the conversation whose link still works and that are on no case yet."""
    return ((LetterDownload.conversation_id == conversation_id) & (LetterDownload.expires_at > _utc(now))
            & LetterDownload.case_id.is_(None))


def made_in_the_hour(session: Session, conversation_id: str, now: dt.datetime) -> bool:
    """True when the conversation made a letter whose link still works: the call-back form then
    says that the letter will be kept on the case."""
    return session.scalar(select(LetterDownload.id).where(_in_the_hour(conversation_id, now)).limit(1)) is not None


def keep_on_case(session: Session, conversation_id: str, case_id: int, now: dt.datetime) -> int:
    """Keep the conversation's letters of the last hour on its call-back case; how many (the caller commits)."""
    kept = update(LetterDownload).where(_in_the_hour(conversation_id, now)).values(case_id=case_id)
    return session.execute(kept.execution_options(synchronize_session=False)).rowcount or 0


@dataclasses.dataclass(frozen=True)
class CaseLetter:
    """A letter kept on a case, as the case page lists it."""

    id: int
    made_at: dt.datetime
    letter: Letter
    by_family: bool  # made in the chat (it has a conversation), not by an adviser from the case


def letters_on_case(session: Session, case_id: int) -> list[CaseLetter]:
    """The case's letters, oldest first; a stored letter that cannot be read is left out, not fatal."""
    rows = session.scalars(select(LetterDownload).where(LetterDownload.case_id == case_id)
                           .order_by(LetterDownload.created_at, LetterDownload.id))
    found = []
    for row in rows:
        try:
            found.append(CaseLetter(row.id, as_utc(row.created_at), letter_from_json(row.letter),
                                    by_family=row.conversation_id is not None))
        except (ValueError, TypeError):
            continue
    return found


def letter_for(session: Session, token: str, now: dt.datetime) -> Letter | None:
    """The letter a link's token opens, or None when the token is unknown, malformed or past its hour.

    A malformed token is refused before it is hashed or looked up, so no input reaches the database.
    """
    if not well_formed(token):
        return None
    kept = session.scalar(select(LetterDownload).where(LetterDownload.token_hash == _digest(token)))
    if kept is None or _utc(now) >= as_utc(kept.expires_at):
        return None
    return letter_from_json(kept.letter)


def forget_expired(session: Session, now: dt.datetime) -> int:
    """Delete letters whose link is past its hour and that are kept on no case; how many went."""
    expired = (LetterDownload.expires_at <= _utc(now)) & LetterDownload.case_id.is_(None)
    return session.execute(delete(LetterDownload).where(expired)).rowcount or 0


def well_formed(token: object) -> bool:
    """True for a string shaped like a token this module makes; says nothing about whether it is kept."""
    return isinstance(token, str) and TOKEN.fullmatch(token) is not None


def download_url(base_url: str, token: str, form: str) -> str:
    """The address a family opens to download the letter in `form` ("docx" or "pdf")."""
    if form not in FORMS:
        raise ValueError(f"a letter downloads as one of {', '.join(FORMS)}, not {form!r}")
    return f"{base_url.rstrip('/')}/letters/{token}.{form}"


def public_base_url(environ: Mapping[str, str] | None = None) -> str:
    """The web server's address as families reach it (SEND_GUIDE_PUBLIC_URL), without a trailing slash."""
    environ = os.environ if environ is None else environ
    return (environ.get(PUBLIC_URL_SETTING, "").strip() or DEFAULT_PUBLIC_URL).rstrip("/")


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("ascii")).hexdigest()


def _utc(moment: dt.datetime) -> dt.datetime:
    """Times are stored in UTC (SQLite keeps no offset): a time in another zone is turned into UTC first."""
    if moment.tzinfo is None:
        raise ValueError("a time with its timezone is needed")
    return moment.astimezone(dt.timezone.utc)
