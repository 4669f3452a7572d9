"""The widget in other languages: picker, localised words, each message's lang and dir."""

import json
import re

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, Route, expect

from send_guide.languages.replies import language_messages
from tests.browser.test_widget import ANSWER_TIMEOUT, ask, bot_messages, open_widget
from tools.servers import ROOT

LOCALES = ROOT / "widget" / "src" / "locales"


def locale(code: str) -> dict:
    return json.loads((LOCALES / f"{code}.json").read_text(encoding="utf-8"))


def strings(code: str) -> dict:
    return locale(code)["strings"]


def english_not_checked() -> str:
    script = (ROOT / "widget" / "src" / "send-guide-widget.js").read_text(encoding="utf-8")
    return re.search(r'notChecked: "([^"]+)"', script).group(1)


def serve_locale(page: Page, code: str, content: dict) -> None:
    """The widget gets this locale file instead of the real one (to show a reviewed one, say)."""
    def fulfil(route: Route) -> None:
        route.fulfill(status=200, content_type="application/json", body=json.dumps(content))

    page.route(f"**/widget/locales/{code}.json", fulfil)


def pick(page: Page, code: str) -> None:
    page.get_by_label("Language").select_option(code)
    expect(page.locator("#sg-panel")).to_have_attribute("lang", code)


def test_urdu_typed_in_automatic_mode_gets_an_urdu_start_then_the_english_answer(page: Page) -> None:
    open_widget(page)
    ask(page, "میں اپنے بیٹے کے لیے ای ایچ سی اسیسمنٹ کی درخواست کیسے دوں؟")
    notice = bot_messages(page).nth(1).locator(".sg-text")
    expect(notice).to_have_attribute("lang", "ur", timeout=ANSWER_TIMEOUT)
    expect(notice).to_have_attribute("dir", "rtl")
    expect(notice).to_contain_text(language_messages("ur").text("answer_follows")[:20])
    expect(notice.locator('a[href="tel:01582548156"]')).to_have_attribute("translate", "no")
    answer = bot_messages(page).nth(2).locator(".sg-text")
    expect(answer).to_have_attribute("lang", "en", timeout=ANSWER_TIMEOUT)
    expect(answer).to_contain_text("assessment")


def test_picking_a_language_changes_the_widget_words_and_is_sent_with_each_message(page: Page) -> None:
    open_widget(page)
    pick(page, "pl")
    polish = strings("pl")
    expect(page.get_by_label(polish["inputLabel"])).to_be_visible()
    expect(page.get_by_role("button", name=polish["send"])).to_be_visible()
    page.get_by_label(polish["inputLabel"]).fill("how do I ask for an EHC needs assessment?")
    page.get_by_label(polish["inputLabel"]).press("Enter")
    notice = bot_messages(page).nth(1).locator(".sg-text")
    expect(notice).to_have_attribute("lang", "pl", timeout=ANSWER_TIMEOUT)
    expect(notice).to_contain_text("Luton SENDIAS")
    page.reload()
    expect(page.get_by_label(polish["language"])).to_have_value("pl")
    expect(page.get_by_label(polish["inputLabel"])).to_be_visible()


def test_arabic_lays_the_widget_out_right_to_left_without_accessibility_violations(page: Page) -> None:
    open_widget(page)
    pick(page, "ar")
    expect(page.locator("#sg-panel")).to_have_attribute("dir", "rtl")
    arabic = strings("ar")
    page.get_by_label(arabic["inputLabel"]).fill("ما هي الميزانية الشخصية؟")
    page.get_by_label(arabic["inputLabel"]).press("Enter")
    expect(bot_messages(page).nth(2)).to_be_visible(timeout=ANSWER_TIMEOUT)
    assert page.locator("#sg-panel").evaluate("node => getComputedStyle(node).direction") == "rtl"
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_back_to_automatic_sends_no_language(page: Page) -> None:
    open_widget(page)
    pick(page, "ro")
    page.get_by_label(strings("ro")["language"]).select_option("")
    expect(page.get_by_label("Type your question")).to_be_visible()
    ask(page, "what is a personal budget?")
    answer = bot_messages(page).nth(1).locator(".sg-text")
    expect(answer).to_have_attribute("lang", "en", timeout=ANSWER_TIMEOUT)


# --- words no fluent speaker has checked yet ------------------------------------------------------


def test_a_draft_language_shows_that_a_fluent_speaker_has_not_checked_it(page: Page) -> None:
    assert locale("pl")["review"]["status"] == "draft", "pick a language whose locale is still a draft"
    open_widget(page)
    note = page.locator("#sg-not-checked")
    expect(note).to_be_hidden()
    pick(page, "pl")
    expect(note).to_be_visible()
    expect(note.locator('p[lang="pl"]')).to_have_text(strings("pl")["notChecked"])
    expect(note.locator('p[lang="en"]')).to_have_text(english_not_checked())
    # Heard with the menu by a screen reader user, not only seen.
    menu = page.get_by_label(strings("pl")["language"])
    expect(menu).to_have_accessible_description(f'{strings("pl")["notChecked"]} {english_not_checked()}')
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    menu.select_option("en")
    expect(note).to_be_hidden()
    expect(page.get_by_label("Language")).not_to_have_attribute("aria-describedby", "sg-not-checked")


def test_a_right_to_left_draft_language_shows_the_line_in_its_own_direction(page: Page) -> None:
    open_widget(page)
    pick(page, "ur")
    own = page.locator('#sg-not-checked p[lang="ur"]')
    expect(own).to_have_text(strings("ur")["notChecked"])
    expect(own).to_have_attribute("dir", "rtl")
    expect(page.locator('#sg-not-checked p[lang="en"]')).to_have_attribute("dir", "ltr")


def test_a_reviewed_language_shows_no_line(page: Page) -> None:
    reviewed = {**locale("ro"), "review": {"status": "reviewed", "reviewer": "A. Popescu", "date": "2026-12-01"}}
    serve_locale(page, "ro", reviewed)
    open_widget(page)
    pick(page, "ro")
    expect(page.get_by_label(strings("ro")["inputLabel"])).to_be_visible()
    expect(page.locator("#sg-not-checked")).to_be_hidden()
    expect(page.get_by_label(strings("ro")["language"])).to_have_accessible_description("")


def test_the_line_is_text_and_a_half_filled_review_counts_as_draft(page: Page) -> None:
    marked_up = {**locale("pa"), "review": {"status": "reviewed", "reviewer": "", "date": ""}}
    marked_up["strings"] = {**marked_up["strings"], "notChecked": '<img src="x" alt="x"><b>not checked</b>'}
    serve_locale(page, "pa", marked_up)
    open_widget(page)
    pick(page, "pa")
    own = page.locator('#sg-not-checked p[lang="pa"]')
    expect(own).to_have_text('<img src="x" alt="x"><b>not checked</b>')
    expect(page.locator("#sg-not-checked img, #sg-not-checked b")).to_have_count(0)
