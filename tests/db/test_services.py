"""The services directory on a real database: seed, search, CSV round trip, validated imports."""

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, inspect, select

from send_guide.services import directory
from send_guide.services.db import session_factory
from send_guide.services.model import Service
from send_guide.services.records import RecordErrors, categories
from send_guide.services.search import TOPIC_NEEDS, find_services, services_for_need
from tests.project_files import ROOT, domain

SEED = list(csv.DictReader((ROOT / "data" / "services.csv").open(encoding="utf-8")))


def search(engine, text: str) -> list[str]:
    with session_factory(engine)() as session:
        return [match.service.name for match in find_services(session, text)]


def sorted_by_name(records: list) -> list:
    return sorted(records, key=lambda record: record.name)


def seeded(engine):
    assert directory.ensure_ready(engine) is True
    return engine


def test_seeding_is_idempotent(engine) -> None:
    assert directory.ensure_ready(engine) is True
    assert directory.ensure_ready(engine) is False
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
    rows[5]["last_verified"] = "31/02/2025"
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
                     "line 7: last_verified", "line 9: name"]:
        assert expected in problems, problems
    assert directory.export_text(engine) == before


def test_staff_command_exports_and_imports(engine, tmp_path: Path) -> None:
    url = engine.url.render_as_string(hide_password=False)
    env = {"DATABASE_URL": url, "PATH": "/usr/bin:/bin"}
    out = tmp_path / "out.csv"
    run = [sys.executable, "-m", "send_guide.services"]
    subprocess.run([*run, "export", str(out)], cwd=ROOT, env=env, check=True, capture_output=True)
    assert len(out.read_text(encoding="utf-8").splitlines()) == len(SEED) + 1
    result = subprocess.run([*run, "import", str(out)], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0 and f"Imported {len(SEED)}" in result.stdout
    out.write_text(out.read_text(encoding="utf-8").replace("01582 548187", "999999"), encoding="utf-8")
    refused = subprocess.run([*run, "import", str(out)], cwd=ROOT, env=env, capture_output=True, text=True)
    assert refused.returncode == 1 and "is not a UK phone number" in refused.stderr


def test_the_seed_file_holds_only_known_contacts() -> None:
    from send_guide.content_files import load_content

    known = {"".join(ch for ch in c["phone"] if ch.isdigit()) for c in load_content("contacts.yml")["contacts"]}
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
