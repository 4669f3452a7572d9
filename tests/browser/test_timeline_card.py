"""The EHC timeline card (issue 20) in Chromium: drawn from a real deadline answer at 320 px and
1280 px, left to right and right to left, used with the keyboard only, free of axe violations;
its steps are the deadline engine's dates. And the same timeline on the staff case page."""

import datetime as dt
import re
from typing import Iterator

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from send_guide.database.engine import make_engine, session_factory
from send_guide.deadlines import Event, deadlines_for
from send_guide.time import today_in_england
from send_guide.timeline_card import card_for
from send_guide.triage.staff import add_staff
from tests.browser.conftest import OUTPUT, Site
from tests.browser.test_staff_page import PASSWORD, log_in, no_axe_violations
from tests.browser.test_widget import ANSWER_TIMEOUT, ask, open_widget

REQUEST_DAY = dt.date(2024, 9, 2)
QUESTION = "We asked for an EHC assessment on 2 September 2024. When should we hear? Nothing has come."


@pytest.fixture(scope="module")
def timeline_adviser(site: Site) -> str:
    """An adviser of this module's own (the staff page tests make theirs; the schema is set up)."""
    engine = make_engine(site.database_url)
    with session_factory(engine)() as session:
        add_staff(session, "timeline-adviser", PASSWORD, dt.datetime.now(dt.timezone.utc))
        session.commit()
    engine.dispose()
    return "timeline-adviser"


@pytest.fixture(params=[(320, 640), (1280, 900)], ids=["320px", "1280px"])
def sized_page(request, browser: Browser, widget_site: str) -> Iterator[Page]:
    width, height = request.param
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.goto(widget_site)
    yield page
    context.close()


def expected_card():
    today = today_in_england()
    return card_for(deadlines_for(Event.REQUEST, REQUEST_DAY, today=today), today)


def card_after_question(page: Page, language: str = "") -> None:
    open_widget(page)
    if language:
        page.get_by_label("Language").select_option(language)
        page.locator("#sg-input").fill(QUESTION)  # its label is now in that language
        page.locator("#sg-input").press("Enter")
    else:
        ask(page, QUESTION)
    expect(page.locator(".sg-timeline")).to_be_visible(timeout=ANSWER_TIMEOUT)


def check_steps_match_the_engine(page: Page) -> None:
    card = expected_card()
    steps = page.locator(".sg-timeline .sg-steps > li")
    expect(steps).to_have_count(len(card.steps) + 1)  # and today's marker
    today = steps.nth(card.today_at)
    expect(today).to_have_attribute("aria-current", "date")
    expect(today).to_contain_text(card.today_words)
    shown = [text.strip() for text in page.locator(".sg-timeline .sg-step-date").all_inner_texts()]
    assert shown == [step.date_words for step in card.steps]
    names = page.locator(".sg-timeline .sg-step:not(.sg-today) .sg-step-head > span").all_inner_texts()
    assert names == [step.name for step in card.steps]


def fits(page: Page, width: int) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    box = page.locator(".sg-timeline").bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= width


def test_the_card_shows_the_engines_steps_with_today_marked_and_no_axe_violations(sized_page: Page) -> None:
    card_after_question(sized_page)
    check_steps_match_the_engine(sized_page)
    width = sized_page.viewport_size["width"]
    fits(sized_page, width)
    # Each state in words, not only by colour or shape; the list is a list, the marks are hidden from readers.
    expect(sized_page.locator(".sg-step-late .sg-step-state").first).to_have_text("Late: ")
    expect(sized_page.locator(".sg-step-done .sg-step-state").first).to_have_text("Done: ")
    expect(sized_page.get_by_role("list", name="Your EHC timeline")).to_be_visible()
    for mark in sized_page.locator(".sg-step-mark").all():
        expect(mark).to_have_attribute("aria-hidden", "true")
    # The marks differ in shape: a late step's mark is square, a done step's round.
    radius = "node => getComputedStyle(node).borderTopLeftRadius"
    assert sized_page.locator(".sg-step-late .sg-step-mark").first.evaluate(radius) != \
        sized_page.locator(".sg-step-done .sg-step-mark").first.evaluate(radius)
    results = Axe().run(sized_page)
    assert results.violations_count == 0, results.generate_report()
    sized_page.set_viewport_size({"width": width, "height": 2400})  # the whole conversation in one picture
    sized_page.screenshot(path=str(OUTPUT / f"timeline-card-{width}.png"))


