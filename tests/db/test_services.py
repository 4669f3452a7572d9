"""The services directory on a real database: seed, search, CSV round trip, validated imports."""

import csv
import datetime as dt
import io
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, inspect, select

from send_guide.database.engine import session_factory
from send_guide.database.schema import migrate
from send_guide.services import directory
from send_guide.services.model import Service
from send_guide.services.presentation import as_card, as_text
from send_guide.services.records import RecordErrors, categories
from send_guide.services.search import TOPIC_NEEDS, find_services, services_for_need
from send_guide.time import today_in_england
from tests.project_files import ROOT, domain

SEED = list(csv.DictReader((ROOT / "data" / "services.csv").open(encoding="utf-8")))


def search(engine, text: str) -> list[str]:
    with session_factory(engine)() as session:
        return [match.service.name for match in find_services(session, text)]


def sorted_by_name(records: list) -> list:
    return sorted(records, key=lambda record: record.name)


def seeded(engine):
    migrate(engine)
    assert directory.seed_if_empty(engine) is True
    return engine


def test_seeding_is_idempotent(engine) -> None:
    migrate(engine)
    assert directory.seed_if_empty(engine) is True
    assert directory.seed_if_empty(engine) is False
    with session_factory(engine)() as session:
        assert session.execute(select(func.count()).select_from(Service)).scalar_one() == len(SEED)
    assert {"service", "service_category", "alembic_version"} <= set(inspect(engine).get_table_names())


@pytest.mark.parametrize("row", SEED, ids=lambda row: row["name"])
def test_every_service_is_findable_by_name_and_alias(engine, row) -> None:
    seeded(engine)
    assert search(engine, row["name"])[0] == row["name"]
    for alias in filter(None, row["aliases"].split("|")):
        assert row["name"] in search(engine, alias), alias


@pytest.mark.parametrize("row", SEED, ids=lambda row: row["name"])
def test_every_service_is_findable_by_need(engine, row) -> None:
    seeded(engine)
    with session_factory(engine)() as session:
        found = {match.service.name for cat in row["categories"].split("|")
                 for match in services_for_need(session, cat, limit=50)}
    assert row["name"] in found


@pytest.mark.parametrize(("query", "expected"), [
    ("What's the number for the SEN assessment team?", "SEN Assessment Team (SENAT), Luton Council"),
    ("who can help with my son's mental health?", "CAMHS (Child and Adolescent Mental Health Services)"),
    ("mediation service contact", "KIDS London SEN Mediation Service"),
    ("housing support in luton", "Luton Council housing advice line"),
    ("speech and langauge therapy", "Speech and Language Therapy Service"),
    ("educational pyschologist", "Educational Psychology Service"),
    ("sendais", "Luton SENDIAS"),
    ("penrose housing", "Penrose"),
    ("KIDS mediation phone", "KIDS London SEN Mediation Service"),
])
def test_questions_people_ask(engine, query: str, expected: str) -> None:
    seeded(engine)
    assert expected in search(engine, query)


@pytest.mark.parametrize("query", [
    "'; DROP TABLE service; --", "Robert'); DELETE FROM service_category;--", "x" * 10_000,
    "كيف أحصل على مساعدة", "😀😀😀", "", "   ", "weather tomorrow", "%", "_",
    "where can my kids play football",
])
def test_hostile_and_odd_queries_find_nothing_and_harm_nothing(engine, query: str) -> None:
    seeded(engine)
    assert search(engine, query) == []
    with session_factory(engine)() as session:
        assert session.execute(select(func.count()).select_from(Service)).scalar_one() == len(SEED)


def test_csv_round_trip(engine, tmp_path: Path) -> None:
    seeded(engine)
    first = directory.export_text(engine)
    exported = tmp_path / "services.csv"
    exported.write_text(first, encoding="utf-8")
    assert directory.import_csv(engine, exported) == len(SEED)
    assert directory.export_text(engine) == first
    original = directory.parse_csv(io.StringIO((ROOT / "data" / "services.csv").read_text(encoding="utf-8")))
    assert sorted_by_name(original) == sorted_by_name(directory.parse_csv(io.StringIO(first)))


def test_a_bad_import_changes_nothing_and_names_each_line(engine, tmp_path: Path) -> None:
    seeded(engine)
    before = directory.export_text(engine)
    rows = [dict(row) for row in SEED]
    rows[0]["phone"] = "12345"
    rows[2]["email"] = "not-an-email"
    rows[3]["website"] = "javascript:alert(1)"
    rows[4]["categories"] = "astrology"
    rows[5]["confirmed_on"] = "31/02/2025"
    rows[6]["name"] = rows[7]["name"]
    bad = tmp_path / "bad.csv"
    with bad.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.DictWriter(stream, fieldnames=list(SEED[0]))
        writer.writeheader()
        writer.writerows(rows)
    with pytest.raises(RecordErrors) as error:
        directory.import_csv(engine, bad)
    problems = str(error.value)
    for expected in ["line 2: phone", "line 4: email", "line 5: website", "line 6: categories",
                     "line 7: confirmed_on", "line 9: name"]:
        assert expected in problems, problems
    assert directory.export_text(engine) == before


