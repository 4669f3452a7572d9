"""Each database test runs twice: on SQLite and on a real PostgreSQL server (started once)."""

from typing import Iterator

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine

from send_guide.database.engine import make_engine
from tools.postgres import temporary_postgres


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    with temporary_postgres() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request, tmp_path) -> Iterator[Engine]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'services.sqlite3'}"
    else:
        url = request.getfixturevalue("postgres_url")
    engine = make_engine(url)
    if engine.dialect.name == "postgresql":
        with engine.begin() as connection:  # every test starts from an empty database
            connection.execute(text("DROP SCHEMA public CASCADE"))
            connection.execute(text("CREATE SCHEMA public"))
    yield engine
    engine.dispose()
