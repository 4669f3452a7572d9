"""The widget in Chromium: open, ask, click, reload, keyboard only, XSS as text, accessibility."""

import contextlib
import json
import re
from typing import Iterator

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect
from sqlalchemy import text

from send_guide.database.engine import make_engine
from tests.browser.conftest import OUTPUT

ANSWER_TIMEOUT = 30_000  # ms: the first answer waits for the socket.io connection


def open_widget(page: Page) -> None:
    page.get_by_role("button", name="Ask the SEND Guide").click()
    expect(page.get_by_label("Type your question")).to_be_focused()


def ask(page: Page, question: str) -> None:
    page.get_by_label("Type your question").fill(question)
    page.get_by_label("Type your question").press("Enter")


def bot_messages(page: Page):
    return page.locator(".sg-log .sg-bot")


def test_ask_a_question_and_see_the_answer_with_a_phone_link(page: Page) -> None:
    open_widget(page)
    expect(page.get_by_role("button", name="Ask the SEND Guide")).to_have_attribute("aria-expanded", "true")
    ask(page, "What's the number for the SEN assessment team?")
    expect(page.locator(".sg-log")).to_contain_text("01582 548187", timeout=ANSWER_TIMEOUT)
    phone = page.locator('.sg-log a[href="tel:01582548187"]').first
    expect(phone).to_have_attribute("translate", "no")
    expect(page.locator(".sg-card-name").first).to_contain_text("SEN Assessment Team")
    OUTPUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUTPUT / "widget-open.png"))


def test_quick_reply_buttons_send_their_payload(page: Page) -> None:
    open_widget(page)
    ask(page, "show me the topics")
    first = page.locator(".sg-quick-reply").first
    expect(first).to_be_visible(timeout=ANSWER_TIMEOUT)
    title = first.inner_text()
    count = bot_messages(page).count()
    first.click()
    expect(page.locator(".sg-user").last).to_have_text(re.compile(re.escape(title)))
    expect(bot_messages(page)).not_to_have_count(count, timeout=ANSWER_TIMEOUT)


def widget_state(page: Page) -> dict:
    return page.evaluate("() => JSON.parse(Object.values(sessionStorage).find(v => v.includes('sessionId')))")


def test_a_reload_keeps_the_conversation(page: Page) -> None:
    open_widget(page)
    ask(page, "what is a SENCO")
    expect(page.locator(".sg-log")).to_contain_text("Co-ordinator", timeout=ANSWER_TIMEOUT)
    before = widget_state(page)
    # The live chat (socket.io) carried it: the server made the conversation id and gave its key.
    assert re.fullmatch(r"[0-9a-f]{32}", before["sessionId"]) and re.fullmatch(r"[0-9a-f]{64}", before["sessionKey"])
    page.reload()
    expect(page.locator(".sg-log")).to_contain_text("what is a SENCO")
    expect(page.locator(".sg-log")).to_contain_text("Co-ordinator")
    if page.get_by_role("button", name="Ask the SEND Guide").get_attribute("aria-expanded") != "true":
        open_widget(page)
    count = bot_messages(page).count()
    ask(page, "what is a personal budget")
    expect(bot_messages(page)).not_to_have_count(count, timeout=ANSWER_TIMEOUT)
    after = widget_state(page)
    assert after["sessionId"] == before["sessionId"], "the server took the id and its key: the same conversation"


def test_keyboard_only(page: Page) -> None:
    launcher = page.get_by_role("button", name="Ask the SEND Guide")
    for _ in range(10):  # tab through the page until the launcher has focus
        page.keyboard.press("Tab")
        if launcher.evaluate("node => node === document.activeElement"):
            break
    expect(launcher).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_label("Type your question")).to_be_focused()
    page.keyboard.type("how do I ask for an EHC assessment?")
    page.keyboard.press("Enter")
    expect(page.locator(".sg-log")).to_contain_text("Source:", timeout=ANSWER_TIMEOUT)
    page.keyboard.press("Escape")
    expect(page.locator("#sg-panel")).to_be_hidden()
    expect(launcher).to_be_focused()
    expect(launcher).to_have_attribute("aria-expanded", "false")


def test_html_in_messages_is_shown_as_text(page: Page) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    open_widget(page)
    payload = '<img src=x onerror="alert(1)"><script>alert(2)</script>'
    ask(page, payload)
    expect(page.locator(".sg-user").last).to_contain_text(payload)
    expect(bot_messages(page).last).to_be_visible(timeout=ANSWER_TIMEOUT)
    assert page.locator(".sg-log img, .sg-log script").count() == 0
    assert dialogs == []


