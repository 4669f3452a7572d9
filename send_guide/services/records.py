"""A service as plain data, and the checks every record must pass before it reaches the database.

Staff edit the directory as CSV; the same checks guard the seed file and every import, so a bad
phone number or an unknown category is reported with its line number instead of being stored.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, fields
from functools import lru_cache

from send_guide.confirmation import confirmation_problems
from send_guide.contact_patterns import is_email, is_uk_service_number
from send_guide.content_files import load_content
from send_guide.services.model import LIST_SEPARATOR
from send_guide.sources import PAGE_DATES, SOURCE_TITLES

COLUMNS = ("name", "aliases", "categories", "description", "who_can_refer", "phone", "email", "address",
           "postcode", "website", "opening_hours", "source", "confirmed_by", "confirmed_on")
# A column of files exported before confirmations: its dates were never a person's check.
RETIRED_COLUMNS = {"last_verified": "last_verified is no longer used: to mark a row as checked, fill in "
                                    "confirmed_by (who checked it) and confirmed_on (the day, YYYY-MM-DD)"}

WEBSITE = re.compile(r"^https?://[a-z0-9.-]+\.[a-z]{2,}(?:[/?#]\S*)?$", re.I)
POSTCODE = re.compile(r"^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$", re.I)


@dataclass(frozen=True)
class Category:
    id: str
    label: str
    words: tuple[str, ...]


@lru_cache(maxsize=1)
def categories() -> dict[str, Category]:
    raw = load_content("service_categories.yml")["categories"]
    return {key: Category(key, value["label"], tuple(value["words"])) for key, value in raw.items()}


@dataclass(frozen=True)
class ServiceRecord:
    name: str
    categories: tuple[str, ...]
    source: tuple[str, ...]
    aliases: tuple[str, ...] = ()
    description: str = ""
    who_can_refer: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""
    postcode: str = ""
    website: str = ""
    opening_hours: str = ""
    confirmed_by: str = ""  # who checked the row (a name or role); "" until a person has
    confirmed_on: dt.date | None = None  # the day they checked it

    @property
    def source_titles(self) -> list[str]:
        return [SOURCE_TITLES[source] for source in self.source]

    def as_row(self) -> dict[str, str]:
        row = {}
        for column in COLUMNS:
            value = getattr(self, column)
            if isinstance(value, tuple):
                value = LIST_SEPARATOR.join(value)
            elif isinstance(value, dt.date):
                value = value.isoformat()
            row[column] = value or ""
        return row


@dataclass
class RecordErrors(Exception):
    """Every problem in a file, each with its line number, so staff can fix them in one go."""

    problems: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return "\n".join(self.problems)


def _split(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split(LIST_SEPARATOR) if part.strip())


def record_from_row(row: dict[str, str], today: dt.date | None = None) -> tuple[ServiceRecord | None, list[str]]:
    """A record from one CSV row, or the reasons it cannot be one."""
    value = {column: (row.get(column) or "").strip() for column in COLUMNS}
    problems = []
    if not value["name"]:
        problems.append("name: missing")
    elif len(value["name"]) > 200:
        problems.append("name: longer than 200 characters")
    known = categories()
    cats = tuple(sorted(_split(value["categories"])))  # sorted: the database returns them sorted
    if not cats:
        problems.append("categories: at least one is needed")
    problems += [f"categories: unknown category {cat!r} (known: {', '.join(known)})" for cat in cats
                 if cat not in known]
    sources = _split(value["source"])
    if not sources:
        problems.append("source: the page the facts come from is needed")
    # Only pages with a known date: a service is shown with its page's date until someone checks it.
    problems += [f"source: unknown source page {src!r} (known: {', '.join(PAGE_DATES)})" for src in sources
                 if src not in PAGE_DATES]
    phone = value["phone"]
    if phone and not is_uk_service_number(phone):
        problems.append(f"phone: {phone!r} is not a UK phone number")
    if value["email"] and not is_email(value["email"]):
        problems.append(f"email: {value['email']!r} is not an e-mail address")
    if value["website"] and not WEBSITE.match(value["website"]):
        problems.append(f"website: {value['website']!r} is not a web address starting with http:// or https://")
    if value["postcode"] and not POSTCODE.match(value["postcode"]):
        problems.append(f"postcode: {value['postcode']!r} is not a UK postcode")
    confirmed_on = None
    if value["confirmed_on"]:
        try:
            confirmed_on = dt.date.fromisoformat(value["confirmed_on"])
        except ValueError:
            problems.append(f"confirmed_on: {value['confirmed_on']!r} is not a date (YYYY-MM-DD)")
    if confirmed_on is not None or not value["confirmed_on"]:  # a bad date is reported once, above
        problems += confirmation_problems(value["confirmed_by"], confirmed_on, today)
    if problems:
        return None, problems
    plain = {f.name: value[f.name] for f in fields(ServiceRecord)
             if f.name not in {"categories", "source", "aliases", "confirmed_on"}}
    return ServiceRecord(categories=cats, source=sources, aliases=_split(value["aliases"]),
                         confirmed_on=confirmed_on, **plain), []
