"""A call back asked for in the widget, then handled on the staff page, in one real browser each."""

import datetime as dt
import json
import re
from typing import Iterator

import docx
import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from send_guide.database.engine import make_engine, session_factory
from send_guide.database.schema import migrate
from send_guide.triage.staff import add_staff
from tests.browser.conftest import OUTPUT, Site
from tests.browser.test_widget import ANSWER_TIMEOUT, ask, bot_messages, open_widget
from tools.servers import ROOT

PASSWORD = "browser test passphrase"
REFERENCE = re.compile(r"CB-[A-Z2-9]{6}")


@pytest.fixture(scope="module")
def adviser(site: Site) -> str:
    engine = make_engine(site.database_url)
    migrate(engine)
    with session_factory(engine)() as session:
        add_staff(session, "adviser", PASSWORD, dt.datetime.now(dt.timezone.utc))
        session.commit()
    engine.dispose()
    return "adviser"


@pytest.fixture
def staff_page(browser: Browser, site: Site) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


def say(page: Page, message: str) -> str:
    """Send a message in the widget and wait for the answer; returns the newest bot message."""
    count = bot_messages(page).count()
    ask(page, message)
    expect(bot_messages(page)).not_to_have_count(count, timeout=ANSWER_TIMEOUT)
    page.wait_for_timeout(300)  # a reply may come as more than one message
    return bot_messages(page).last.inner_text()


def log_in(page: Page, site: Site, name: str) -> None:
    page.goto(site.url + "staff")
    expect(page).to_have_url(re.compile(r"/staff/login$"))
    page.get_by_label("Name").fill(name)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Call-back queue")).to_be_visible()


def no_axe_violations(page: Page) -> None:
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_a_call_back_asked_for_in_the_widget_is_in_the_staff_queue_with_its_urgency(
        page: Page, staff_page: Page, site: Site, adviser: str) -> None:
    open_widget(page)
    say(page, "how do I appeal a decision?")
    say(page, "can someone call me back please")
    expect(page.locator(".sg-log")).to_contain_text("Do you agree?")
    decision = dt.date.today() - dt.timedelta(days=55)  # the appeal window closes in about 5 days
    for answer in ("yes", "Browser Parent", "01582 548156", "weekday mornings", "no", "Parent or carer",
                   "Year 6", "final plan", f"decision letter dated {decision:%d/%m/%Y}",
                   "I want help to appeal <b>the decision</b>"):
        say(page, answer)
    expect(page.locator(".sg-log")).to_contain_text("Shall I send this")
    say(page, "yes")
    reference = REFERENCE.search(page.locator(".sg-log").inner_text()).group()

    log_in(staff_page, site, adviser)
    no_axe_violations(staff_page)
    row = staff_page.get_by_role("row").filter(has_text=reference)
    expect(row).to_contain_text("Urgent")
    expect(row).to_contain_text("appeal")
    expect(row).to_contain_text("Browser Parent")
    row.get_by_role("link", name=reference).click()

    expect(staff_page.get_by_role("heading", name=f"Case {reference}")).to_be_visible()
    summary = staff_page.locator(".summary")
    expect(summary).to_contain_text("01582 548156")
    expect(summary).to_contain_text("weekday mornings")
    expect(summary).to_contain_text("I want help to appeal <b>the decision</b>")  # as text, not markup
    # The reading of what the family wrote before the call back, at the top: no situation in one question.
    expect(staff_page.locator(".situation")).to_contain_text("Questions asked")
    transcript = staff_page.locator(".transcript")
    expect(transcript).to_contain_text("can someone call me back please")
    expect(transcript).to_contain_text("Do you agree?")
    no_axe_violations(staff_page)
    staff_page.screenshot(path=str(OUTPUT / "staff-case.png"), full_page=True)

    staff_page.get_by_role("button", name="Mark as contacted").click()
    expect(staff_page.locator(".history")).to_contain_text("adviser")
    expect(staff_page.locator(".summary")).to_contain_text("contacted")


def test_the_staff_page_shows_nothing_to_a_visitor_who_is_not_logged_in(staff_page: Page, site: Site) -> None:
    for path in ("staff", "staff/report", "staff/cases/CB-AAAAAA", "staff/export.csv"):
        staff_page.goto(site.url + path)
        expect(staff_page).to_have_url(re.compile(r"/staff/login$"))
        expect(staff_page.get_by_role("heading", name="Log in to the call-back queue")).to_be_visible()
        expect(staff_page.get_by_role("navigation")).to_have_count(0)
    no_axe_violations(staff_page)


def test_a_wrong_password_is_announced_and_the_form_stays_usable(staff_page: Page, site: Site, adviser: str) -> None:
    staff_page.goto(site.url + "staff/login")
    staff_page.get_by_label("Name").fill(adviser)
    staff_page.get_by_label("Password").fill("not the password")
    staff_page.get_by_role("button", name="Log in").click()
    expect(staff_page.get_by_role("alert")).to_contain_text("The name or the password is wrong")
    expect(staff_page.get_by_label("Name")).to_have_value(adviser)
    no_axe_violations(staff_page)