def test_the_embedding_settings_run_under_a_policy_without_unsafe_inline(browser, widget_site: str) -> None:
    """Issue 17, item 11: the page's inline settings run by their hash, and nothing is blocked."""
    context = browser.new_context()
    page = context.new_page()
    blocked = []
    page.on("console", lambda message: blocked.append(message.text) if "Content Security Policy" in message.text
            else None)
    page.goto(widget_site)
    open_widget(page)
    assert page.evaluate("window.SendGuideConfig.title") == "SEND Guide"
    ask(page, "hello")
    expect(bot_messages(page)).to_have_count(2, timeout=ANSWER_TIMEOUT)
    assert blocked == []
    context.close()


def test_no_accessibility_violations(page: Page) -> None:
    axe = Axe()
    open_widget(page)
    assert axe.run(page).violations_count == 0, axe.run(page).generate_report()
    ask(page, "mediation service contact")
    expect(page.locator(".sg-card").first).to_be_visible(timeout=ANSWER_TIMEOUT)
    results = axe.run(page)
    assert results.violations_count == 0, results.generate_report()


def test_right_to_left_text_is_laid_out_right_to_left(page: Page) -> None:
    open_widget(page)
    ask(page, "میرے بچے کو مدد چاہیے")
    message = page.locator(".sg-user .sg-text").last
    expect(message).to_have_attribute("dir", "auto")
    assert message.evaluate("node => getComputedStyle(node).direction") == "rtl"


def test_new_messages_do_not_steal_focus(page: Page) -> None:
    open_widget(page)
    ask(page, "hello")
    expect(bot_messages(page)).to_have_count(2, timeout=ANSWER_TIMEOUT)
    expect(page.get_by_label("Type your question")).to_be_focused()


def test_rest_is_used_when_socket_io_cannot_load(page: Page, widget_site: str) -> None:
    page.route("**/vendor/socket.io.min.js", lambda route: route.abort())
    page.goto(widget_site)
    open_widget(page)
    ask(page, "what is a SENCO")
    expect(page.locator(".sg-log")).to_contain_text("Co-ordinator", timeout=ANSWER_TIMEOUT)


def test_a_message_typed_before_the_live_chat_connects_is_in_the_same_conversation(page: Page, site) -> None:
    """The server names the live chat's conversation: a first message sent over REST before that
    started a conversation of its own, and the story before a call back was lost to the adviser."""
    held = []
    # The live chat's script arrives late.
    page.route("**/vendor/socket.io.min.js", lambda route: held.append(route))
    page.goto(site.url)
    open_widget(page)
    ask(page, "how do I appeal a decision?")
    page.wait_for_timeout(1000)
    expect(bot_messages(page)).to_have_count(1)  # only the greeting: the question waits for the live chat
    held[0].continue_()
    expect(page.locator(".sg-log")).to_contain_text("Tribunal", timeout=ANSWER_TIMEOUT)
    ask(page, "what is a SENCO")
    expect(page.locator(".sg-log")).to_contain_text("Co-ordinator", timeout=ANSWER_TIMEOUT)
    conversation = page.evaluate("() => JSON.parse(sessionStorage.getItem('send-guide')).sessionId")
    engine = make_engine(site.conversations_url)
    typed: list[str] = []
    # The live chat shows each answer as the turn makes it; Rasa saves the turn just after, so wait for it.
    for _ in range(50):
        with engine.connect() as connection:
            typed = [json.loads(data)["text"] for (data,) in connection.execute(text(
                "SELECT data FROM events WHERE sender_id = :id AND type_name = 'user' ORDER BY id"),
                {"id": conversation})]
        if len(typed) >= 2:
            break
        page.wait_for_timeout(100)
    engine.dispose()
    assert typed == ["how do I appeal a decision?", "what is a SENCO"]


def test_a_clear_message_when_the_bot_cannot_be_reached(page: Page, widget_site: str) -> None:
    page.route("**/vendor/socket.io.min.js", lambda route: route.abort())
    page.route("**/webhooks/rest/webhook", lambda route: route.abort())
    page.goto(widget_site)
    open_widget(page)
    ask(page, "hello")
    expect(page.get_by_role("status")).to_contain_text("cannot reach", timeout=ANSWER_TIMEOUT)
    expect(page.get_by_role("status")).to_contain_text("01582 548156")


@contextlib.contextmanager
def widget_on_screen(browser, widget_site: str, width: int, height: int) -> Iterator[Page]:
    """The demo page in a browser window of the given size, the widget open."""
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    try:
        page.goto(widget_site)
        open_widget(page)
        yield page
    finally:
        context.close()


def test_reflows_on_a_small_screen_with_big_enough_targets(browser, widget_site: str) -> None:
    with widget_on_screen(browser, widget_site, 320, 640) as page:
        ask(page, "show me the topics")
        expect(page.locator(".sg-quick-reply").first).to_be_visible(timeout=ANSWER_TIMEOUT)
        assert page.evaluate("document.documentElement.scrollWidth") <= 320
        for button in page.locator(".sg-root button:visible").all():
            box = button.bounding_box()
            assert box and box["width"] >= 24 and box["height"] >= 24, button.inner_text()


