"""The widget across turns (issue 19, item 10): earlier buttons switch off, one socket however often
the chat is opened, a kind message when a reply does not come, and a call back stopped with nothing
kept is forgotten by the browser tab too."""

import json
import re

from playwright.sync_api import Page, expect

from tests.browser.test_widget import ANSWER_TIMEOUT, ask, bot_messages, open_widget

LATE = "the answer is taking too long"


def stored_history(page: Page) -> list[dict]:
    return page.evaluate("() => JSON.parse(sessionStorage.getItem('send-guide')).history")


def test_earlier_buttons_are_switched_off_once_a_newer_message_is_sent(page: Page) -> None:
    open_widget(page)
    ask(page, "show me the topics")
    earlier = page.locator(".sg-buttons").first.locator(".sg-quick-reply")
    expect(earlier.first).to_be_enabled(timeout=ANSWER_TIMEOUT)
    assert earlier.count() >= 2
    title = earlier.first.inner_text()
    count = bot_messages(page).count()
    earlier.first.click()
    expect(page.locator(".sg-user").last).to_have_text(re.compile(re.escape(title)))
    expect(bot_messages(page)).not_to_have_count(count, timeout=ANSWER_TIMEOUT)
    for number in range(earlier.count()):
        expect(earlier.nth(number)).to_be_disabled()
    said = page.locator(".sg-user").count()
    earlier.nth(1).click(force=True)
    # Even if something on the page turns a button back on, a click on it sends nothing.
    earlier.nth(1).evaluate("button => { button.disabled = false; button.click(); }")
    assert page.locator(".sg-user").count() == said, "an earlier button sent a message"
    # A typed message switches off the buttons shown before it too.
    groups = page.locator(".sg-buttons")
    shown = groups.count()
    ask(page, "show me the topics")
    expect(groups).not_to_have_count(shown, timeout=ANSWER_TIMEOUT)
    newer = groups.nth(shown).locator(".sg-quick-reply")
    expect(newer.first).to_be_enabled()
    ask(page, "what is a SENCO")
    expect(newer.first).to_be_disabled()
    expect(page.locator(".sg-log")).to_contain_text("Co-ordinator", timeout=ANSWER_TIMEOUT)
    # And after a reload they are still off.
    page.reload()
    expect(page.locator(".sg-log")).to_contain_text("Co-ordinator")
    buttons = page.locator(".sg-buttons .sg-quick-reply")
    assert buttons.count() > 0
    for number in range(buttons.count()):
        expect(buttons.nth(number)).to_be_disabled()


def test_opening_the_chat_again_while_socket_io_loads_makes_one_socket_and_one_answer(page: Page,
                                                                                       widget_site: str) -> None:
    held, released = [], []

    def hold(route) -> None:
        if released:
            route.continue_()
        else:
            held.append(route)

    page.route("**/vendor/socket.io.min.js", hold)
    sockets: list[str] = []
    page.on("websocket", lambda socket: sockets.append(socket.url) if "socket.io" in socket.url else None)
    page.goto(widget_site)
    open_widget(page)
    page.get_by_role("button", name="Close the chat").click()
    open_widget(page)  # socket.io has not loaded yet
    released.append(True)
    for route in held:
        route.continue_()
    ask(page, "what is a SENCO")
    expect(page.locator(".sg-log")).to_contain_text("Co-ordinator", timeout=ANSWER_TIMEOUT)
    ask(page, "what is a personal budget")
    expect(page.locator(".sg-user")).to_have_count(2)
    expect(bot_messages(page).last).not_to_contain_text("Co-ordinator", timeout=ANSWER_TIMEOUT)
    expect(page.locator(".sg-bot", has_text="Co-ordinator")).to_have_count(1)
    assert len(sockets) == 1, sockets


def test_a_reply_that_never_comes_gets_a_kind_message_and_nothing_typed_is_lost(page: Page,
                                                                                  widget_site: str) -> None:
    page.clock.install()
    page.route("**/vendor/socket.io.min.js", lambda route: route.abort())  # REST, which we hold
    held = []
    page.route("**/webhooks/rest/webhook", lambda route: held.append(route))
    page.goto(widget_site)
    open_widget(page)
    ask(page, "what is a SENCO")
    status = page.get_by_role("status")
    box = page.get_by_label("Type your question")
    expect(status).to_contain_text("typing")
    expect(box).to_have_value("")
    page.clock.fast_forward(31_000)
    expect(status).to_contain_text(LATE)
    expect(status).to_contain_text("You can send your message again, or phone Luton SENDIAS on 01582 548156.")
    expect(status).not_to_contain_text("typing")
    expect(page.locator(".sg-user").last).to_contain_text("what is a SENCO")
    expect(box).to_have_value("what is a SENCO")
    assert [entry["text"] for entry in stored_history(page) if entry["from"] == "user"] == ["what is a SENCO"]
    # If the answer comes after all, it is shown and the message goes.
    for _ in range(100):
        if held:
            break
        page.wait_for_timeout(100)
    held[0].continue_()
    expect(page.locator(".sg-log")).to_contain_text("Co-ordinator", timeout=ANSWER_TIMEOUT)
    expect(status).to_have_text("")


def test_a_button_pressed_without_an_answer_works_again_after_the_kind_message(page: Page,
                                                                                  widget_site: str) -> None:
    page.clock.install()
    page.route("**/vendor/socket.io.min.js", lambda route: route.abort())
    page.goto(widget_site)
    open_widget(page)
    ask(page, "show me the topics")
    button = page.locator(".sg-quick-reply").first
    expect(button).to_be_enabled(timeout=ANSWER_TIMEOUT)
    page.route("**/webhooks/rest/webhook", lambda route: None)  # from now on, no answer comes
    button.click()
    expect(button).to_be_disabled()
    page.clock.fast_forward(31_000)
    expect(page.get_by_role("status")).to_contain_text(LATE)
    expect(button).to_be_enabled()
    expect(page.get_by_label("Type your question")).to_have_value("")  # a button's words are not put back


def test_a_call_back_stopped_with_nothing_kept_is_forgotten_by_the_browser_tab_too(page: Page) -> None:
    open_widget(page)
    ask(page, "can someone call me back please")
    log = page.locator(".sg-log")
    expect(log).to_contain_text("Do you agree?", timeout=ANSWER_TIMEOUT)
    page.get_by_role("button", name="Yes, I agree").click()
    for answer, next_question in (("Amina Testname", "phone number or e-mail"), ("020 7946 0123", "good time"),
                                  ("cancel", "Nothing has been kept")):
        ask(page, answer)
        expect(log).to_contain_text(next_question, timeout=ANSWER_TIMEOUT)
    ask(page, "what is a SENCO")  # the assistant's messages arrive in order: the form's end came before
    expect(log).to_contain_text("Co-ordinator", timeout=ANSWER_TIMEOUT)
    kept = json.dumps(stored_history(page))
    for answer in ("Amina Testname", "020 7946 0123", "What name"):
        assert answer not in kept
    assert "can someone call me back please" in kept and "Nothing has been kept" in kept and "SENCO" in kept
    assert "form" not in page.evaluate("() => JSON.parse(sessionStorage.getItem('send-guide'))")
    page.reload()
    expect(log).to_contain_text("Nothing has been kept")
    expect(log).not_to_contain_text("Amina Testname")
