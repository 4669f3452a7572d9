"""Whether a fluent speaker has checked a translation: the `review` block of every language file.

Each translation (send_guide/content/languages/<code>.yml, widget/src/locales/<code>.json)
records `review: {status, reviewer, date}`. A `draft` is shown with a line saying that no fluent
speaker has checked it yet, so a malformed block must stop the file from loading rather than be
read as "reviewed" and hide that line.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

DRAFT = "draft"
REVIEWED = "reviewed"
STATUSES = (DRAFT, REVIEWED)
_FIELDS = {"status", "reviewer", "date"}


class ReviewError(ValueError):
    """A translation file whose review block cannot be trusted."""


@dataclass(frozen=True)
class Review:
    status: str  # "draft" or "reviewed"
    reviewer: str  # who checked it; empty for a draft nobody has checked yet
    date: dt.date | None  # when they checked it

    @property
    def draft(self) -> bool:
        return self.status != REVIEWED

    def describe(self) -> str:
        """One line for staff: "draft", or "reviewed by NAME on DATE"."""
        if self.draft:
            return DRAFT if self.reviewer == "" else f"{DRAFT} (last reviewed by {self.reviewer} on {self.date})"
        return f"{REVIEWED} by {self.reviewer} on {self.date}"


def parse_review(raw: Any, where: str) -> Review:
    """The review block of the file `where`, checked: a reviewed file names its reviewer and date."""
    if not isinstance(raw, dict):
        raise ReviewError(f"{where}: needs a review block: {{status: draft, reviewer: \"\", date: \"\"}}")
    unknown = set(raw) - _FIELDS
    if unknown:
        raise ReviewError(f"{where}: unknown review field(s) {sorted(unknown)}; allowed: {sorted(_FIELDS)}")
    status = raw.get("status")
    if status not in STATUSES:
        raise ReviewError(f"{where}: review status is {status!r}; it must be one of {list(STATUSES)}")
    reviewer = raw.get("reviewer") or ""
    if not isinstance(reviewer, str):
        raise ReviewError(f"{where}: the reviewer must be a name")
    date = _date(raw.get("date"), where)
    if status == REVIEWED and (not reviewer.strip() or date is None):
        raise ReviewError(f"{where}: a reviewed translation needs the reviewer's name and the date (YYYY-MM-DD)")
    if bool(reviewer.strip()) != (date is not None):
        raise ReviewError(f"{where}: give both the reviewer and the date of the review, or neither")
    return Review(status=status, reviewer=reviewer.strip(), date=date)


def _date(value: Any, where: str) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value  # YAML reads an unquoted 2026-11-25 as a date
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise ReviewError(f"{where}: the review date {value!r} is not a date (YYYY-MM-DD)") from None
