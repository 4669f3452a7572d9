"""The content report's charts over real HTTP: behind the login, SVG images with their own tight
policy, tables and CSV files with the same numbers, counted from Rasa's conversations table."""

import contextlib
import csv
import datetime as dt
import io
import json
import xml.etree.ElementTree as ElementTree
from html.parser import HTMLParser
from typing import Iterator

import pytest
import requests
from rasa.core.tracker_store import SQLTrackerStore

from send_guide import intents
from send_guide.database.engine import make_engine, session_factory
from send_guide.database.schema import migrate
from send_guide.topics import catalogue
from send_guide.triage.content_report import COULD_NOT_ANSWER, week_of
from send_guide.triage.feedback import record
from send_guide.triage.staff import add_staff
from tests.web.conftest import PASSWORD, StaffSite
from tools.servers import free_port, running_web_server
from web.report_charts import CHARTS
from web.staff_report import CHART_POLICY

NOW = dt.datetime.now(dt.timezone.utc)
TOPIC = catalogue().get("holiday_activities")  # rated by no other test here: their counts stay theirs


class Tables(HTMLParser):
    """Each table of a page by its caption's id: rows of cell texts, headings included."""

    def __init__(self, page: str) -> None:
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self._rows: list[list[str]] | None = None
        self._cell: list[str] | None = None
        self.feed(page)

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag == "table":
            self._rows = []
        elif tag == "caption" and self._rows is not None:
            self.tables[dict(attrs).get("id", "")] = self._rows
        elif tag == "tr" and self._rows is not None:
            self._rows.append([])
        elif tag in ("td", "th") and self._rows is not None:
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None and self._rows:
            self._rows[-1].append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "table":
            self._rows = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def conversation_events(site: StaffSite, *events: tuple[str, str | None]) -> None:
    """Messages in Rasa's own `events` table, as Rasa writes them: (intent, language code or None)."""
    table = SQLTrackerStore.SQLEvent.__table__
    SQLTrackerStore.Base.metadata.create_all(site.conversations)
    rows = []
    for intent, language in events:
        parse_data = {"intent": {"name": intent, "confidence": 0.9}, "entities": [], "text": "private words"}
        if language:
            parse_data["language"] = {"code": language, "reason": "picked"}
        rows.append({"sender_id": "web-report", "type_name": "user", "intent_name": intent,
                     "timestamp": NOW.timestamp(), "data": json.dumps(
                         {"event": "user", "text": "private words", "parse_data": parse_data})})
    with site.conversations.begin() as connection:
        connection.execute(table.insert(), rows)


def csv_rows(browser: requests.Session, site: StaffSite, name: str) -> list[list[str]]:
    reply = browser.get(f"{site.url}/staff/report/{name}.csv", timeout=30)
    assert reply.status_code == 200 and reply.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert reply.content.startswith(b"\xef\xbb\xbf"), "a byte order mark, for spreadsheet programs"
    assert reply.headers["Content-Disposition"].startswith(f'attachment; filename="sendias-report-{name}-')
    return list(csv.reader(io.StringIO(reply.content.decode("utf-8-sig"))))


def as_in_csv(shown: list[list[str]], in_csv: list[list[str]]) -> list[list[str]]:
    """A table from the page written as the CSV writes it: weeks as dates ("30 Nov" is 2026-11-30),
    counts without separators, percentages to one decimal (checked to the page's whole number)."""
    weeks = {f"{dt.date.fromisoformat(name):%-d %b}": name for name, *_ in in_csv[1:] if name[:2] == "20"}
    weeks |= {f"{dt.date.fromisoformat(name):%-d %b}": name for name in in_csv[0] if name[:2] == "20"}
    written = []
    for row, csv_row in zip(shown, in_csv, strict=True):
        line = []
        for cell, csv_cell in zip(row, csv_row, strict=True):
            cell = weeks.get(cell, cell).replace(",", "")
            if cell.endswith("%") and csv_cell and round(float(csv_cell)) == int(cell[:-1]):
                cell = csv_cell
            line.append("" if cell == "–nothing to count" else cell)  # the dash is hidden from screen readers
        written.append(line)
    return written


def this_week(rows: list[list[str]]) -> list[str]:
    return next(row for row in rows if row[0] == week_of(NOW).isoformat())


@pytest.fixture(scope="module")
def editor(staff_site: StaffSite) -> requests.Session:
    return staff_site.logged_in(staff_site.add_staff("chart.reader"))


def test_the_counts_of_new_questions_and_ratings_show_in_the_csv_and_the_tables(staff_site: StaffSite,
                                                                                editor) -> None:
    conversation_events(staff_site, (intents.GREET, None))  # Rasa's table exists from here on
    before = {name: csv_rows(editor, staff_site, name) for name in CHARTS}
    conversation_events(staff_site, (TOPIC.intent, None), (TOPIC.intent, None), (TOPIC.intent, "pl"),
                        (intents.FALLBACK, "pl"), (intents.THANKS, "pl"), (intents.AFFIRM, None))
    with staff_site.db() as session:
        record(session, "conv-chart", TOPIC.intent, False, "bus pass", NOW)
        record(session, "conv-chart", TOPIC.intent, True, "bus pass", NOW)
        session.commit()
    after = {name: csv_rows(editor, staff_site, name) for name in CHARTS}

    def added(name: str, row: list[str], column: int) -> int:
        old = next((line for line in before[name] if line[0] == row[0]), None)
        return int(row[column]) - (int(old[column]) if old else 0)

    topics_this_week = [(row[0], added("topics", row, -2)) for row in after["topics"][1:]]
    assert (TOPIC.title, 3) in topics_this_week and (COULD_NOT_ANSWER, 1) in topics_this_week
    assert ("All questions", 4) in topics_this_week
    week = this_week(after["answers"])
    assert [added("answers", week, column) for column in (1, 2, 4, 5)] == [4, 1, 2, 1]
    languages = {row[0]: added("languages", row, 1) for row in after["languages"][1:]}
    assert languages["Polish (pl)"] == 2 and languages["English (en)"] == 2

    page = editor.get(f"{staff_site.url}/staff/report", timeout=30)
    assert page.status_code == 200 and "private words" not in page.text
    shown = Tables(page.text).tables
    for name in CHARTS:
        assert as_in_csv(shown[f"{name}-caption"], after[name]) == after[name], name
        assert f'<img src="/staff/report/{name}.svg" alt="' in page.text
        assert f'href="/staff/report/{name}.csv"' in page.text
    topic_row = next(row for row in shown["topics-caption"] if row[0] == TOPIC.title)
    assert topic_row[1:] == next(row for row in after["topics"] if row[0] == TOPIC.title)[1:]


