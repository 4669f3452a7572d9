"""The contacts an answer may give, read from send_guide/content/contacts.yml: the one place
each phone number is written, with the page it comes from and whether the council has
confirmed it. Code asks for a contact by its key; answers and language files name it as
`{contact_<key>}` (or `{tel_<key>}` for a tel: link), filled in by `fill_contacts` when the
reply is made or the file is served.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from send_guide.confirmation import confirmation_problems
from send_guide.content_files import load_content
from send_guide.sources import PAGE_DATES

# {contact_<key>}: the number as people read it; {tel_<key>}: its digits, for a tel: link.
PLACEHOLDER = re.compile(r"\{(?P<form>contact|tel)_(?P<key>[a-z0-9_]+)\}")


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


class ContactsFileError(ValueError):
    """contacts.yml says something that cannot be right; the message names the entry."""


@cache
def all_contacts() -> dict[str, Contact]:
    return read_contacts(load_content("contacts.yml")["contacts"], dt.date.today())


def read_contacts(entries: list[dict], today: dt.date) -> dict[str, Contact]:
    """Check and read the entries; a confirmation follows send_guide/confirmation.py's rule, so a
    number never looks checked when nobody checked it."""
    contacts: dict[str, Contact] = {}
    for entry in entries:
        key = str(entry.get("key") or "")
        if not re.fullmatch(r"[a-z0-9_]+", key) or key in contacts:
            raise ContactsFileError(f"contacts.yml: {key!r} is not a new key of lower-case letters, digits and _")
        source = str(entry.get("source") or "")
        if not (source in PAGE_DATES or (source in ("national", "council") and entry.get("source_note"))):
            raise ContactsFileError(f"contacts.yml: {key}: a source page id, or national/council with a source_note")
        confirmed = entry.get("confirmed") or {}
        by, on = str(confirmed.get("by") or ""), confirmed.get("on")
        try:
            on = on if isinstance(on, dt.date) or on is None else dt.date.fromisoformat(str(on))
        except ValueError as error:
            raise ContactsFileError(f"contacts.yml: {key}: confirmed on {on!r} is not a date (YYYY-MM-DD)") from error
        problems = confirmation_problems(by, on, today)  # the same rule as the services directory's
        if problems:
            raise ContactsFileError(f"contacts.yml: {key}: " + "; ".join(problems))
        contacts[key] = Contact(
            key=key, name=entry["name"], phone=entry.get("phone") or "", source=source,
            as_printed=entry.get("as_printed") or "", source_note=entry.get("source_note") or "",
            confirmed_by=by or None, confirmed_on=on)
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
        kept.append(PLACEHOLDER.sub(_number, line))
    return "\n".join(kept)


def _number(match: re.Match[str]) -> str:
    found = contact(match["key"])
    return found.tel if match["form"] == "tel" else found.phone


def main(argv: list[str] | None = None) -> int:
    """`python -m send_guide.contacts` lists every contact, where it comes from and whether the
    council has confirmed it (docs/GO_LIVE_CHECKS.md); `... fill SOURCE TARGET` writes a copy of
    a file with its numbers filled in, for a council that serves the widget's files itself."""
    parser = argparse.ArgumentParser(prog="python -m send_guide.contacts", description=main.__doc__)
    commands = parser.add_subparsers(dest="command")
    commands.add_parser("list", help="every contact and whether it is confirmed (the default)")
    fill = commands.add_parser("fill", help="copy a file with {contact_<key>} and {tel_<key>} filled in")
    fill.add_argument("source", type=Path)
    fill.add_argument("target", type=Path)
    args = parser.parse_args(argv)
    if args.command == "fill":
        args.target.write_text(fill_contacts(args.source.read_text(encoding="utf-8")), encoding="utf-8")
        return 0
    for entry in all_contacts().values():
        state = (f"confirmed by {entry.confirmed_by} on {entry.confirmed_on:%d %B %Y}" if entry.confirmed
                 else "NOT CONFIRMED")
        number = entry.phone or "(no number yet)"
        print(f"{entry.key:<26} {number:<15} {state}")
        print(f"    {entry.name}\n    source: {entry.source}, {entry.source_date}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
