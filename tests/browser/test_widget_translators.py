"""The widget under a page translator (issue 19, item 11). Councils offer other languages through a
"Translate this page" toolbar, which rewrites text nodes: Google Translate's website widget puts
each one in <font style="vertical-align: inherit;"><font>...</font></font>. The chat must go on
working after that, and leave phone numbers, case references and what the family typed alone."""

import json
import re

from playwright.sync_api import Page, expect

from tests.browser.test_widget import ANSWER_TIMEOUT, ask, bot_messages, open_widget

MARK = "[translated] "

# As a page translator does: every text node in the widget that is not marked translate="no" or
# class="notranslate" (and not already translated) is replaced by translated text in <font>s.
TRANSLATE_PAGE = """(mark) => {
  const root = document.querySelector('.sg-root');
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes = [];
  while (walker.nextNode()) nodes.push(walker.currentNode);
  let done = 0;
  for (const node of nodes) {
    const parent = node.parentElement;
    if (!node.nodeValue.trim() || parent.closest('[translate="no"], .notranslate, font, option')) continue;
    const outer = document.createElement('font');
    outer.setAttribute('style', 'vertical-align: inherit;');
    const inner = document.createElement('font');
    inner.setAttribute('style', 'vertical-align: inherit;');
    inner.textContent = mark + node.nodeValue;
    outer.appendChild(inner);
    parent.replaceChild(outer, node);
    done += 1;
  }
  return done;
}"""


def translate_page(page: Page) -> int:
    return page.evaluate(TRANSLATE_PAGE, MARK)


def watch_for_errors(page: Page) -> list[str]:
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    return errors


def test_the_chat_goes_on_working_after_a_translator_rewrites_its_text(page: Page, widget_site: str) -> None:
    errors = watch_for_errors(page)
    page.goto(widget_site)
    open_widget(page)
    ask(page, "show me the topics")
    expect(page.locator(".sg-quick-reply").first).to_be_visible(timeout=ANSWER_TIMEOUT)
    assert translate_page(page) > 10
    expect(bot_messages(page).last).to_contain_text(MARK)
    expect(page.locator(".sg-quick-reply").first).to_contain_text(MARK)

    # A translated button still works, clicked on its translated words; the typing line it shows
    # is translated at once, before the answer comes.
    count = bot_messages(page).count()
    title = page.locator(".sg-quick-reply").first.inner_text().removeprefix(MARK)
    status = page.evaluate("(mark) => { document.querySelector('.sg-quick-reply font font').click(); ("
                           + TRANSLATE_PAGE + ")(mark); return document.querySelector('.sg-status').innerHTML; }",
                           MARK)
    assert re.fullmatch(r'<font style="vertical-align: inherit;"><font style="vertical-align: inherit;">'
                        + re.escape(MARK) + "The SEND Guide is typing…</font></font>", status), status
    expect(page.locator(".sg-user").last).to_contain_text(title)
    expect(bot_messages(page)).not_to_have_count(count, timeout=ANSWER_TIMEOUT)
    expect(page.locator(".sg-buttons").first.locator(".sg-quick-reply").first).to_be_disabled()
    expect(page.get_by_role("status")).to_have_text("")  # the typing line went, though it was translated

    # New messages still appear, with links, after the text around them was rewritten again.
    translate_page(page)
    count = bot_messages(page).count()
    ask(page, "What's the number for the SEN assessment team?")
    expect(page.locator('.sg-log a[href="tel:01582548187"]').first).to_be_visible(timeout=ANSWER_TIMEOUT)
    expect(bot_messages(page)).not_to_have_count(count)
    expect(page.get_by_role("status")).to_have_text("")

    # The widget's own words change, its buttons work, and "Start again" clears the log.
    translate_page(page)
    page.get_by_label("Language").select_option("pl")
    expect(page.locator(".sg-subtitle")).to_contain_text("Pomoc")
    page.get_by_label("Język").select_option("en")
    expect(page.locator(".sg-subtitle")).to_have_text("Help with special educational needs and disabilities")
    translate_page(page)
    page.locator(".sg-restart").click()
    expect(bot_messages(page)).to_have_count(1)
    ask(page, "what is a SENCO")
    expect(page.locator(".sg-log")).to_contain_text("Co-ordinator", timeout=ANSWER_TIMEOUT)
    translate_page(page)
    page.locator(".sg-close").click()
    expect(page.locator("#sg-panel")).to_be_hidden()
    page.locator(".sg-launcher").click()
    expect(page.locator("#sg-panel")).to_be_visible()
    assert errors == []