def test_the_card_lays_out_right_to_left_in_urdu(sized_page: Page) -> None:
    card_after_question(sized_page, "ur")
    card = sized_page.locator(".sg-timeline")
    expect(card).to_have_attribute("dir", "rtl")
    expect(card.locator("h3")).to_have_text("آپ کی EHC ٹائم لائن")
    assert card.evaluate("node => getComputedStyle(node).direction") == "rtl"
    # The step's name, date and law are the assistant's English, marked as such.
    expect(card.locator(".sg-step-date").first).to_have_attribute("lang", "en")
    # The mark sits at the start of the line, which is the right-hand side in right-to-left text.
    step = card.locator(".sg-step-done").first
    mark, body = step.locator(".sg-step-mark").bounding_box(), step.locator(".sg-step-body").bounding_box()
    assert mark["x"] > body["x"]
    check_steps_match_the_engine(sized_page)
    fits(sized_page, sized_page.viewport_size["width"])
    results = Axe().run(sized_page)
    assert results.violations_count == 0, results.generate_report()


def test_a_late_step_offers_a_letter_and_a_person_with_the_keyboard_only(page: Page) -> None:
    card_after_question(page)
    toggle = page.locator(".sg-step-late").filter(has_text="The final EHC plan").get_by_role(
        "button", name="What can I do about this?")
    for _ in range(80):  # Tab until the button is reached: it must be in the tab order
        page.keyboard.press("Tab")
        if toggle.evaluate("node => node === document.activeElement"):
            break
    expect(toggle).to_be_focused()
    expect(toggle).to_have_attribute("aria-expanded", "false")
    offers = page.locator("#" + toggle.get_attribute("aria-controls"))
    expect(offers).to_be_hidden()  # closed until asked for
    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(offers.get_by_role("button", name="Talk to a person")).to_be_visible()
    page.keyboard.press("Tab")
    letter = offers.get_by_role("button", name="Help me write a letter")
    expect(letter).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator(".sg-user").last).to_have_text(re.compile("Help me write a letter"))
    expect(page.locator(".sg-log")).to_contain_text("final EHC plan", timeout=ANSWER_TIMEOUT)
    expect(letter).to_be_disabled()  # an older turn's choice, once a newer message is sent


def test_the_card_comes_back_after_a_reload(page: Page) -> None:
    card_after_question(page)
    page.reload()
    check_steps_match_the_engine(page)


def test_the_staff_case_page_shows_the_timeline_beside_the_urgency(browser: Browser, site: Site,
                                                                   timeline_adviser: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    staff_page = context.new_page()
    try:
        log_in(staff_page, site, timeline_adviser)
        staff_page.goto(site.url + "staff/read")
        staff_page.get_by_label("The message or your notes").fill(
            "We asked for an EHC needs assessment on 2 September 2024. The draft plan came on 6 January 2025. "
            "We still have no final plan. What can we do?")
        staff_page.get_by_role("button", name="Read the message").click()
        staff_page.get_by_label("Phone").fill("01582 548156")
        staff_page.get_by_role("button", name="Open a case from this").click()
        expect(staff_page.get_by_role("heading", name=re.compile(r"^Case CB-"))).to_be_visible()
        timeline = staff_page.get_by_role("list", name="Timeline")
        expect(timeline).to_be_visible()
        today = today_in_england()
        final = next(d for d in deadlines_for(Event.REQUEST, REQUEST_DAY, today=today).deadlines
                     if d.rule.key == "final_plan")
        late = timeline.locator(".step-late").filter(has_text="The final EHC plan")
        expect(late).to_contain_text("Late: The final EHC plan")
        expect(late).to_contain_text(final.due.strftime("%A %-d %B %Y"))
        expect(timeline.locator(".step-done").filter(has_text="The council decides whether to assess")).to_have_count(1)
        expect(timeline.locator("[aria-current=date]")).to_contain_text("Today:")
        urgency = staff_page.locator(".case-urgency")
        expect(urgency).to_contain_text("Urgency")
        # Beside it: the urgency box and the timeline share a row on a wide screen.
        assert abs(urgency.bounding_box()["y"] - staff_page.locator(".case-timeline").bounding_box()["y"]) < 5
        no_axe_violations(staff_page)
        staff_page.screenshot(path=str(OUTPUT / "staff-case-timeline.png"), full_page=True)
    finally:
        context.close()
