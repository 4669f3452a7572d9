"""The staff page "Read a message" over real HTTP: a pasted e-mail triaged as the queue would, nothing
kept or logged unless the adviser opens a case, and then only the summary and typed contact details."""

import datetime as dt
import json
import re

import requests
from sqlalchemy import func, select

from send_guide.time import today_in_england
from send_guide.triage.message import MAX_CHARS
from send_guide.triage.model import CaseEvent, TriageCase
from send_guide.triage.urgency import Level
from tests.web.conftest import StaffSite
from tests.web.test_staff_page import csrf_of
from tools.nginx import temporary_nginx
from tools.servers import ROOT

WEB_LOG = ROOT / "test-output" / "web" / "web.log"


def story(marker: str, days_ago: int = 55) -> str:
    """A family's e-mail: a refusal to assess with its exact date, so the appeal window closes in
    about 5 days (urgent), a question, distress, and words that must never be kept (the marker)."""
    letter = today_in_england() - dt.timedelta(days=days_ago)
    return (f"Dear SENDIAS,\nMy son {marker} is 9 and in Year 4. He has autism. We asked the council for an "
            f"EHC needs assessment and they said no. The decision letter is dated {letter:%d/%m/%Y}.\n"
            "School say he is doing fine academically. I am exhausted and in tears most nights. "
            "Should I appeal or ask again?\n<script>alert('x')</script>")


def multipart(**fields: str) -> dict:
    """Fields sent as the page's forms send them (multipart/form-data)."""
    return {name: (None, value) for name, value in fields.items()}


def count(site: StaffSite, table) -> int:
    with site.db() as session:
        return session.scalar(select(func.count()).select_from(table))


def read_page(site: StaffSite, name: str) -> tuple[requests.Session, str]:
    browser = site.logged_in(site.add_staff(name))
    page = browser.get(f"{site.url}/staff/read", timeout=30)
    assert page.status_code == 200
    return browser, csrf_of(page.text)


def test_the_queue_links_to_the_page_and_the_page_has_a_labelled_form(staff_site: StaffSite) -> None:
    browser = staff_site.logged_in(staff_site.add_staff("read.link"))
    queue = browser.get(f"{staff_site.url}/staff", timeout=30).text
    assert 'href="/staff/read"' in queue.split("<main", 1)[1], "a link in the queue page itself, not only the menu"
    page = browser.get(f"{staff_site.url}/staff/read", timeout=30).text
    assert "<h1>Read a message</h1>" in page
    assert '<label for="text">' in page and 'id="text" name="text"' in page
    assert "Up to 20,000 characters" in page and 'enctype="multipart/form-data"' in page


def test_a_pasted_message_is_read_with_deadlines_urgency_and_reply_and_nothing_is_kept(staff_site: StaffSite) -> None:
    browser, token = read_page(staff_site, "reader.one")
    cases, events = count(staff_site, TriageCase), count(staff_site, CaseEvent)
    marker = "Zebedee-Quartz"
    reply = browser.post(f"{staff_site.url}/staff/read", files=multipart(csrf=token, text=story(marker)), timeout=60)
    assert reply.status_code == 200
    page = reply.text
    # The reading, as the command line prints it, with the family's words as text.
    assert "Situation: The council said no to an assessment [refused_assessment]" in page
    assert "Question: Should I appeal or ask again?" in page
    assert "Age: 9" in page and "School year: Year 4" in page and "Distress:" in page
    assert "<script>alert" not in page and "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page
    # The deadlines from the exact date, and the urgency the queue would give.
    assert "The last day to appeal to the SEND Tribunal is" in page
    assert "Tribunal Procedure (First-tier Tribunal) (HESC) Rules 2008, rule 20(1)(c)" in page
    assert re.search(r'<span class="urgency urgency-urgent">Urgent</span>\s*Deadline in \d+ days', page)
    # The assistant's reply and its buttons.
    assert "Tell me more" in page and "Talk to a person" in page and "Law:" in page
    # What a case would keep: the summary, with no word of the message.
    summary = page.split('id="open-case"', 1)[1].split("<form", 1)[0]
    assert "The council said no to an assessment" in summary and "Distress" in summary
    assert marker not in summary
    assert count(staff_site, TriageCase) == cases and count(staff_site, CaseEvent) == events
    assert marker not in WEB_LOG.read_text(encoding="utf-8"), "the web server's log never has the text"


