"""Answer feedback and unanswered questions, so that content editors know what to improve.

Stored without names: the topic (intent), helpful or not, and the question shortened, with
phone numbers and e-mail addresses taken out. Deleted with the cases after the retention period.
At most MAX_PER_CONVERSATION entries per conversation within PER_CONVERSATION_WINDOW are kept, so one
visitor (or a script) cannot fill the report or the database; the visitor is thanked all the same.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from send_guide import intents
from send_guide.contact_patterns import redact
from send_guide.triage.model import Feedback

UNANSWERED = intents.FALLBACK  # the intent recorded for a question the assistant could not place
MAX_MESSAGE = 200
MAX_PER_CONVERSATION = 20  # ratings and unplaced questions together; a long real conversation has fewer
PER_CONVERSATION_WINDOW = dt.timedelta(hours=1)


def record(session: Session, conversation_id: str, intent: str, helpful: bool, message: str,
           now: dt.datetime) -> Feedback | None:
    """Keep one rating or unplaced question; None (nothing kept) past the conversation's hourly limit."""
    recent = (select(func.count()).select_from(Feedback)
              .where(Feedback.conversation_id == conversation_id, Feedback.at > now - PER_CONVERSATION_WINDOW))
    if session.scalar(recent) >= MAX_PER_CONVERSATION:
        return None
    entry = Feedback(at=now, conversation_id=conversation_id, intent=intent, helpful=helpful,
                     message=redact(message)[:MAX_MESSAGE])
    session.add(entry)
    session.flush()
    return entry


@dataclass(frozen=True)
class TopicScore:
    intent: str
    not_helpful: int
    total: int


def least_helpful(session: Session, limit: int = 10) -> list[TopicScore]:
    """Topics with the most "not helpful" ratings first."""
    not_helpful = func.sum(case((Feedback.helpful.is_(False), 1), else_=0))
    query = (select(Feedback.intent, not_helpful, func.count())
             .where(Feedback.intent != UNANSWERED).group_by(Feedback.intent)
             .order_by(not_helpful.desc(), func.count().desc(), Feedback.intent).limit(limit))
    return [TopicScore(intent, int(bad or 0), int(total)) for intent, bad, total in session.execute(query)]


def unanswered(session: Session, limit: int = 50) -> list[str]:
    """The newest questions the assistant could not place."""
    query = select(Feedback.message).where(Feedback.intent == UNANSWERED).order_by(Feedback.at.desc()).limit(limit)
    return list(session.scalars(query))
