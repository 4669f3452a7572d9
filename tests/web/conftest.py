"""The real web server (scripts/serve_widget.py) on a fresh SQLite database, with one staff account,
and a conversations database of its own (Rasa's `events` table, for the content report)."""

import datetime as dt
from dataclasses import dataclass
from typing import Iterator

import pytest
import requests
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from send_guide.database.engine import make_engine, session_factory
from send_guide.database.schema import migrate
from send_guide.triage.staff import add_staff
from tools.servers import ROOT, free_port, running_web_server

PASSWORD = "a long test passphrase"
RETENTION_DAYS = "45"  # not the default, so the privacy notice is seen to follow the setting


@dataclass
class StaffSite:
    url: str
    engine: Engine
    conversations: Engine  # Rasa's conversations: no table until a test makes one

    def db(self) -> Session:
        return session_factory(self.engine)()

    def add_staff(self, name: str) -> str:
        with self.db() as session:
            add_staff(session, name, PASSWORD, dt.datetime.now(dt.timezone.utc))
            session.commit()
        return name

    def logged_in(self, name: str) -> requests.Session:
        browser = requests.Session()
        reply = browser.post(f"{self.url}/staff/login", data={"username": name, "password": PASSWORD},
                             allow_redirects=False, timeout=30)
        assert reply.status_code == 303, reply.text
        return browser


@pytest.fixture(scope="session")
def staff_site(tmp_path_factory) -> Iterator[StaffSite]:
    folder = tmp_path_factory.mktemp("web")
    database, conversations = folder / "web.sqlite3", f"sqlite:///{folder / 'conversations.sqlite3'}"
    engine = make_engine(f"sqlite:///{database}")
    migrate(engine)
    nobody = f"http://127.0.0.1:{free_port()}"  # no assistant: transcripts are "cannot be shown"
    with running_web_server(nobody, f"sqlite:///{database}", log_dir=ROOT / "test-output" / "web",
                            extra_env={"RETENTION_DAYS": RETENTION_DAYS, "CONVERSATIONS_DATABASE_URL": conversations,
                                       "SEND_GUIDE_WEB_PROXIES_COUNT": "1"}) as url:
        yield StaffSite(url, engine, make_engine(conversations))
    engine.dispose()
