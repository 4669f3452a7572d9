"""The content report in a real browser: questions asked in the widget are counted on the staff
report page, each chart image loads, its table holds the numbers the databases give, the CSV
downloads, and axe finds nothing to fix."""

import csv
import datetime as dt
import io

import pytest
from playwright.sync_api import Browser, Page, expect
from sqlalchemy.orm import Session

from send_guide.database.engine import make_engine, session_factory
from send_guide.database.schema import migrate
from send_guide.time import today_in_england
from send_guide.topics import catalogue
from send_guide.triage.content_report import content_report
from send_guide.triage.report_tables import tables, write_csv
from send_guide.triage.staff import add_staff
from tests.browser.conftest import OUTPUT, Site
from tests.browser.test_staff_page import PASSWORD, log_in, no_axe_violations, say
from tests.browser.test_widget import open_widget
from web.report_charts import CHARTS

EDITOR = "content.lead"


@pytest.fixture(scope="module")
def editor(site: Site) -> str:
    engine = make_engine(site.database_url)
    migrate(engine)
    with session_factory(engine)() as session:
        add_staff(session, EDITOR, PASSWORD, dt.datetime.now(dt.timezone.utc))
        session.commit()
    engine.dispose()
    return EDITOR


def report_now(site: Site):
    """The counts as the databases hold them now, read the way the web server reads them."""
    engine, conversations = make_engine(site.database_url), make_engine(site.conversations_url)
    try:
        with Session(engine) as session, conversations.connect() as connection:
            return content_report(connection, session, today_in_england())
    finally:
        engine.dispose()
        conversations.dispose()


def test_questions_asked_in_the_widget_are_charted_and_tabled_on_the_report(
        page: Page, browser: Browser, site: Site, editor: str) -> None:
    open_widget(page)
    say(page, "what is an EHC plan?")
    say(page, "Co to jest plan EHC i jak go dostać dla mojego syna?")
    say(page, "thank you")  # not a question: not counted

    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    staff = context.new_page()
    try:
        log_in(staff, site, editor)
        staff.get_by_role("link", name="Answer report").click()
        expect(staff.get_by_role("heading", name="Questions each week")).to_be_visible()
        expected = {table.name: table for table in tables(report_now(site))}
        ehcp = catalogue().get("what_is_ehcp").title
        assert any(name == ehcp and cells[-2] >= 1 for name, cells in expected["topics"].rows), \
            "the question asked in the widget is counted this week"
        assert any(name == "Polish (pl)" for name, _cells in expected["languages"].rows)

        for name in CHARTS:
            section = staff.locator("section.chart").filter(has=staff.locator(f"#{name}-title"))
            image = section.get_by_role("img")
            expect(image).to_have_attribute("alt", CHARTS[name].alt(report_now(site)))
            expect(image).to_have_js_property("complete", True)
            assert image.evaluate("image => image.naturalWidth") > 0, f"the {name} chart loads"
            table = section.get_by_role("table")
            expect(table.locator("caption")).to_have_text(expected[name].caption)
            shown = [line.split("\t") for line in table.locator("tbody tr").evaluate_all(
                "rows => rows.map(row => [...row.cells].map(cell => cell.innerText.trim()).join('\\t'))")]
            assert [row[0] for row in shown] == [str(row_name) if not isinstance(row_name, dt.date)
                                                 else f"{row_name:%-d %b}" for row_name, _ in expected[name].rows]
            counts = [[cell for cell in row[1:] if not cell.endswith("%") and "nothing" not in cell] for row in shown]
            assert counts == [[f"{cell:,}" for cell in cells if isinstance(cell, int)]
                              for _name, cells in expected[name].rows], name

            link = section.get_by_role("link", name=f"Download these numbers as a CSV file ({expected[name].title})")
            with staff.expect_download() as download:
                link.click()
            body = download.value.path().read_bytes()
            assert body.startswith(b"\xef\xbb\xbf")
            written = io.StringIO()
            write_csv(expected[name], written)
            assert list(csv.reader(io.StringIO(body.decode("utf-8-sig")))) == \
                list(csv.reader(io.StringIO(written.getvalue())))

        no_axe_violations(staff)
        staff.screenshot(path=str(OUTPUT / "staff-report.png"), full_page=True)
    finally:
        context.close()
