"""Migrations 0007 and 0008 on real SQLite and PostgreSQL: the letter_download table comes and goes, cases
stay, a token's hash is unique, a letter kept on a case is deleted with its case, and 0008's conversation
column comes and goes with the letters kept."""

import datetime as dt

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError

from send_guide.database.schema import downgrade, migrate

NOW = dt.datetime(2026, 12, 14, 10, 0, tzinfo=dt.timezone.utc)


def rows(engine, query: str) -> list[tuple]:
    with engine.connect() as connection:
        return [tuple(row) for row in connection.execute(text(query))]


def keep(engine, token_hash: str, case_id: int | None) -> None:
    with engine.begin() as connection:
        connection.execute(text("INSERT INTO letter_download (token_hash, kind, letter, created_at, expires_at, "
                                "case_id) VALUES (:h, 'final-plan-late', '{}', :t, :t, :c)"),
                           {"h": token_hash, "t": NOW, "c": case_id})


def test_0007_goes_up_down_and_up_again_and_follows_its_case(engine) -> None:
    migrate(engine, "0006")
    with engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO triage_case (id, reference, conversation_id, created_at, status, urgency, urgency_reason, "
            "consent_at, name) VALUES (1, 'CB-AAAAAA', 'conv-1', :t, 'new', 3, 'No deadline', :t, 'Amina')"),
            {"t": NOW})
    assert "letter_download" not in inspect(engine).get_table_names()
    migrate(engine, "0007")
    assert {column["name"] for column in inspect(engine).get_columns("letter_download")} == {
        "id", "token_hash", "kind", "letter", "created_at", "expires_at", "case_id"}
    keep(engine, "a" * 64, None)
    keep(engine, "b" * 64, 1)
    with pytest.raises(IntegrityError):
        keep(engine, "a" * 64, None)
    with engine.begin() as connection:
        connection.execute(text("DELETE FROM triage_case"))
    assert rows(engine, "SELECT token_hash FROM letter_download") == [("a" * 64,)]
    downgrade(engine, "0006")
    assert "letter_download" not in inspect(engine).get_table_names()
    migrate(engine, "0007")
    assert rows(engine, "SELECT * FROM letter_download") == []


def test_0008_adds_the_conversation_and_keeps_the_letters(engine) -> None:
    migrate(engine, "0007")
    keep(engine, "a" * 64, None)
    migrate(engine, "0008")
    assert "conversation_id" in {column["name"] for column in inspect(engine).get_columns("letter_download")}
    assert "ix_letter_download_conversation_id" in {index["name"] for index in inspect(engine).get_indexes(
        "letter_download")}
    assert rows(engine, "SELECT token_hash, conversation_id FROM letter_download") == [("a" * 64, None)]
    downgrade(engine, "0007")
    assert "conversation_id" not in {column["name"] for column in inspect(engine).get_columns("letter_download")}
    assert rows(engine, "SELECT token_hash FROM letter_download") == [("a" * 64,)]
    migrate(engine)