@pytest.mark.parametrize("name", sorted(CHARTS))
def test_each_chart_is_an_svg_image_with_text_labels_and_its_own_tight_policy(staff_site: StaffSite, editor,
                                                                               name: str) -> None:
    conversation_events(staff_site, (TOPIC.intent, "ur"))
    reply = editor.get(f"{staff_site.url}/staff/report/{name}.svg", timeout=60)
    assert reply.status_code == 200 and reply.headers["Content-Type"] == "image/svg+xml"
    assert reply.headers["Content-Security-Policy"] == CHART_POLICY
    assert "script-src" not in CHART_POLICY and CHART_POLICY.startswith("default-src 'none'")
    assert reply.headers["Cache-Control"] == "no-store" and reply.headers["X-Content-Type-Options"] == "nosniff"
    svg = ElementTree.fromstring(reply.content)
    assert svg.tag == "{http://www.w3.org/2000/svg}svg"
    assert b"Verdana, sans-serif" in reply.content, "a computer without matplotlib's font shows one like it"
    assert not [element for element in svg.iter() if element.tag.endswith("script")]
    words = " ".join(text for element in svg.iter() if element.tag.endswith("text") for text in element.itertext())
    expected = {"topics": TOPIC.title, "answers": "Could not answer", "languages": "Urdu"}[name]
    assert expected in words, "the labels are text, not drawn shapes"
    assert f"{week_of(NOW):%-d %b}" in words or name == "languages"


def test_the_staff_pages_keep_their_own_policy(staff_site: StaffSite, editor) -> None:
    reply = editor.get(f"{staff_site.url}/staff/report", timeout=30)
    assert reply.headers["Content-Security-Policy"] != CHART_POLICY
    assert "style-src 'self'" in reply.headers["Content-Security-Policy"]
    assert "unsafe-inline" not in reply.headers["Content-Security-Policy"]


def test_the_charts_and_numbers_need_a_login(staff_site: StaffSite) -> None:
    for name in CHARTS:
        for suffix in ("svg", "csv"):
            reply = requests.get(f"{staff_site.url}/staff/report/{name}.{suffix}", allow_redirects=False,
                                 timeout=30)
            assert reply.status_code == 303 and reply.headers["Location"] == "/staff/login"
            assert b"<svg" not in reply.content and b"Questions" not in reply.content


@contextlib.contextmanager
def own_server(tmp_path, **env: str) -> Iterator[tuple[str, requests.Session]]:
    """A web server of its own with `env`, and a staff member logged in to it."""
    database = f"sqlite:///{tmp_path / 'web.sqlite3'}"
    engine = make_engine(database)
    migrate(engine)
    with session_factory(engine)() as session:
        add_staff(session, "chart.drawer", PASSWORD, NOW)
        session.commit()
    engine.dispose()
    env.setdefault("CONVERSATIONS_DATABASE_URL", f"sqlite:///{tmp_path / 'conversations.sqlite3'}")
    with running_web_server(f"http://127.0.0.1:{free_port()}", database, log_dir=tmp_path, extra_env=env) as url:
        browser = requests.Session()
        browser.post(f"{url}/staff/login", data={"username": "chart.drawer", "password": PASSWORD}, timeout=30)
        yield url, browser


def test_a_chart_is_drawn_when_matplotlibs_settings_folder_cannot_be_made(tmp_path) -> None:
    """MPLCONFIGDIR under a file: matplotlib must fall back to a temporary folder, and the server
    must draw the chart (web/report_charts.py loads matplotlib only when a chart is asked for)."""
    settings_folder = tmp_path / "a-file" / "matplotlib"
    settings_folder.parent.write_text("not a folder")
    with own_server(tmp_path, MPLCONFIGDIR=str(settings_folder)) as (url, browser):
        reply = browser.get(f"{url}/staff/report/topics.svg", timeout=60)
        assert reply.status_code == 200 and reply.content.lstrip().startswith(b"<?xml")
        assert browser.get(f"{url}/staff/report", timeout=30).status_code == 200


def test_the_rest_of_the_report_shows_when_the_conversations_cannot_be_read(tmp_path) -> None:
    nowhere = f"postgresql+psycopg2://nobody@127.0.0.1:{free_port()}/conversations"  # nothing listens there
    with own_server(tmp_path, CONVERSATIONS_DATABASE_URL=nowhere) as (url, browser):
        page = browser.get(f"{url}/staff/report", timeout=60)
        assert page.status_code == 200
        assert "cannot be read just now" in page.text and "<img" not in page.text
        assert "Least helpful answers" in page.text and "Translations to check" in page.text
        for suffix in ("svg", "csv"):
            reply = browser.get(f"{url}/staff/report/topics.{suffix}", timeout=60)
            assert reply.status_code == 503 and "cannot be read just now" in reply.text
