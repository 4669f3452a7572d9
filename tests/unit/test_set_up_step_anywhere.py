"""The test and benchmark servers' set-up step works from any folder: the benchmarks run a bare
`rasa init` project elsewhere, and from there `make benchmark` stopped (send_guide not found)."""

import os
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect

from tools.servers import set_up_databases


def test_the_set_up_step_runs_from_another_project_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    elsewhere = tmp_path / "bare-rasa-project"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    database = tmp_path / "services.sqlite3"
    env = dict(os.environ, DATABASE_URL=f"sqlite:///{database}", PYTHONPATH="")
    set_up_databases(env)
    assert "alembic_version" in inspect(create_engine(f"sqlite:///{database}")).get_table_names()
