"""EHC statutory deadlines (England), computed from ../shared/ehc-timescales.md. No Rasa import:
the conversation's actions and the staff command are both thin callers of `deadlines_for`."""

from send_guide.deadlines.timeline import (
    EHC_SYSTEM_START,
    Deadline,
    DeadlineError,
    Event,
    OrderKind,
    Timeline,
    TransferKind,
    deadlines_for,
    in_words,
)

__all__ = [
    "EHC_SYSTEM_START",
    "Deadline",
    "DeadlineError",
    "Event",
    "OrderKind",
    "Timeline",
    "TransferKind",
    "deadlines_for",
    "in_words",
]