def test_on_a_phone_the_launcher_does_not_cover_the_input_or_send_button(browser, widget_site: str) -> None:
    with widget_on_screen(browser, widget_site, 420, 800) as page:
        for target in (page.get_by_label("Type your question"), page.get_by_role("button", name="Send")):
            box = target.bounding_box()
            middle = (box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
            on_top = page.evaluate("([x, y]) => document.elementFromPoint(x, y).className", list(middle))
            assert on_top == target.get_attribute("class"), f"covered by {on_top}"
        page.get_by_role("button", name="Close the chat").click()
        expect(page.get_by_role("button", name="Ask the SEND Guide")).to_be_focused()


def test_the_privacy_notice_is_one_link_away(page: Page, widget_site: str) -> None:
    open_widget(page)
    link = page.get_by_role("link", name="How we use your information")
    expect(link).to_be_visible()
    notice = page.request.get(widget_site.rstrip("/") + link.get_attribute("href"))
    assert notice.ok and "90 days" in notice.text() and "Only advisers at Luton SENDIAS" in notice.text()


def test_the_newest_answer_can_be_rated(page: Page) -> None:
    open_widget(page)
    ask(page, "what is a personal budget?")
    rating = page.get_by_role("group", name="Was this answer helpful?")
    expect(rating).to_have_count(1, timeout=ANSWER_TIMEOUT)
    rating.get_by_role("button", name="No").click()
    expect(page.locator(".sg-user").last).to_have_text(re.compile("No, this did not help"))
    expect(page.locator(".sg-log")).to_contain_text("I am sorry that did not help", timeout=ANSWER_TIMEOUT)
    expect(rating).to_have_count(0)


def test_a_message_about_harm_gets_the_crisis_contacts_first_with_a_call_back_offer(page: Page) -> None:
    open_widget(page)
    count = bot_messages(page).count()
    ask(page, "my partner hits me and I am scared")
    expect(bot_messages(page)).not_to_have_count(count, timeout=ANSWER_TIMEOUT)
    first_reply = bot_messages(page).nth(count)
    expect(first_reply).to_contain_text("phone 999")
    expect(first_reply).to_contain_text("Childline: 0800 1111")
    expect(first_reply).to_contain_text("0808 800 5000")  # NSPCC, for a child at risk
    expect(first_reply).to_contain_text("0808 2000 247")  # National Domestic Abuse Helpline
    expect(page.locator(".sg-quick-reply", has_text="Ask for a call back")).to_be_visible()


def test_a_service_card_says_where_its_details_come_from_and_that_staff_have_not_checked_them(page: Page) -> None:
    open_widget(page)
    ask(page, "What's the number for the SEN assessment team?")
    card = page.locator(".sg-card", has_text="SEN Assessment Team").first
    expect(card).to_be_visible(timeout=ANSWER_TIMEOUT)
    line = card.locator(".sg-card-provenance")
    expect(line).to_have_text('Details from: Luton Council, "Education, Health and Care needs assessment" page '
                              "(2022). Not yet checked by staff.")
    expect(line).to_be_visible()
    assert line.evaluate("node => node.children.length") == 0  # text only, no markup from data
    expect(card).not_to_contain_text("2026")


def test_a_letter_is_drafted_and_downloaded_from_its_card_without_accessibility_violations(page: Page) -> None:
    open_widget(page)
    ask(page, "can you help me write a letter to ask for an early review of the plan?")
    expect(page.locator(".sg-log")).to_contain_text("Who is writing the letter?", timeout=ANSWER_TIMEOUT)
    page.get_by_role("button", name="I am the parent or carer").click()
    for answer in ("Sam Khan", "skip", "He is being sent home every week.", "skip", "Amina Khan"):
        count = bot_messages(page).count()
        ask(page, answer)
        expect(bot_messages(page)).not_to_have_count(count, timeout=ANSWER_TIMEOUT)
    expect(page.locator(".sg-log")).to_contain_text("Here is your letter", timeout=ANSWER_TIMEOUT)
    page.get_by_role("button", name="Yes, make the files").click()
    card = page.locator(".sg-letter-card")
    expect(card).to_be_visible(timeout=ANSWER_TIMEOUT)
    expect(card.locator(".sg-card-name")).to_have_text("Asking for an early review of the EHC plan")
    with page.expect_download() as download_info:
        card.get_by_role("link", name="Download the letter (Word)").click()
    download = download_info.value
    assert download.suggested_filename == "letter-early-review.docx"
    assert download.path().read_bytes()[:2] == b"PK"  # a Word file is a zip
    with page.expect_download() as pdf_info:
        card.get_by_role("link", name="Download the letter (PDF)").click()
    assert pdf_info.value.path().read_bytes()[:5] == b"%PDF-"
    results = Axe().run(page, context=".sg-letter-card")
    assert results.violations_count == 0, results.generate_report()
