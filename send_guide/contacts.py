"""The contacts an answer may give, read from send_guide/content/contacts.yml: the one place
each phone number is written, with the page it comes from and whether the council has
confirmed it. Code asks for a contact by its key; answers and language files name it as
`{contact_<key>}`, filled in by `fill_contacts` when the reply is made.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from send_guide.content_files import load_content
from send_guide.sources import PAGE_DATES

PLACEHOLDER = re.compile(r"\{contact_(?P<key>[a-z0-9_]+)\}")


@dataclass(frozen=True)
class Contact:
    key: str
    name: str
    phone: str  # empty while the council has not given it
    source: str  # a file id in shared/sources, "national" or "council"
    as_printed: str
    source_note: str = ""  # for a number not on a source page: where it was read, and when
    confirmed_by: str | None = None
    confirmed_on: dt.date | None = None

    @property
    def source_date(self) -> str:
        """How old the page giving the number is (its own words), or where a number not on a page was read."""
        return str(PAGE_DATES[self.source]) if self.source in PAGE_DATES else self.source_note

    @property
    def confirmed(self) -> bool:
        return bool(self.confirmed_by and self.confirmed_on)

    @property
    def tel(self) -> str:
        """The number for a tel: link."""
        return re.sub(r"\D", "", self.phone)


@cache
def all_contacts() -> dict[str, Contact]:
    contacts = {}
    for entry in load_content("contacts.yml")["contacts"]:
        confirmed = entry.get("confirmed") or {}
        on = confirmed.get("on")
        contacts[entry["key"]] = Contact(
            key=entry["key"], name=entry["name"], phone=entry.get("phone") or "", source=str(entry["source"]),
            as_printed=entry.get("as_printed") or "", source_note=entry.get("source_note") or "",
            confirmed_by=confirmed.get("by"),
            confirmed_on=on if isinstance(on, dt.date) or on is None else dt.date.fromisoformat(str(on)))
    return contacts


def contact(key: str) -> Contact:
    return all_contacts()[key]


def phone(key: str) -> str:
    return contact(key).phone


def fill_contacts(text: str) -> str:
    """Replace each `{contact_<key>}` with that contact's number. A line naming a contact that
    has no number yet is left out (so an answer can list a local number the council has still
    to give). An unknown key is an error (a test runs every answer through this), never a gap
    in what a family reads."""
    kept = []
    for line in text.split("\n"):
        keys = [match["key"] for match in PLACEHOLDER.finditer(line)]
        if any(not phone(key) for key in keys):
            continue
        kept.append(PLACEHOLDER.sub(lambda match: phone(match["key"]), line))
    return "\n".join(kept)


def placeholder_values() -> dict[str, str]:
    """`contact_<key>` -> number, for templating that takes a mapping (Rasa's response variables)."""
    return {f"contact_{key}": entry.phone for key, entry in all_contacts().items() if entry.phone}