def test_harm_in_a_message_makes_it_immediate(staff_site: StaffSite) -> None:
    browser, token = read_page(staff_site, "reader.harm")
    text = "My partner hits me and my son. We are waiting for the council to decide about an assessment."
    page = browser.post(f"{staff_site.url}/staff/read", files=multipart(csrf=token, text=text), timeout=60).text
    assert '<span class="urgency urgency-immediate">Immediate</span>' in page
    assert "harm, abuse, suicide or danger" in page


def test_an_empty_or_too_long_message_is_refused_kindly_and_a_long_one_in_any_script_is_read(
        staff_site: StaffSite) -> None:
    browser, token = read_page(staff_site, "reader.long")
    url = f"{staff_site.url}/staff/read"
    empty = browser.post(url, files=multipart(csrf=token, text="   "), timeout=30)
    assert empty.status_code == 422 and "Paste the message or your notes first." in empty.text
    too_long = browser.post(url, files=multipart(csrf=token, text="a" * (MAX_CHARS + 1)), timeout=30)
    assert too_long.status_code == 422 and 'role="alert"' in too_long.text
    assert "20,001 characters long" in too_long.text and "up to 20,000 characters" in too_long.text
    assert "What the assistant reads" not in too_long.text
    # At the limit, in a script of 3 bytes a character (over 60 kB): read, not refused for its size.
    bengali = ("আমার ছেলের জন্য সাহায্য দরকার। " * 700)[:MAX_CHARS]
    read = browser.post(url, files=multipart(csrf=token, text=bengali), timeout=60)
    assert read.status_code == 200 and "Situation: none found" in read.text
    # Browsers send each line end as two characters (CR LF): they count as the one the adviser typed.
    lines = browser.post(url, files=multipart(csrf=token, text="Need help.\r\n" * (MAX_CHARS // 11)), timeout=60)
    assert lines.status_code == 200, "over the limit as sent, within it as pasted"
    # Far over the limit, the server refuses it before reading it, kindly too.
    huge = browser.post(url, files=multipart(csrf=token, text="a" * 300_000), timeout=30)
    assert huge.status_code == 413 and "<h1>The message is too long</h1>" in huge.text
    assert huge.headers["Cache-Control"] == "no-store"


def test_reading_needs_a_login_the_session_token_and_the_same_site(staff_site: StaffSite) -> None:
    text = story("Private-Name")
    for path in ("/staff/read", "/staff/read/case"):
        anonymous = requests.post(staff_site.url + path, files=multipart(csrf="x", text=text), allow_redirects=False,
                                  timeout=30)
        assert anonymous.status_code == 403 and "Private-Name" not in anonymous.text
    assert requests.get(f"{staff_site.url}/staff/read", allow_redirects=False, timeout=30).headers["Location"] == \
        "/staff/login"
    browser, token = read_page(staff_site, "reader.csrf")
    cases = count(staff_site, TriageCase)
    for path in ("/staff/read", "/staff/read/case"):
        url = staff_site.url + path
        assert browser.post(url, files=multipart(text=text), timeout=30).status_code == 403
        assert browser.post(url, files=multipart(csrf=token + "x", text=text), timeout=30).status_code == 403
        for headers in ({"Origin": "https://attacker.example"}, {"Sec-Fetch-Site": "cross-site"}):
            refused = browser.post(url, files=multipart(csrf=token, text=text), headers=headers, timeout=30)
            assert refused.status_code == 403 and "Private-Name" not in refused.text
    assert count(staff_site, TriageCase) == cases


def test_opening_a_case_keeps_the_summary_and_typed_contact_details_but_not_the_message(
        staff_site: StaffSite) -> None:
    browser, token = read_page(staff_site, "reader.opener")
    marker = "Ottoline-Vex"
    text = story(marker)
    typed = {"name": "Ms Parent", "phone": "12345", "email": "not-an-address"}
    wrong = browser.post(f"{staff_site.url}/staff/read/case", files=multipart(csrf=token, text=text, **typed),
                         timeout=30)
    assert wrong.status_code == 422 and "This is not a UK phone number" in wrong.text
    assert "This is not an e-mail address" in wrong.text and 'aria-invalid="true"' in wrong.text
    assert 'value="Ms Parent"' in wrong.text, "what the adviser typed stays in the form"
    opened = browser.post(f"{staff_site.url}/staff/read/case", allow_redirects=False, timeout=60,
                          files=multipart(csrf=token, text=text, name="Ms Parent", phone="01582 548156", email=""))
    assert opened.status_code == 303
    reference = re.fullmatch(r"/staff/cases/(CB-[A-Z2-9]{6})", opened.headers["Location"]).group(1)
    with staff_site.db() as session:
        case = session.scalar(select(TriageCase).where(TriageCase.reference == reference))
        row = {column.name: getattr(case, column.name) for column in TriageCase.__table__.columns}
        trail = [(event.actor, event.action, event.detail) for event in case.events]
    assert case.urgency == Level.URGENT and "appeal" in case.urgency_reason
    assert row["name"] == "Ms Parent" and row["phone"] == "01582 548156" and row["email"] == ""
    assert row["description"] == "" and row["conversation_id"] == ""
    assert not any(marker in str(value) or "exhausted" in str(value) for value in row.values()), "no word of it"
    summary = json.loads(case.situation)
    assert summary["situation"]["key"] == "refused_assessment" and summary["distress"] is True
    assert summary["questions"] == 1 and summary["age"] == 9 and summary["school_year"] == "Year 4"
    assert {d["rule"] for d in summary["deadlines"]} == {"appeal", "contact_mediation_adviser"}
    assert trail[0][0] == "reader.opener" and trail[0][1] == "opened" and "not kept" in trail[0][2]
    page = browser.get(f"{staff_site.url}/staff/cases/{reference}", timeout=30).text
    assert "No conversation: an adviser opened this case" in page
    assert marker not in WEB_LOG.read_text(encoding="utf-8")


def test_a_case_shows_its_situation_at_the_top_as_text(staff_site: StaffSite) -> None:
    browser, token = read_page(staff_site, "reader.case")
    opened = browser.post(f"{staff_site.url}/staff/read/case", allow_redirects=False, timeout=60,
                          files=multipart(csrf=token, text=story("Top-Case")))
    page = browser.get(staff_site.url + opened.headers["Location"], timeout=30).text
    situation = page.index("The situation, as the assistant read it")
    assert situation < page.index("<h2>Summary</h2>") < page.index("<h2>Conversation</h2>")
    shown = page[situation:page.index("<h2>Summary</h2>")]
    assert "<dt>Situation</dt><dd>The council said no to an assessment</dd>" in shown
    assert "The last day to appeal to the SEND Tribunal is" in shown and "days left" in shown
    assert "<dt>Distress</dt><dd>Yes</dd>" in shown and "<dt>Questions asked</dt><dd>1</dd>" in shown


def test_through_the_deployed_nginx_a_message_at_the_limit_reaches_the_page(staff_site: StaffSite) -> None:
    """nginx lets 16 kB through elsewhere; the staff page's own limit must decide for a pasted message."""
    web = staff_site.url.removeprefix("http://")
    with temporary_nginx(("127.0.0.1:9", "127.0.0.1:9"), web) as proxy:
        browser = staff_site.logged_in(staff_site.add_staff("reader.proxied"))
        proxied = requests.Session()
        proxied.cookies.update(browser.cookies)
        token = csrf_of(proxied.get(f"{proxy}/staff/read", timeout=30).text)
        bengali = ("আমার ছেলের জন্য সাহায্য দরকার। " * 700)[:MAX_CHARS]  # over 50 kB
        read = proxied.post(f"{proxy}/staff/read", files=multipart(csrf=token, text=bengali), timeout=60)
        assert read.status_code == 200 and "What the assistant reads" in read.text
        huge = proxied.post(f"{proxy}/staff/read", files=multipart(csrf=token, text="a" * 300_000), timeout=30)
        assert huge.status_code == 413
