"""Migration 0004 on real SQLite and PostgreSQL: the unchecked "last verified" date goes, rows and
their categories stay, and a confirmation is who and when or nothing. Down and up again."""

import datetime as dt

import pytest
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.pool import StaticPool

from send_guide.database.schema import downgrade, migrate

OLD_DATE = dt.date(2026, 11, 25)


def columns(engine) -> set[str]:
    return {column["name"] for column in inspect(engine).get_columns("service")}


def at_0003_with_two_services(engine) -> None:
    """The schema before 0004, holding services as the old seed wrote them."""
    migrate(engine, "0003")
    with engine.begin() as connection:
        for number, name in enumerate(["Penrose", "Kooth"], start=1):
            connection.execute(text("INSERT INTO service (id, name, source, last_verified) "
                                    "VALUES (:id, :name, '001', :d)"), {"id": number, "name": name, "d": OLD_DATE})
            connection.execute(text("INSERT INTO service_category (service_id, category) VALUES (:id, 'housing')"),
                               {"id": number})


def rows(engine, query: str) -> list[tuple]:
    with engine.connect() as connection:
        return [tuple(row) for row in connection.execute(text(query))]


def test_upgrade_drops_the_unchecked_date_and_keeps_every_row_and_category(engine) -> None:
    at_0003_with_two_services(engine)
    migrate(engine)
    assert "last_verified" not in columns(engine)
    assert {"confirmed_by", "confirmed_on"} <= columns(engine)
    assert rows(engine, "SELECT name, confirmed_by, confirmed_on FROM service ORDER BY id") == [
        ("Penrose", "", None), ("Kooth", "", None)]
    # SQLite rebuilds the table: with foreign keys on, dropping the old one would have emptied this.
    assert rows(engine, "SELECT service_id, category FROM service_category ORDER BY service_id") == [
        (1, "housing"), (2, "housing")]
    with engine.begin() as connection:  # the categories still follow their service
        connection.execute(text("DELETE FROM service WHERE name = 'Kooth'"))
    assert rows(engine, "SELECT service_id FROM service_category") == [(1,)]


@pytest.mark.parametrize(("by", "on"), [("SENDIAS adviser", None), ("", dt.date(2026, 12, 1))],
                         ids=["a name without a day", "a day without a name"])
def test_the_database_refuses_half_a_confirmation(engine, by: str, on) -> None:
    at_0003_with_two_services(engine)
    migrate(engine)
    with pytest.raises(IntegrityError), engine.begin() as connection:
        connection.execute(text("UPDATE service SET confirmed_by = :by, confirmed_on = :on WHERE name = 'Penrose'"),
                           {"by": by, "on": on})
    with pytest.raises(IntegrityError), engine.begin() as connection:  # the name is still unique
        connection.execute(text("INSERT INTO service (name, source) VALUES ('Penrose', '001')"))


def test_downgrade_and_upgrade_again(engine) -> None:
    at_0003_with_two_services(engine)
    migrate(engine)
    with engine.begin() as connection:
        connection.execute(text("UPDATE service SET confirmed_by = 'SENDIAS adviser', confirmed_on = :on "
                                "WHERE name = 'Kooth'"), {"on": dt.date(2026, 12, 1)})
    downgrade(engine, "0003")
    assert "last_verified" in columns(engine) and not {"confirmed_by", "confirmed_on"} & columns(engine)
    assert not next(c for c in inspect(engine).get_columns("service") if c["name"] == "last_verified")["nullable"]
    # The old code needs a date: the person's check where there was one, else what the row had before.
    assert rows(engine, "SELECT name, last_verified FROM service ORDER BY id") in (
        [("Penrose", OLD_DATE), ("Kooth", dt.date(2026, 12, 1))],
        [("Penrose", OLD_DATE.isoformat()), ("Kooth", "2026-12-01")],  # SQLite returns text to raw SQL
    )
    assert len(rows(engine, "SELECT * FROM service_category")) == 2
    migrate(engine)
    assert rows(engine, "SELECT name, confirmed_by, confirmed_on FROM service ORDER BY id") == [
        ("Penrose", "", None), ("Kooth", "", None)]
    assert len(rows(engine, "SELECT * FROM service_category")) == 2


def test_a_migration_leaves_sqlite_foreign_keys_on(tmp_path) -> None:
    """They are switched off while a migration runs; a connection kept in a pool must not stay so."""
    engine = create_engine(f"sqlite:///{tmp_path / 'fk.sqlite3'}", future=True, poolclass=StaticPool)
    migrate(engine)
    with engine.connect() as connection:  # StaticPool: the very connection the migration used
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    engine.dispose()