def write_csv(path: Path, rows: list[dict], fieldnames: list[str] | None = None) -> Path:
    with path.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.DictWriter(stream, fieldnames=fieldnames or list(SEED[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_no_service_claims_a_check_nobody_made(engine) -> None:
    """The seed's facts come from pages of 2017-2022 and no person has confirmed a row: nothing may
    say it was checked (every row used to say "2026-11-25")."""
    seeded(engine)
    with session_factory(engine)() as session:
        records = directory.all_records(session)
        assert directory.unconfirmed_names(session) == sorted(record.name for record in records)
    assert len(records) == len(SEED)
    for record in records:
        assert (record.confirmed_by, record.confirmed_on) == ("", None)
        assert as_card(record)["confirmed_on"] is None and "last_verified" not in as_card(record)
        assert as_text(record).endswith("Not yet checked by staff."), record.name
    exported = directory.export_text(engine)
    assert "last_verified" not in exported and "2026-11-25" not in exported


def test_a_confirmed_row_keeps_who_and_when_through_export_and_import(engine, tmp_path: Path) -> None:
    seeded(engine)
    rows = [dict(row) for row in SEED]
    rows[0].update(confirmed_by="SENDIAS adviser", confirmed_on="2026-11-30")
    directory.import_csv(engine, write_csv(tmp_path / "confirmed.csv", rows))
    with session_factory(engine)() as session:
        record = next(r for r in directory.all_records(session) if r.name == rows[0]["name"])
        assert rows[0]["name"] not in directory.unconfirmed_names(session)
    assert (record.confirmed_by, record.confirmed_on) == ("SENDIAS adviser", dt.date(2026, 11, 30))
    assert as_text(record).endswith("(2022). Checked by SENDIAS adviser on 30 November 2026.")
    assert ",SENDIAS adviser,2026-11-30\n" in directory.export_text(engine)


TOMORROW = "tomorrow"


@pytest.mark.parametrize(("by", "on", "expected"), [
    ("SENDIAS adviser", "", "confirmed_on (the day it was checked) is missing"),
    ("", "2026-11-30", "confirmed_by (who checked it) is missing"),
    ("SENDIAS adviser", TOMORROW, "is in the future"),
    ("SENDIAS adviser", "30/11/2026", "is not a date (YYYY-MM-DD)"),
    ("Sam, sam@example.org", "2026-11-30", "a name or a role only, with no contact details"),
    ("Sam on 07700 900123", "2026-11-30", "a name or a role only, with no contact details"),
], ids=["name only", "date only", "future", "bad date", "e-mail", "phone"])
def test_an_import_refuses_a_half_or_false_confirmation_and_changes_nothing(engine, tmp_path: Path, by: str,
                                                                             on: str, expected: str) -> None:
    seeded(engine)
    before = directory.export_text(engine)
    rows = [dict(row) for row in SEED]
    if on == TOMORROW:  # worked out when the test runs, not when it is collected (a run may pass midnight)
        on = (today_in_england() + dt.timedelta(days=1)).isoformat()
    rows[3].update(confirmed_by=by, confirmed_on=on)  # line 5: the header is line 1
    with pytest.raises(RecordErrors) as error:
        directory.import_csv(engine, write_csv(tmp_path / "half.csv", rows))
    assert str(error.value).startswith("line 5: confirmed_") and expected in str(error.value), str(error.value)
    assert len(error.value.problems) == 1
    assert directory.export_text(engine) == before


def test_an_old_export_with_last_verified_is_refused_with_what_to_do_instead(engine, tmp_path: Path) -> None:
    seeded(engine)
    before = directory.export_text(engine)
    old_columns = [column for column in SEED[0] if not column.startswith("confirmed_")] + ["last_verified"]
    rows = [{column: row.get(column, "2026-11-25") for column in old_columns} for row in SEED]
    with pytest.raises(RecordErrors) as error:
        directory.import_csv(engine, write_csv(tmp_path / "old.csv", rows, old_columns))
    assert error.value.problems == [
        "line 1: missing columns: confirmed_by, confirmed_on",
        "line 1: last_verified is no longer used: to mark a row as checked, fill in confirmed_by (who checked it) "
        "and confirmed_on (the day, YYYY-MM-DD)",
    ]
    assert directory.export_text(engine) == before


def test_staff_command_confirms_a_service(engine) -> None:
    url = engine.url.render_as_string(hide_password=False)
    env = {"DATABASE_URL": url, "PATH": "/usr/bin:/bin"}
    run = [sys.executable, "-m", "send_guide.services"]
    not_set_up = subprocess.run([*run, "unchecked"], cwd=ROOT, env=env, capture_output=True, text=True)
    assert not_set_up.returncode == 1 and "python -m send_guide.database upgrade" in not_set_up.stderr
    subprocess.run([sys.executable, "-m", "send_guide.database", "upgrade"], cwd=ROOT, env=env, check=True)
    unchecked = subprocess.run([*run, "unchecked"], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    assert "Penrose" in unchecked.stdout.splitlines() and f"{len(SEED)} services not yet checked" in unchecked.stderr
    done = subprocess.run([*run, "confirm", "penrose", "--by", "SENDIAS adviser", "--on", "2026-11-30"],
                          cwd=ROOT, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "Checked by SENDIAS adviser on 30 November 2026." in done.stdout
    found = subprocess.run([*run, "find", "Penrose"], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    assert "(no date given; it mentions April 2021). Checked by SENDIAS adviser on 30 November 2026." in found.stdout
    unchecked = subprocess.run([*run, "unchecked"], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    assert "Penrose" not in unchecked.stdout.splitlines()
    for arguments, says in [
        (["Pnerose", "--by", "SENDIAS adviser"], "no service is called 'Pnerose'. Did you mean: Penrose"),
        (["Kooth", "--by", "SENDIAS adviser", "--on", "2999-01-01"], "2999-01-01 is in the future"),
        (["Kooth", "--by", "  "], "confirmed_by (who checked it) is missing"),
        (["Kooth", "--by", "kim@example.org"], "no contact details"),
    ]:
        refused = subprocess.run([*run, "confirm", *arguments], cwd=ROOT, env=env, capture_output=True, text=True)
        assert refused.returncode == 1 and says in refused.stderr, refused.stderr
    assert "Kooth" in subprocess.run([*run, "unchecked"], cwd=ROOT, env=env, capture_output=True, text=True,
                                     check=True).stdout.splitlines()


def test_staff_command_exports_and_imports(engine, tmp_path: Path) -> None:
    url = engine.url.render_as_string(hide_password=False)
    env = {"DATABASE_URL": url, "PATH": "/usr/bin:/bin"}
    out = tmp_path / "out.csv"
    run = [sys.executable, "-m", "send_guide.services"]
    subprocess.run([sys.executable, "-m", "send_guide.database", "upgrade"], cwd=ROOT, env=env, check=True)
    subprocess.run([*run, "export", str(out)], cwd=ROOT, env=env, check=True, capture_output=True)
    assert len(out.read_text(encoding="utf-8").splitlines()) == len(SEED) + 1
    result = subprocess.run([*run, "import", str(out)], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0 and f"Imported {len(SEED)}" in result.stdout
    out.write_text(out.read_text(encoding="utf-8").replace("01582 548187", "999999"), encoding="utf-8")
    refused = subprocess.run([*run, "import", str(out)], cwd=ROOT, env=env, capture_output=True, text=True)
    assert refused.returncode == 1 and "is not a UK phone number" in refused.stderr


def test_the_seed_file_holds_only_known_contacts() -> None:
    """The directory keeps its own copy of each number (staff edit it as data): each must be one
    of send_guide/content/contacts.yml's, so a number changed there is found here too."""
    from send_guide.contacts import all_contacts

    known = {entry.tel for entry in all_contacts().values() if entry.phone}
    for row in SEED:
        if row["phone"]:
            assert "".join(ch for ch in row["phone"] if ch.isdigit()) in known, row["name"]


def test_topic_needs_and_category_buttons_are_consistent() -> None:
    assert set(TOPIC_NEEDS.values()) <= set(categories())
    assert set(TOPIC_NEEDS) <= set(domain()["intents"])


def with_typo(name: str) -> str:
    """The name with two letters swapped in its longest word ("Penrose" -> "Pnerose")."""
    words = name.split()
    longest = max(range(len(words)), key=lambda i: len(words[i]))
    word = words[longest]
    at = next((i for i in range(1, len(word) - 1) if word[i] != word[i + 1]), None)
    if at is not None:
        words[longest] = word[:at] + word[at + 1] + word[at] + word[at + 2:]
    return " ".join(words)


@pytest.mark.parametrize("row", SEED, ids=lambda row: row["name"])
def test_every_service_is_findable_with_a_typo(engine, row) -> None:
    seeded(engine)
    typo = with_typo(row["name"])
    assert typo != row["name"]
    assert row["name"] in search(engine, typo), typo
