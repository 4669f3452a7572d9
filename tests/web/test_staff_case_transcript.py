"""The case page reads the conversation from Rasa after its database transaction has ended
(issue 19): on SQLite an open write transaction holds the lock, and Rasa's answer can take up to
5 seconds. A stand-in for Rasa's HTTP API writes to the same database while it answers: it can
only do so if the web server holds no lock then."""

import datetime as dt
import json
import sqlite3
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Iterator

import pytest
import requests

from send_guide.database.engine import make_engine, session_factory
from send_guide.database.schema import migrate
from send_guide.triage.cases import CallBackRequest, open_case
from send_guide.triage.staff import add_staff
from send_guide.triage.urgency import Level, Urgency
from tests.web.conftest import PASSWORD
from tools.servers import ROOT, running_web_server

NOW = dt.datetime.now(dt.timezone.utc)


class StandInForRasa(ThreadingHTTPServer):
    database: str
    wrote: list[bool]


class _Handler(BaseHTTPRequestHandler):
    server: StandInForRasa

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        try:  # another writer of the staff database, as the action server is, with a short wait
            with sqlite3.connect(self.server.database, timeout=0.5) as connection:
                connection.execute("UPDATE triage_case SET best_time = best_time")
            self.server.wrote.append(True)
        except sqlite3.OperationalError:
            self.server.wrote.append(False)
        body = json.dumps({"events": [{"event": "user", "text": "can someone call me back please",
                                       "timestamp": NOW.timestamp()}]}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def stand_in(tmp_path) -> Iterator[StandInForRasa]:
    server = StandInForRasa(("127.0.0.1", 0), _Handler)
    server.database, server.wrote = str(tmp_path / "web.sqlite3"), []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()


def test_the_conversation_is_read_with_no_database_lock_held(stand_in: StandInForRasa) -> None:
    url = f"sqlite:///{stand_in.database}"
    engine = make_engine(url)
    migrate(engine)
    with session_factory(engine)() as session:
        add_staff(session, "transcript.reader", PASSWORD, NOW)
        case = open_case(session, CallBackRequest("conv-transcript", NOW, name="Amina"), Urgency(Level.HIGH, "r"), NOW)
        session.commit()
        reference = case.reference
    engine.dispose()
    rasa = f"http://127.0.0.1:{stand_in.server_address[1]}"
    with running_web_server(rasa, url, log_dir=ROOT / "test-output" / "web-transcript") as site:
        browser = requests.Session()
        assert browser.post(f"{site}/staff/login", data={"username": "transcript.reader", "password": PASSWORD},
                            allow_redirects=False, timeout=30).status_code == 303
        page = browser.get(f"{site}/staff/cases/{reference}", timeout=30)
    assert page.status_code == 200 and "can someone call me back please" in page.text
    assert "transcript.reader" in page.text and reference in page.text
    assert stand_in.wrote == [True], "the web server held the database lock while it waited for Rasa"
