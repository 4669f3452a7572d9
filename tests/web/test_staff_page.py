"""The staff page over real HTTP: nothing without a login, CSRF and origin checks, queue, case, export."""

import csv
import datetime as dt
import html
import io
import json
import re

import pytest
import requests
from sqlalchemy import select, update

from send_guide.languages.replies import LANGUAGES_DIR
from send_guide.languages.status import WIDGET_LOCALES_DIR
from send_guide.triage.cases import CallBackRequest, open_case
from send_guide.triage.feedback import UNANSWERED, record
from send_guide.triage.model import Feedback, StaffSession, TriageCase
from send_guide.triage.throttle import PAIR_LIMIT
from send_guide.triage.urgency import Level, Urgency
from tests.project_files import read_yaml
from tests.web.conftest import PASSWORD, RETENTION_DAYS, StaffSite
from web.app import create_app
from web.settings import WebSettings
from web.staff_report import REPORT_CHARS

NOW = dt.datetime.now(dt.timezone.utc)


def open_test_case(site: StaffSite, name: str, level: Level, hours_ago: float, **fields) -> str:
    with site.db() as session:
        case = open_case(session, CallBackRequest(f"conv-{name}", NOW, name=name, **fields),
                         Urgency(level, f"{level.label} reason for {name}"), NOW - dt.timedelta(hours=hours_ago))
        session.commit()
        return case.reference


