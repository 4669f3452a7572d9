"""Letters on a case, through the real web server and SQLite: an adviser makes any letter with the
case's dates and contact details filled in, downloads it as Word and PDF, and bad input is refused
kindly with nothing kept (web/staff_letters.py)."""

import datetime as dt
import html
import io
import re

import docx
import pypdf
import requests
from sqlalchemy import select

from send_guide.letters.downloads import keep_for_download
from send_guide.letters.kinds import all_kinds
from send_guide.triage.model import LetterDownload, TriageCase
from send_guide.triage.urgency import Level
from tests.unit.test_letter_downloads import LETTER
from tests.web.conftest import StaffSite
from tests.web.test_staff_page import csrf_of, open_test_case


def field_value(page: str, name: str) -> str:
    return html.unescape(re.search(rf'name="{name}" value="([^"]*)"', page).group(1))


def letters_kept(site: StaffSite, reference: str) -> list[LetterDownload]:
    with site.db() as session:
        case = session.scalar(select(TriageCase).where(TriageCase.reference == reference))
        return list(session.scalars(select(LetterDownload).where(LetterDownload.case_id == case.id)))


def test_an_adviser_makes_a_letter_from_a_case_with_its_dates_and_downloads_it(staff_site: StaffSite) -> None:
    staff_site.add_staff("letter.maker")
    reference = open_test_case(staff_site, "Amina Khan", Level.HIGH, 1, phone="07700 900123",
                               key_dates=["request: Monday 6 January 2025"])
    browser = staff_site.logged_in("letter.maker")
    case_page = browser.get(f"{staff_site.url}/staff/cases/{reference}", timeout=30).text
    assert "No letters on this case." in case_page
    for kind in all_kinds().values():
        assert f'<option value="{kind.key}">{html.escape(kind.title)}</option>' in case_page
    form = browser.get(f"{staff_site.url}/staff/cases/{reference}/letter", params={"kind": "final-plan-late"},
                       timeout=30).text
    assert field_value(form, "request_date") == "Monday 6 January 2025"
    assert field_value(form, "your_name") == "Amina Khan" and field_value(form, "your_phone") == "07700 900123"
    assert field_value(form, "child_name") == "" and 'for="field-child_name"' in form
    made = browser.post(f"{staff_site.url}/staff/cases/{reference}/letter", allow_redirects=False, timeout=30, data={
        "csrf": csrf_of(form), "kind": "final-plan-late", "writer": "parent", "child_name": "Sam Khan",
        "request_date": "Monday 6 January 2025", "your_name": "Amina Khan", "your_phone": "07700 900123"})
    assert made.status_code == 303 and made.headers["Location"] == f"/staff/cases/{reference}#letters"
    case_page = browser.get(f"{staff_site.url}/staff/cases/{reference}", timeout=30).text
    [kept] = letters_kept(staff_site, reference)
    assert f"/staff/cases/{reference}/letters/{kept.id}.docx" in case_page and "by the family" not in case_page
    assert "letter.maker" in case_page and "made: The final EHC plan is late (20 weeks)" in case_page
    word = browser.get(f"{staff_site.url}/staff/cases/{reference}/letters/{kept.id}.docx", timeout=30)
    assert word.headers["Content-Disposition"].endswith('.docx"') and word.headers["Cache-Control"] == "no-store"
    text = "\n".join(paragraph.text for paragraph in docx.Document(io.BytesIO(word.content)).paragraphs)
    assert "That date was Monday 26 May 2025." in text and "Sam Khan" in text and "07700 900123" in text
    pdf = browser.get(f"{staff_site.url}/staff/cases/{reference}/letters/{kept.id}.pdf", timeout=30)
    pages = "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf.content)).pages)
    assert "26 May 2025" in pages and "regulation 13(2)" in pages