def test_numbers_and_what_the_family_typed_are_kept_out_of_translation(page: Page) -> None:
    open_widget(page)
    typed = "What's the number for the SEN assessment team?"
    ask(page, typed)
    phone = page.locator('.sg-log a[href="tel:01582548187"]').first
    expect(phone).to_be_visible(timeout=ANSWER_TIMEOUT)
    mine = page.locator(".sg-user .sg-text").last
    name = page.locator(".sg-card-name").first
    for protected in (phone, mine, name):
        expect(protected).to_have_attribute("translate", "no")
        expect(protected).to_have_class(re.compile(r"\bnotranslate\b"))
    # The messages are in the page's own document, where a translator reaches them.
    assert page.evaluate("""() => {
      const root = document.querySelector('.sg-root');
      return root.getRootNode() === document
        && document.querySelector('.sg-log .sg-bot .sg-text') !== null
        && root.querySelectorAll('iframe').length === 0
        && [...root.querySelectorAll('*')].every(node => node.shadowRoot === null);
    }""")
    translate_page(page)
    expect(phone).to_have_text("01582 548187")
    expect(mine).to_have_text(typed)
    assert phone.locator("font").count() == 0 and mine.locator("font").count() == 0
    expect(bot_messages(page).last).to_contain_text(MARK)  # the rest was translated
    # A button's words shown as "you said" are the assistant's: they may be translated.
    ask(page, "show me the topics")
    button = page.locator(".sg-quick-reply:enabled").first
    expect(button).to_be_visible(timeout=ANSWER_TIMEOUT)
    button.click()
    expect(page.locator(".sg-user .sg-text").last).not_to_have_attribute("translate", "no")


def press(page: Page, title: str, then: str) -> None:
    page.locator(".sg-quick-reply:enabled", has_text=title).first.click()
    expect(page.locator(".sg-log")).to_contain_text(then, timeout=ANSWER_TIMEOUT)


def test_a_finished_call_back_keeps_its_answers_and_its_reference_is_not_translated(page: Page) -> None:
    open_widget(page)
    ask(page, "can someone call me back please")
    log = page.locator(".sg-log")
    expect(log).to_contain_text("Do you agree?", timeout=ANSWER_TIMEOUT)
    press(page, "Yes, I agree", "What name")
    ask(page, "Amina Testname")
    expect(log).to_contain_text("phone number or e-mail", timeout=ANSWER_TIMEOUT)
    ask(page, "020 7946 0123")
    expect(log).to_contain_text("good time", timeout=ANSWER_TIMEOUT)
    for title, then in (("I'd rather not say", "interpreter"), ("No, English is fine", "parent or carer"),
                        ("I'd rather not say", "How old"), ("I'd rather not say", "EHC"),
                        ("I'd rather not say", "date the adviser should know"), ("No date", "what would you like"),
                        ("I'd rather not say", "Shall I send this"), ("Yes, send it", "Your reference is")):
        press(page, title, then)
    reference = page.locator(".sg-log .sg-ref")
    expect(reference).to_have_text(re.compile(r"^CB-[A-Z2-9]{6}$"))
    expect(reference).to_have_attribute("translate", "no")
    expect(reference).to_have_class(re.compile(r"\bnotranslate\b"))
    number = reference.inner_text()
    translate_page(page)
    expect(reference).to_have_text(number)
    # Kept with consent: the tab keeps the conversation, answers too.
    ask(page, "what is a SENCO")
    expect(log).to_contain_text("Co-ordinator", timeout=ANSWER_TIMEOUT)
    state = page.evaluate("() => JSON.parse(sessionStorage.getItem('send-guide'))")
    assert "Amina Testname" in json.dumps(state["history"]) and "form" not in state
