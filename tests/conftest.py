"""Test-wide set-up: actions that look up services use a throw-away SQLite directory, never the
project's own var/ database (set DATABASE_URL to test against another database)."""

import os

import pytest


@pytest.fixture(autouse=True, scope="session")
def services_database(tmp_path_factory) -> str:
    if "DATABASE_URL" not in os.environ:
        os.environ["DATABASE_URL"] = f"sqlite:///{tmp_path_factory.mktemp('services') / 'services.sqlite3'}"
    return os.environ["DATABASE_URL"]
