"""The widget in other languages: picker, localised words, each message's lang and dir."""

import json

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from send_guide.languages.replies import language_messages
from tests.browser.test_widget import ANSWER_TIMEOUT, ask, bot_messages, open_widget
from tools.servers import ROOT

LOCALES = ROOT / "widget" / "src" / "locales"


def strings(code: str) -> dict:
    return json.loads((LOCALES / f"{code}.json").read_text(encoding="utf-8"))["strings"]


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
