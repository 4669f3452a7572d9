"""Tables for call-back cases, their audit trail, staff accounts, the staff audit trail, answer feedback
and letters kept for download.

Same database and migration history as the services directory (send_guide/database/), so
one DATABASE_URL and one set-up step cover both. Personal data is kept to what an adviser
needs to call back, and every row has a creation time so the retention command can delete it.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Column, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import relationship

from send_guide.database.base import Base

STATUSES = ("new", "contacted", "closed")


class TriageCase(Base):
    __tablename__ = "triage_case"

    id = Column(Integer, primary_key=True)
    reference = Column(String(12), nullable=False, unique=True)  # told to the family and staff
    conversation_id = Column(String(128), nullable=False, index=True)
    created_at = Column(DateTime(timezone=True), nullable=False, index=True)
    status = Column(String(20), nullable=False, default="new", index=True)
    urgency = Column(Integer, nullable=False, index=True)  # send_guide.triage.urgency.Level
    urgency_reason = Column(Text, nullable=False)
    consent_at = Column(DateTime(timezone=True), nullable=False)
    name = Column(String(100), nullable=False, default="")
    phone = Column(String(40), nullable=False, default="")
    email = Column(String(200), nullable=False, default="")
    best_time = Column(String(100), nullable=False, default="")
    language = Column(String(40), nullable=False, default="")
    interpreter = Column(Boolean, nullable=True)  # None: not asked or not said
    role = Column(String(30), nullable=False, default="")
    child_age_or_year = Column(String(40), nullable=False, default="")
    stage = Column(String(40), nullable=False, default="")
    key_dates = Column(Text, nullable=False, default="")  # one "event: date" per line
    description = Column(Text, nullable=False, default="")
    topics = Column(Text, nullable=False, default="")  # topics asked, one per line
    # What the situation reading found in the family's messages (send_guide/situation/summary.py),
    # as JSON; none of their words. "" when there was nothing to read.
    situation = Column(Text, nullable=False, default="")

    events = relationship("CaseEvent", cascade="all, delete-orphan", order_by="CaseEvent.at",
                          lazy="selectin")


class CaseEvent(Base):
    """The audit trail: who changed what, when."""

    __tablename__ = "case_event"

    id = Column(Integer, primary_key=True)
    case_id = Column(Integer, ForeignKey("triage_case.id", ondelete="CASCADE"), nullable=False, index=True)
    at = Column(DateTime(timezone=True), nullable=False)
    actor = Column(String(100), nullable=False)
    action = Column(String(40), nullable=False)
    detail = Column(Text, nullable=False, default="")


class StaffUser(Base):
    __tablename__ = "staff_user"

    id = Column(Integer, primary_key=True)
    username = Column(String(100), nullable=False, unique=True)
    password_hash = Column(String(255), nullable=False)
    created_at = Column(DateTime(timezone=True), nullable=False)
    active = Column(Boolean, nullable=False, default=True)


class StaffEvent(Base):
    """The staff audit trail (send_guide/triage/audit.py): logins, failed logins, logouts, exports
    and account changes, which belong to no case. The actor is a name, not a link to the account,
    so the trail outlives a removed account."""

    __tablename__ = "staff_event"

    id = Column(Integer, primary_key=True)
    at = Column(DateTime(timezone=True), nullable=False, index=True)
    actor = Column(String(100), nullable=False)
    action = Column(String(40), nullable=False)
    detail = Column(Text, nullable=False, default="")


class StaffSession(Base):
    """A logged-in staff member's browser (send_guide/triage/sessions.py)."""

    __tablename__ = "staff_session"

    id = Column(Integer, primary_key=True)
    token_hash = Column(String(64), nullable=False, unique=True)
    user_id = Column(Integer, ForeignKey("staff_user.id", ondelete="CASCADE"), nullable=False, index=True)
    csrf = Column(String(64), nullable=False)
    created_at = Column(DateTime(timezone=True), nullable=False)
    last_seen = Column(DateTime(timezone=True), nullable=False)

    user = relationship("StaffUser", lazy="joined")


class Feedback(Base):
    __tablename__ = "feedback"

    id = Column(Integer, primary_key=True)
    at = Column(DateTime(timezone=True), nullable=False, index=True)
    conversation_id = Column(String(128), nullable=False)
    intent = Column(String(100), nullable=False, index=True)
    helpful = Column(Boolean, nullable=False)
    message = Column(Text, nullable=False, default="")  # the question, shortened


class LetterDownload(Base):
    """A letter kept so the family can download it as Word or PDF (send_guide/letters/downloads.py).

    It holds what the family typed into the letter, so it is personal data: only the SHA-256 hash of
    the link's token is stored (a copy of the database opens no link), the link stops working an hour
    after it was made, and the row is deleted then, unless it is kept on a call-back case: then it
    goes when the case does (ON DELETE CASCADE), under the case's retention period.
    """

    __tablename__ = "letter_download"

    id = Column(Integer, primary_key=True)
    token_hash = Column(String(64), nullable=False, unique=True)
    kind = Column(String(60), nullable=False)
    letter = Column(Text, nullable=False)  # the Letter as JSON
    created_at = Column(DateTime(timezone=True), nullable=False)
    expires_at = Column(DateTime(timezone=True), nullable=False, index=True)
    case_id = Column(Integer, ForeignKey("triage_case.id", ondelete="CASCADE"), nullable=True, index=True)
    # The conversation it was made in (none for a letter an adviser made): a call-back from that
    # conversation keeps the letter on its case (migration 0008).
    conversation_id = Column(String(128), nullable=True, index=True)
