"""Test-wide set-up: actions that look up services use a throw-away SQLite directory, never the
project's own var/ database (set DATABASE_URL to test against another database). It is set up as
`make run` sets up its own: by the set-up step, which migrates and seeds."""

import os

import pytest

from send_guide.database.__main__ import main as set_up_database


@pytest.fixture(autouse=True, scope="session")
def services_database(tmp_path_factory) -> str:
    if "DATABASE_URL" not in os.environ:
        os.environ["DATABASE_URL"] = f"sqlite:///{tmp_path_factory.mktemp('services') / 'services.sqlite3'}"
    set_up_database(["upgrade"])
    return os.environ["DATABASE_URL"]
