"""Reading and writing the directory: CSV in and out, seeding, and queries the search needs.

An import replaces the whole directory inside one transaction, so the database always matches
one reviewed file and never holds half an import.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path
from typing import Iterable, TextIO

from sqlalchemy import delete, func, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from send_guide.confirmation import confirmation_problems
from send_guide.database.engine import session_factory
from send_guide.services.model import LIST_SEPARATOR, Service, ServiceCategory
from send_guide.services.records import (
    COLUMNS,
    RETIRED_COLUMNS,
    RecordErrors,
    ServiceRecord,
    record_from_row,
)
from send_guide.settings import services_seed_file


def parse_csv(stream: TextIO, today: dt.date | None = None) -> list[ServiceRecord]:
    """Every record of a CSV file, or RecordErrors listing each bad line (line 1 is the header)."""
    reader = csv.DictReader(stream)
    header = reader.fieldnames or []
    missing = [column for column in COLUMNS if column not in header]
    if missing:
        raise RecordErrors([f"line 1: missing columns: {', '.join(missing)}"]
                           + [f"line 1: {hint}" for column, hint in RETIRED_COLUMNS.items() if column in header])
    records, problems, names = [], [], {}
    for line, row in enumerate(reader, start=2):
        record, errors = record_from_row(row, today)
        problems += [f"line {line}: {error}" for error in errors]
        if record is None:
            continue
        key = record.name.casefold()
        if key in names:
            problems.append(f"line {line}: name: {record.name!r} is already on line {names[key]}")
        names[key] = line
        records.append(record)
    if problems:
        raise RecordErrors(problems)
    return records


def replace_all(session: Session, records: Iterable[ServiceRecord]) -> int:
    """Make the directory exactly `records`. The caller's transaction makes it all or nothing."""
    session.execute(delete(ServiceCategory))
    session.execute(delete(Service))
    count = 0
    for record in records:
        session.add(Service(
            name=record.name, aliases=LIST_SEPARATOR.join(record.aliases), description=record.description,
            who_can_refer=record.who_can_refer, phone=record.phone, email=record.email, address=record.address,
            postcode=record.postcode, website=record.website, opening_hours=record.opening_hours,
            source=LIST_SEPARATOR.join(record.source), confirmed_by=record.confirmed_by,
            confirmed_on=record.confirmed_on,
            categories=[ServiceCategory(category=category) for category in record.categories],
        ))
        count += 1
    session.flush()
    return count


def import_csv(engine: Engine, path: Path) -> int:
    """Check the whole file first, then apply it in one transaction."""
    with path.open(newline="", encoding="utf-8-sig") as stream:
        records = parse_csv(stream)
    with session_factory(engine).begin() as session:
        return replace_all(session, records)


def to_record(service: Service) -> ServiceRecord:
    return ServiceRecord(
        name=service.name, categories=tuple(service.category_ids), source=tuple(service.source.split(LIST_SEPARATOR)),
        aliases=tuple(service.alias_list), description=service.description,
        who_can_refer=service.who_can_refer, phone=service.phone, email=service.email, address=service.address,
        postcode=service.postcode, website=service.website, opening_hours=service.opening_hours,
        confirmed_by=service.confirmed_by, confirmed_on=service.confirmed_on,
    )


def confirm(engine: Engine, name: str, by: str, on: dt.date, today: dt.date | None = None) -> ServiceRecord:
    """Record that a person checked one row's details against the service itself: who and when.
    Raises LookupError for an unknown name, RecordErrors for a confirmation that cannot stand."""
    by = by.strip()
    problems = confirmation_problems(by, on, today)
    if problems:
        raise RecordErrors(problems)
    with session_factory(engine).begin() as session:
        service = session.execute(select(Service).where(func.lower(Service.name) == name.strip().lower())
                                  ).scalar_one_or_none()
        if service is None:
            raise LookupError(name)
        service.confirmed_by, service.confirmed_on = by, on
        return to_record(service)


def unconfirmed_names(session: Session) -> list[str]:
    """Services no person has checked yet, for staff to work through."""
    query = select(Service.name).where(Service.confirmed_on.is_(None)).order_by(Service.name)
    return list(session.execute(query).scalars())


def all_records(session: Session) -> list[ServiceRecord]:
    services = session.execute(select(Service).order_by(Service.name)).scalars().all()
    return [to_record(service) for service in services]


def names_in_categories(session: Session, category_ids: Iterable[str]) -> set[str]:
    """Names of services in any of the categories: an indexed query, not a scan in Python."""
    query = (select(Service.name).join(ServiceCategory)
             .where(ServiceCategory.category.in_(list(category_ids))).distinct())
    return set(session.execute(query).scalars())


def export_csv(engine: Engine, stream: TextIO) -> int:
    with session_factory(engine)() as session:
        records = all_records(session)
    writer = csv.DictWriter(stream, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for record in records:
        writer.writerow(record.as_row())
    return len(records)


def export_text(engine: Engine) -> str:
    buffer = io.StringIO()
    export_csv(engine, buffer)
    return buffer.getvalue()


def seed_records() -> list[ServiceRecord]:
    """The services of the reviewed seed file (data/services.csv), as an empty directory is filled."""
    with services_seed_file().open(encoding="utf-8", newline="") as stream:
        return parse_csv(stream)


def seed_if_empty(engine: Engine, seed: Path | None = None) -> bool:
    """Load the seed file (data/services.csv) into an empty directory. Returns True if it seeded.
    Part of the set-up step: a directory staff have already filled is left alone."""
    with session_factory(engine).begin() as session:
        if session.execute(select(func.count()).select_from(Service)).scalar_one():
            return False
    import_csv(engine, seed or services_seed_file())
    return True