def test_the_familys_own_letter_from_the_chat_is_listed_on_the_case(staff_site: StaffSite) -> None:
    staff_site.add_staff("letter.reader")
    reference = open_test_case(staff_site, "Family Letter", Level.NORMAL, 1)
    with staff_site.db() as session:
        case = session.scalar(select(TriageCase).where(TriageCase.reference == reference))
        keep_for_download(session, LETTER, dt.datetime.now(dt.timezone.utc), case_id=case.id,
                          conversation_id="conv-Family Letter")
        session.commit()
    browser = staff_site.logged_in("letter.reader")
    page = browser.get(f"{staff_site.url}/staff/cases/{reference}", timeout=30).text
    assert "The final EHC plan is late, made" in page and "by the family in the chat" in page
    [kept] = letters_kept(staff_site, reference)
    assert browser.get(f"{staff_site.url}/staff/cases/{reference}/letters/{kept.id}.pdf", timeout=30).status_code == 200


def test_bad_input_is_refused_kindly_and_nothing_is_kept(staff_site: StaffSite) -> None:
    staff_site.add_staff("letter.checker")
    reference = open_test_case(staff_site, "Bad Input", Level.NORMAL, 1)
    browser = staff_site.logged_in("letter.checker")
    form = browser.get(f"{staff_site.url}/staff/cases/{reference}/letter", params={"kind": "no-decision-6-weeks"},
                       timeout=30).text
    url = f"{staff_site.url}/staff/cases/{reference}/letter"
    for values, says in [({"child_name": "x" * 5000}, "That is too long for child&#39;s full name"),
                         ({"request_date": "1/10/9999"}, "as a real date"),
                         ({"request_date": "1 October 2027"}, "is after today"),
                         ({"request_date": "31 February 2025"}, "as a real date"),
                         ({"child_name": "<script>alert(1)</script>", "request_date": "yesterday"},
                          "has not passed yet")]:
        reply = browser.post(url, data={"csrf": csrf_of(form), "kind": "no-decision-6-weeks", **values}, timeout=30)
        assert reply.status_code == 422 and says in reply.text, values
        assert 'role="alert"' in reply.text and "<script>alert(1)" not in reply.text
    assert letters_kept(staff_site, reference) == []
    assert browser.post(url, data={"csrf": csrf_of(form), "kind": "no-such-letter"}, timeout=30).status_code == 400
    unknown_kind = browser.get(url, params={"kind": "<b>"}, allow_redirects=False, timeout=30)
    assert unknown_kind.status_code == 303 and unknown_kind.headers["Location"].endswith("#letters")


def test_a_letter_is_downloaded_only_from_its_own_case(staff_site: StaffSite) -> None:
    staff_site.add_staff("letter.other")
    first = open_test_case(staff_site, "First Case", Level.NORMAL, 1)
    second = open_test_case(staff_site, "Second Case", Level.NORMAL, 1)
    with staff_site.db() as session:
        case = session.scalar(select(TriageCase).where(TriageCase.reference == first))
        keep_for_download(session, LETTER, dt.datetime.now(dt.timezone.utc), case_id=case.id)
        session.commit()
    [kept] = letters_kept(staff_site, first)
    browser = staff_site.logged_in("letter.other")
    for path in (f"{second}/letters/{kept.id}.docx", f"{first}/letters/{kept.id}.txt", f"{first}/letters/x.pdf",
                 f"CB-ZZZZZZ/letters/{kept.id}.pdf", f"{first}/letters/{kept.id + 100}.pdf"):
        assert browser.get(f"{staff_site.url}/staff/cases/{path}", timeout=30).status_code == 404, path
    assert browser.get(f"{staff_site.url}/staff/cases/{first}/letters/{kept.id}.docx", timeout=30).status_code == 200


def test_the_privacy_notice_says_when_a_letter_is_kept_with_a_call_back(staff_site: StaffSite) -> None:
    notice = " ".join(requests.get(f"{staff_site.url}/privacy.html", timeout=30).text.split())
    assert "downloaded for 1 hour. Then the letter is deleted." in notice
    assert "the letter is kept with your call-back request, so the adviser can see it" in notice
    assert "An adviser can also write a letter for you from your call-back request" in notice
