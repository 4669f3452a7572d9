"""Where the assistant's data files and databases are: one configuration, read from the environment.

Each setting has the repository's own layout as its default, so `make run` needs none of them;
an installed package (a container, another council's copy) points them elsewhere:

    SEND_GUIDE_DATA_DIR         the reviewed data files (services.csv); default data/
    SEND_GUIDE_VAR_DIR          files the running assistant writes (SQLite databases); default var/
    DATABASE_URL                services, call-backs, staff, letters; default a SQLite file in the var folder
    CONVERSATIONS_DATABASE_URL  Rasa's conversations; default another SQLite file in the var folder

Read at call time, not import time, so a test or a command can set them first.
"""

from __future__ import annotations

import os
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent


def data_dir() -> Path:
    return Path(os.environ.get("SEND_GUIDE_DATA_DIR") or REPOSITORY / "data")


def var_dir() -> Path:
    return Path(os.environ.get("SEND_GUIDE_VAR_DIR") or REPOSITORY / "var")


def services_seed_file() -> Path:
    """The reviewed directory file an empty database is filled from."""
    return data_dir() / "services.csv"


def database_url() -> str:
    return os.environ.get("DATABASE_URL") or f"sqlite:///{var_dir() / 'send_guide.sqlite3'}"


def conversations_database_url() -> str:
    return os.environ.get("CONVERSATIONS_DATABASE_URL") or f"sqlite:///{var_dir() / 'conversations.sqlite3'}"
