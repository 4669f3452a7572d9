"""A person's check of a fact (a directory row, a contact number): who checked it and on what day.

One rule for every kind, so nothing can look checked when nobody checked it: both who and when,
or neither; the day not in the future; who as a name or a role, never contact details (personal
data we do not need).
"""

from __future__ import annotations

import datetime as dt

from send_guide.contact_patterns import has_contact_details
from send_guide.time import today_in_england

CONFIRMED_BY_LENGTH = 100


def confirmation_problems(confirmed_by: str, confirmed_on: dt.date | None, today: dt.date | None = None) -> list[str]:
    """Why a confirmation cannot stand (an empty list when it can)."""
    problems = []
    if bool(confirmed_by) != (confirmed_on is not None):
        missing = "confirmed_on (the day it was checked)" if confirmed_by else "confirmed_by (who checked it)"
        problems.append(f"confirmed_by and confirmed_on go together: {missing} is missing")
    if len(confirmed_by) > CONFIRMED_BY_LENGTH:
        problems.append(f"confirmed_by: longer than {CONFIRMED_BY_LENGTH} characters")
    if "@" in confirmed_by or has_contact_details(confirmed_by) or any(not ch.isprintable() for ch in confirmed_by):
        problems.append(f"confirmed_by: {confirmed_by!r} should be a name or a role only, with no contact details")
    if confirmed_on is not None and confirmed_on > (today or today_in_england()):
        problems.append(f"confirmed_on: {confirmed_on} is in the future")
    return problems
