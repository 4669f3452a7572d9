"""Letter downloads over the real web server (web/letters.py) on its SQLite file: the Word file and the
PDF are the stored letter, sent with headers that keep them out of caches, search engines and
referrers; a wrong, unknown or expired link gets a short page that repeats nothing it was sent."""

import datetime as dt
import io

import docx
import pypdf
import pytest
import requests

from send_guide.letters.downloads import DOWNLOAD_LIFETIME, keep_for_download
from send_guide.letters.letter import Letter
from tests.web.conftest import StaffSite

LETTER = Letter(
    kind="final-plan-late",
    title="The final EHC plan is late",
    sender=("Amira Khan", "12 Park Street", "Luton LU1 3AA"),
    recipient=("SEN Team", "Luton Borough Council"),
    date="Monday 14 December 2026",
    subject="The final EHC plan for Sam Khan is late",
    greeting="Dear SEN Team,",
    paragraphs=("The plan was due by Friday 4 December 2026.",),
    closing=("Yours faithfully,", "", "Amira Khan"),
    law=("Special Educational Needs and Disability Regulations 2014, regulation 13",),
    footer="This letter gives information, not legal advice.",
)
TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}
GONE = "This link has expired or is not right. Links to a letter work for 1 hour. Ask the chat for the letter again."


def kept(site: StaffSite, made: dt.datetime | None = None) -> str:
    with site.db() as session:
        token = keep_for_download(session, LETTER, made or dt.datetime.now(dt.timezone.utc))
        session.commit()
    return token


def assert_private(reply: requests.Response) -> None:
    assert reply.headers["Cache-Control"] == "no-store"
    assert reply.headers["X-Robots-Tag"] == "noindex"
    assert reply.headers["Referrer-Policy"] == "no-referrer"
    assert reply.headers["X-Content-Type-Options"] == "nosniff"  # the security headers still apply
    assert "Content-Security-Policy" in reply.headers


@pytest.mark.parametrize("form", ["docx", "pdf"])
def test_a_kept_letter_downloads_as_a_file_that_holds_it(staff_site: StaffSite, form: str) -> None:
    reply = requests.get(f"{staff_site.url}/letters/{kept(staff_site)}.{form}", timeout=60)
    assert reply.status_code == 200, reply.text[:300]
    assert reply.headers["Content-Type"] == TYPES[form]
    assert reply.headers["Content-Disposition"] == f'attachment; filename="letter-final-plan-late.{form}"'
    assert_private(reply)
    if form == "docx":
        text = "\n".join(paragraph.text for paragraph in docx.Document(io.BytesIO(reply.content)).paragraphs)
    else:
        text = "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(reply.content)).pages)
    assert LETTER.subject in " ".join(text.split())


@pytest.mark.parametrize("path", [
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.pdf",  # well formed, but no such letter
    "short.pdf",
    "x" * 5000 + ".docx",
    "%3Cscript%3Ealert(1)%3C%2Fscript%3E.pdf",
    "..%2F..%2Fetc%2Fpasswd.docx",
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",  # no form
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.txt",
], ids=["unknown", "short", "long", "html", "path", "no form", "other form"])
def test_a_wrong_link_gets_a_short_page_that_repeats_nothing(staff_site: StaffSite, path: str) -> None:
    reply = requests.get(f"{staff_site.url}/letters/{path}", timeout=30)
    assert reply.status_code == 404
    assert reply.headers["Content-Type"].startswith("text/html")
    assert GONE in reply.text
    for part in ("AAAAAAAAAA", "xxxxxxxxxx", "script", "passwd", "short", ".txt"):
        assert part not in reply.text, part
    assert_private(reply)


def test_an_expired_link_gets_the_same_page(staff_site: StaffSite) -> None:
    made = dt.datetime.now(dt.timezone.utc) - DOWNLOAD_LIFETIME - dt.timedelta(seconds=1)
    token = kept(staff_site, made)
    reply = requests.get(f"{staff_site.url}/letters/{token}.pdf", timeout=30)
    assert reply.status_code == 404 and GONE in reply.text and token not in reply.text
    fresh = requests.get(f"{staff_site.url}/letters/{kept(staff_site)}.pdf", timeout=60)
    assert fresh.status_code == 200


@pytest.mark.parametrize("method", ["HEAD", "POST", "PUT", "DELETE"])
def test_only_get_is_allowed(staff_site: StaffSite, method: str) -> None:
    reply = requests.request(method, f"{staff_site.url}/letters/{kept(staff_site)}.docx", timeout=30)
    assert reply.status_code == 405
    assert reply.headers["Cache-Control"] == "no-store" and reply.headers["X-Robots-Tag"] == "noindex"


def test_nothing_else_answers_under_letters(staff_site: StaffSite) -> None:
    token = kept(staff_site)
    for path in (f"/letters/{token}.docx/", f"/letters/{token}/x.docx", "/letters/", "/letters"):
        assert requests.get(f"{staff_site.url}{path}", timeout=30).status_code == 404, path
    assert requests.get(f"{staff_site.url}/index.html", timeout=30).status_code == 200
