"""Migrations run only in the set-up step; servers and commands check the schema and name that step.

On real SQLite and PostgreSQL: an empty or older database is refused with the command to run, the
set-up step brings it to the newest migration and fills the directory once, and the staff web
server and the action server stop at start on a database the set-up step has not brought up to date.
"""

import os
import subprocess
import sys

import pytest
from sqlalchemy import func, select

from send_guide.database.__main__ import main as database_command
from send_guide.database.engine import session_factory
from send_guide.database.schema import (
    UPGRADE_COMMAND,
    SchemaNotCurrent,
    current_revision,
    downgrade,
    migrate,
    newest_revision,
    require_current_schema,
)
from send_guide.services.model import Service
from tools.servers import ROOT

BIN = os.path.dirname(sys.executable)


def _url(engine) -> str:
    return engine.url.render_as_string(hide_password=False)


def test_an_empty_database_is_refused_with_the_set_up_command(engine) -> None:
    with pytest.raises(SchemaNotCurrent) as refused:
        require_current_schema(engine)
    assert "is empty" in str(refused.value) and UPGRADE_COMMAND in str(refused.value)


def test_an_older_schema_is_refused_and_names_both_migrations(engine) -> None:
    migrate(engine)
    downgrade(engine, "0007")
    with pytest.raises(SchemaNotCurrent) as refused:
        require_current_schema(engine)
    assert "at migration 0007" in str(refused.value) and f"needs migration {newest_revision()}" in str(refused.value)


def test_the_set_up_step_migrates_and_seeds_once(engine, monkeypatch, capsys) -> None:
    monkeypatch.setenv("DATABASE_URL", _url(engine))
    assert database_command(["check"]) == 1
    assert database_command(["upgrade"]) == 0
    assert current_revision(engine) == newest_revision()
    require_current_schema(engine)
    assert database_command(["check"]) == 0
    with session_factory(engine)() as session:
        seeded = session.execute(select(func.count()).select_from(Service)).scalar_one()
    assert seeded > 0
    assert database_command(["upgrade"]) == 0  # again: nothing changes, nothing is seeded twice
    with session_factory(engine)() as session:
        assert session.execute(select(func.count()).select_from(Service)).scalar_one() == seeded
    assert "filled from the seed file" in capsys.readouterr().out


@pytest.mark.parametrize("server", ["web", "actions"])
def test_a_server_does_not_start_on_a_database_not_set_up(tmp_path, server: str) -> None:
    url = f"sqlite:///{tmp_path / 'not-set-up.sqlite3'}"
    command = {
        "web": [sys.executable, "scripts/serve_widget.py", "--port", "0", "--bot-url", "http://127.0.0.1:9"],
        "actions": [os.path.join(BIN, "rasa"), "run", "actions", "--actions", "actions", "--port", "0"],
    }[server]
    env = dict(os.environ, DATABASE_URL=url, RASA_TELEMETRY_ENABLED="false", SANIC_HOST="127.0.0.1")
    finished = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=180)
    assert finished.returncode != 0
    assert UPGRADE_COMMAND in finished.stdout + finished.stderr