def test_the_answer_report_lists_the_translations_to_check_accessibly(staff_page: Page, site: Site,
                                                                      adviser: str) -> None:
    log_in(staff_page, site, adviser)
    staff_page.get_by_role("link", name="Answer report").click()
    expect(staff_page.get_by_role("heading", name="Translations to check")).to_be_visible()
    table = staff_page.locator("table.translations")
    polish_words = table.get_by_role("row").filter(has_text="widget/src/locales/pl.json")
    expect(polish_words).to_contain_text("Polish (pl)")
    status = json.loads((ROOT / "widget/src/locales/pl.json").read_text(encoding="utf-8"))["review"]["status"]
    expect(polish_words.get_by_role("cell").nth(3)).to_have_text(status)
    expect(table.get_by_role("columnheader")).to_have_text(["Language", "Part", "File", "Status", "Reviewer", "Date"])
    no_axe_violations(staff_page)


def test_an_adviser_reads_a_pasted_email_and_opens_a_case_from_it(staff_page: Page, site: Site, adviser: str) -> None:
    letter = dt.date.today() - dt.timedelta(days=55)  # the appeal window closes in about 5 days
    email = (f"Hello,\nMy son Ruairi is 9. The council said no to an EHC needs assessment. The decision letter is "
             f"dated {letter:%d/%m/%Y}. I am exhausted. Should I appeal?\n<b>Thank you</b>")
    log_in(staff_page, site, adviser)
    staff_page.get_by_role("main").get_by_role("link", name="Read a message").click()
    expect(staff_page.get_by_role("heading", name="Read a message", level=1)).to_be_visible()
    no_axe_violations(staff_page)
    staff_page.get_by_label("The message or your notes").fill(email)
    staff_page.get_by_role("button", name="Read the message").click()
    expect(staff_page.get_by_role("heading", name="What the assistant reads")).to_be_visible()
    expect(staff_page.locator(".reading")).to_contain_text("Situation: The council said no to an assessment")
    expect(staff_page.locator(".urgency-line")).to_contain_text("Urgent")
    expect(staff_page.locator("table.deadlines")).to_contain_text("The last day to appeal to the SEND Tribunal is")
    expect(staff_page.locator(".reply")).to_contain_text("This is information, not legal advice.")
    expect(staff_page.get_by_label("The message or your notes")).to_have_value(email)  # to read again or change
    no_axe_violations(staff_page)
    staff_page.screenshot(path=str(OUTPUT / "staff-read.png"), full_page=True)

    staff_page.get_by_label("Phone").fill("01582 548156")
    staff_page.get_by_role("button", name="Open a case from this").click()
    expect(staff_page.get_by_role("heading", name=re.compile(r"^Case CB-"))).to_be_visible()
    situation = staff_page.locator(".situation")
    expect(situation).to_contain_text("The council said no to an assessment")
    expect(situation).to_contain_text("days left")
    expect(staff_page.locator(".summary")).to_contain_text("01582 548156")
    expect(staff_page.get_by_role("main")).not_to_contain_text("Ruairi")  # the message was not kept
    expect(staff_page.locator(".urgency-line")).to_contain_text("Urgent")
    no_axe_violations(staff_page)
    staff_page.screenshot(path=str(OUTPUT / "staff-case-from-message.png"), full_page=True)


def test_an_adviser_makes_a_letter_from_a_case_with_its_dates_and_downloads_it(
        staff_page: Page, site: Site, adviser: str, tmp_path) -> None:
    email = ("Hello, we asked the council for an EHC needs assessment for my daughter. The council received our "
             "request on 6 January 2025. We still have no plan. Can you help?")
    log_in(staff_page, site, adviser)
    staff_page.get_by_role("main").get_by_role("link", name="Read a message").click()
    staff_page.get_by_label("The message or your notes").fill(email)
    staff_page.get_by_role("button", name="Read the message").click()
    staff_page.get_by_label("Name").fill("Amina Khan")
    staff_page.get_by_label("Phone").fill("01582 548156")
    staff_page.get_by_role("button", name="Open a case from this").click()
    expect(staff_page.get_by_role("heading", name="Letters")).to_be_visible()
    staff_page.get_by_label("Make a letter with this case's dates filled in").select_option(
        label="The final EHC plan is late (20 weeks)")
    staff_page.get_by_role("button", name="Start the letter").click()
    expect(staff_page.get_by_role("heading", name=re.compile("^Make a letter"))).to_be_visible()
    request = staff_page.get_by_label("On what date did the council receive the request for an assessment?")
    expect(request).to_have_value("Monday 6 January 2025")
    expect(staff_page.get_by_label("Name to sign with")).to_have_value("Amina Khan")
    no_axe_violations(staff_page)
    staff_page.get_by_label(re.compile("^What is your child's full name")).fill("Sam Khan")
    staff_page.get_by_role("button", name="Make the letter").click()
    listed = staff_page.locator("ul.letters li")
    expect(listed).to_have_count(1)
    expect(listed).to_contain_text("The final EHC plan is late (20 weeks), made")
    no_axe_violations(staff_page)
    with staff_page.expect_download() as download:
        listed.get_by_role("link", name=re.compile("^Word file")).click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    text = "\n".join(paragraph.text for paragraph in docx.Document(str(saved)).paragraphs)
    assert "That date was Monday 26 May 2025." in text and "Sam Khan" in text and "01582 548156" in text