def csrf_of(page: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', page).group(1)


def staff_routes() -> list[tuple[str, str]]:
    """(method, path) of every /staff route the server has, read from the app itself."""
    app = create_app(WebSettings(database_url="sqlite://"), name="route_listing")
    routes = []
    for route in app.router.routes:
        uri = "/" + route.path
        if uri == "/staff" or uri.startswith("/staff/"):
            routes.extend((method, uri) for method in route.methods)
    return routes


def status_of(site: StaffSite, reference: str) -> str:
    with site.db() as session:
        return session.scalar(select(TriageCase.status).where(TriageCase.reference == reference))


def test_every_staff_url_refuses_a_visitor_without_a_session(staff_site: StaffSite) -> None:
    reference = open_test_case(staff_site, "Private Person", Level.URGENT, 1, phone="07700 900001")
    routes = staff_routes()
    assert len(routes) >= 7  # the listing works: login, queue, case, status, export, report, logout
    checked = 0
    for cookie in (None, "forged-token"):
        for method, uri in routes:
            if uri == "/staff/login":
                continue
            url = staff_site.url + re.sub(r"<reference:str>", reference, uri)
            reply = requests.request(method, url, data={"status": "closed", "csrf": "x"}, allow_redirects=False,
                                     cookies={"send_guide_staff": cookie} if cookie else None, timeout=30)
            if method == "GET":
                assert reply.status_code == 303 and reply.headers["Location"] == "/staff/login", uri
            else:
                assert reply.status_code == 403, uri
            assert "Private Person" not in reply.text and "07700" not in reply.text and reference not in reply.text
            checked += 1
    assert checked >= 12
    assert status_of(staff_site, reference) == "new"


def test_a_wrong_password_opens_nothing(staff_site: StaffSite) -> None:
    staff_site.add_staff("wrong.password")
    reply = requests.post(f"{staff_site.url}/staff/login", data={"username": "wrong.password", "password": "guess"},
                          allow_redirects=False, timeout=30)
    assert reply.status_code == 401 and "Set-Cookie" not in reply.headers
    assert "The name or the password is wrong" in reply.text
    unknown = requests.post(f"{staff_site.url}/staff/login", data={"username": "nobody", "password": PASSWORD},
                            allow_redirects=False, timeout=30)
    assert unknown.status_code == 401 and unknown.text == reply.text.replace("wrong.password", "nobody")


def test_the_session_cookie_is_out_of_reach_of_scripts_and_other_sites(staff_site: StaffSite) -> None:
    staff_site.add_staff("cookie.check")
    plain = requests.post(f"{staff_site.url}/staff/login", data={"username": "cookie.check", "password": PASSWORD},
                          allow_redirects=False, timeout=30)
    cookie = plain.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/staff" in cookie
    assert "Secure" not in cookie  # plain HTTP on this machine: a Secure cookie would never come back
    behind_tls = requests.post(f"{staff_site.url}/staff/login", allow_redirects=False, timeout=30,
                               data={"username": "cookie.check", "password": PASSWORD},
                               headers={"X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.9"})
    assert "Secure" in behind_tls.headers["Set-Cookie"]


def test_guessing_is_stopped_after_a_few_tries(staff_site: StaffSite) -> None:
    staff_site.add_staff("guessed")
    for attempt in range(PAIR_LIMIT):
        reply = requests.post(f"{staff_site.url}/staff/login", data={"username": "guessed", "password": f"no{attempt}"},
                              timeout=30)
        assert reply.status_code == 401
    right = requests.post(f"{staff_site.url}/staff/login", data={"username": "guessed", "password": PASSWORD},
                          allow_redirects=False, timeout=30)
    assert right.status_code == 429 and "Set-Cookie" not in right.headers and "Wait 15 minutes" in right.text


def test_a_login_form_posted_from_another_site_is_refused(staff_site: StaffSite) -> None:
    staff_site.add_staff("cross.site")
    for headers in ({"Origin": "https://attacker.example"}, {"Sec-Fetch-Site": "cross-site"}):
        reply = requests.post(f"{staff_site.url}/staff/login", data={"username": "cross.site", "password": PASSWORD},
                              headers=headers, allow_redirects=False, timeout=30)
        assert reply.status_code == 403 and "Set-Cookie" not in reply.headers


def test_the_queue_puts_the_most_urgent_first_then_the_longest_waiting(staff_site: StaffSite) -> None:
    staff_site.add_staff("queue.reader")
    names = {"Normal Old": (Level.NORMAL, 50), "Urgent New": (Level.URGENT, 1), "Urgent Old": (Level.URGENT, 30),
             "Immediate New": (Level.IMMEDIATE, 0.1), "High Mid": (Level.HIGH, 5)}
    references = {name: open_test_case(staff_site, name, level, hours) for name, (level, hours) in names.items()}
    closed = open_test_case(staff_site, "Closed Case", Level.IMMEDIATE, 2)
    with staff_site.db() as session:
        session.execute(update(TriageCase).where(TriageCase.reference == closed).values(status="closed"))
        session.commit()
    page = staff_site.logged_in("queue.reader").get(f"{staff_site.url}/staff", timeout=30).text
    order = [name for name in re.findall(r"<td>([A-Z][a-z]+ [A-Z][a-z]+)</td>", page) if name in names]
    assert order == ["Immediate New", "Urgent Old", "Urgent New", "High Mid", "Normal Old"]
    assert "Closed Case" not in page
    assert f'href="/staff/cases/{references["Urgent Old"]}"' in page
    assert "immediate reason for Immediate New" in page and ">Immediate<" in page
    closed_page = staff_site.logged_in("queue.reader").get(f"{staff_site.url}/staff?show=closed", timeout=30).text
    assert "Closed Case" in closed_page and "Urgent Old" not in closed_page


def test_a_case_shows_its_summary_with_the_familys_words_as_text(staff_site: StaffSite) -> None:
    staff_site.add_staff("case.reader")
    reference = open_test_case(staff_site, "Amina <img src=x onerror=alert(1)>", Level.URGENT, 3,
                               phone="07700 900123", best_time="mornings", role="parent", stage="draft plan",
                               key_dates=["draft plan: Monday 16 November 2026"], topics=["ehc_plan_draft"],
                               description="<script>alert('x')</script> help with the draft")
    page = staff_site.logged_in("case.reader").get(f"{staff_site.url}/staff/cases/{reference}", timeout=30)
    assert page.status_code == 200
    text = page.text
    assert "<script>alert" not in text and "<img src=x" not in text
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; help with the draft" in text
    assert 'href="tel:07700900123"' in text and "mornings" in text and "draft plan: Monday 16 November 2026" in text
    assert "urgent reason for Amina" in text
    assert "The conversation cannot be shown" in text  # no assistant runs next to this server
    missing = staff_site.logged_in("case.reader").get(f"{staff_site.url}/staff/cases/CB-ZZZZZZ", timeout=30)
    assert missing.status_code == 404


def test_status_changes_need_the_session_token_and_are_audited(staff_site: StaffSite) -> None:
    staff_site.add_staff("status.changer")
    reference = open_test_case(staff_site, "Status Case", Level.HIGH, 2)
    browser = staff_site.logged_in("status.changer")
    token = csrf_of(browser.get(f"{staff_site.url}/staff/cases/{reference}", timeout=30).text)
    url = f"{staff_site.url}/staff/cases/{reference}/status"
    assert browser.post(url, data={"status": "closed"}, timeout=30).status_code == 403
    assert browser.post(url, data={"status": "closed", "csrf": token + "x"}, timeout=30).status_code == 403
    assert browser.post(url, data={"status": "closed", "csrf": token}, headers={"Origin": "https://attacker.example"},
                        timeout=30).status_code == 403
    assert browser.post(url, data={"status": "deleted", "csrf": token}, timeout=30).status_code == 400
    assert status_of(staff_site, reference) == "new"
    done = browser.post(url, data={"status": "contacted", "csrf": token}, allow_redirects=False, timeout=30)
    assert done.status_code == 303 and done.headers["Location"] == f"/staff/cases/{reference}"
    assert status_of(staff_site, reference) == "contacted"
    with staff_site.db() as session:
        case = session.scalar(select(TriageCase).where(TriageCase.reference == reference))
        trail = [(event.actor, event.action, event.detail) for event in case.events]
    assert trail[-1] == ("status.changer", "status", "new -> contacted")
    assert "status.changer" in browser.get(f"{staff_site.url}/staff/cases/{reference}", timeout=30).text
    missing = browser.post(f"{staff_site.url}/staff/cases/CB-ZZZZZZ/status", data={"status": "closed", "csrf": token},
                           timeout=30)
    assert missing.status_code == 404 and "There is no case CB-ZZZZZZ" in missing.text


def test_the_export_is_a_csv_download_in_queue_order_that_spreadsheets_cannot_run(staff_site: StaffSite) -> None:
    staff_site.add_staff("exporter")
    first = open_test_case(staff_site, "Export First", Level.IMMEDIATE, 1, description="=HYPERLINK(\"x\")")
    reply = staff_site.logged_in("exporter").get(f"{staff_site.url}/staff/export.csv", timeout=30)
    assert reply.status_code == 200 and reply.headers["Content-Type"].startswith("text/csv")
    assert reply.headers["Content-Disposition"].startswith('attachment; filename="sendias-call-backs-')
    assert reply.headers["Cache-Control"] == "no-store"
    assert reply.content.startswith("\ufeff".encode())  # byte order mark: names in any script open correctly
    rows = list(csv.DictReader(io.StringIO(reply.content.decode("utf-8-sig"))))
    levels = [Level[row["urgency"].upper()] for row in rows]
    assert levels == sorted(levels) and first in [row["reference"] for row in rows]
    exported = next(row for row in rows if row["reference"] == first)
    assert exported["description"] == "'=HYPERLINK(\"x\")"


def test_logging_out_ends_the_session_for_good(staff_site: StaffSite) -> None:
    staff_site.add_staff("leaver")
    browser = staff_site.logged_in("leaver")
    token = csrf_of(browser.get(f"{staff_site.url}/staff", timeout=30).text)
    old_cookie = browser.cookies.get("send_guide_staff")
    out = browser.post(f"{staff_site.url}/staff/logout", data={"csrf": token}, allow_redirects=False, timeout=30)
    assert out.status_code == 303 and out.headers["Location"] == "/staff/login?out=1"
    assert "Max-Age=0" in out.headers["Set-Cookie"]
    again = requests.get(f"{staff_site.url}/staff", cookies={"send_guide_staff": old_cookie}, allow_redirects=False,
                         timeout=30)
    assert again.status_code == 303 and again.headers["Location"] == "/staff/login"


def test_an_idle_session_expires(staff_site: StaffSite) -> None:
    staff_site.add_staff("idle.person")
    browser = staff_site.logged_in("idle.person")
    assert browser.get(f"{staff_site.url}/staff", allow_redirects=False, timeout=30).status_code == 200
    with staff_site.db() as session:
        session.execute(update(StaffSession).values(last_seen=NOW - dt.timedelta(minutes=31)))
        session.commit()
    assert browser.get(f"{staff_site.url}/staff", allow_redirects=False, timeout=30).status_code == 303


@pytest.mark.parametrize("path", ["/staff", "/staff/report", "/staff/login"])
def test_staff_pages_are_never_cached_or_framed(staff_site: StaffSite, path: str) -> None:
    """The login form as a visitor sees it: a logged-in browser is sent on from it to the queue, whose
    headers would be checked instead. No redirect is followed, so each reply is the page named."""
    staff_site.add_staff(name := f"headers{len(path)}")
    browser = requests.Session() if path == "/staff/login" else staff_site.logged_in(name)
    reply = browser.get(staff_site.url + path, allow_redirects=False, timeout=30)
    assert reply.status_code == 200
    if path == "/staff/login":
        assert 'name="password"' in reply.text
    assert reply.headers["Cache-Control"] == "no-store"
    assert "frame-ancestors 'none'" in reply.headers["Content-Security-Policy"]
    assert "script-src" not in reply.headers["Content-Security-Policy"]  # default-src 'none': no script at all
    assert reply.headers["X-Content-Type-Options"] == "nosniff"


def test_the_report_shows_the_least_helpful_answers_and_unanswered_questions(staff_site: StaffSite) -> None:
    staff_site.add_staff("content.editor")
    with staff_site.db() as session:
        record(session, "conv-r", "transport", False, "how do I get a bus pass", NOW)
        record(session, "conv-r", "transport", False, "bus to college", NOW)
        record(session, "conv-r", "home_education", True, "home school", NOW)
        record(session, "conv-r", UNANSWERED, False, "<b>what is a banding panel</b> call 07700 900999", NOW)
        session.commit()
    page = staff_site.logged_in("content.editor").get(f"{staff_site.url}/staff/report", timeout=30).text
    assert re.search(r"<td>transport</td><td>2</td><td>2</td>", page)
    assert "&lt;b&gt;what is a banding panel&lt;/b&gt; call [number]" in page


def test_the_report_lists_each_translation_with_its_review_status(staff_site: StaffSite) -> None:
    staff_site.add_staff("translation.checker")
    page = staff_site.logged_in("translation.checker").get(f"{staff_site.url}/staff/report", timeout=30).text
    rows = {path: cells for cells, path in
            ((cells, re.search(r"<code>([^<]+)</code>", cells).group(1))
             for cells in re.findall(r"<tr>(.*?)</tr>", page, re.DOTALL) if "<code>" in cells)}
    reviews = {f"send_guide/content/languages/{path.name}": read_yaml(f"send_guide/content/languages/{path.name}")
               for path in LANGUAGES_DIR.glob("*.yml")}
    reviews |= {f"widget/src/locales/{path.name}": json.loads(path.read_text(encoding="utf-8"))
                for path in WIDGET_LOCALES_DIR.glob("*.json")}
    assert set(rows) == set(reviews), "every language file and widget locale, nothing else"
    for path, content in reviews.items():
        review = content["review"]
        assert f"<td>{review['status']}</td><td>{review['reviewer']}</td><td>{review['date']}</td>" in rows[path], path
    assert "<td>reviewed</td><td>project team</td>" in rows["send_guide/content/languages/en.yml"]
    assert "<td>Polish (pl)</td><td>Widget&#39;s own words</td><td><code>widget/src/locales/pl.json</code></td>" \
        "<td>draft</td>" in rows["widget/src/locales/pl.json"]


def test_the_privacy_notice_states_the_configured_retention_period(staff_site: StaffSite) -> None:
    notice = requests.get(f"{staff_site.url}/privacy.html", timeout=30).text
    assert f"for {RETENTION_DAYS} days" in notice and "90 days" not in notice and "{{" not in notice



def test_the_report_shows_a_visitors_words_as_shortened_text_with_no_live_link(staff_site: StaffSite) -> None:
    """Issue 17, item 10: a phishing link in an unanswered question must not become a link for staff,
    and a row longer than what the assistant keeps today (an older version's, say) is cut short."""
    staff_site.add_staff("report.reader")
    bait = ('Urgent: log in at https://sendias-luton.example/login <a href="https://evil.example/x">here</a> '
            + "and more words " * 100 + "THE-END")
    with staff_site.db() as session:
        session.add(Feedback(at=NOW, conversation_id="conv-bait", intent=UNANSWERED, helpful=False, message=bait))
        session.commit()
    page = staff_site.logged_in("report.reader").get(f"{staff_site.url}/staff/report", timeout=30).text
    item = re.search(r'<li dir="auto">(Urgent: log in at .*?)</li>', page, re.S).group(1)
    assert "https://sendias-luton.example/login" in item, "the address is shown as it was typed"
    assert "<a" not in item and "href=\"https://evil" not in page and "href=\"https://sendias-luton" not in page
    assert "&lt;a href=&#34;https://evil.example/x&#34;&gt;here&lt;/a&gt;" in item
    assert "THE-END" not in item and item.endswith("…")
    assert len(html.unescape(item)) == REPORT_CHARS + 1
    assert "not a link" in page, "staff are told an address there is only text"
