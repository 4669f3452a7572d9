"""Logging in to the staff page over real HTTP (Issue 17, items 5 and 6): the guessing limits, input
size limits, and the staff audit trail of logins, failed logins, logouts and exports.

Each test logs in from its own client addresses (X-Forwarded-For, which the test server trusts as
a deployment behind nginx does: SEND_GUIDE_WEB_PROXIES_COUNT=1), so the limits of one test do not
reach the next.
"""

import concurrent.futures
import itertools

import requests
from sqlalchemy import select

from send_guide.triage import audit
from send_guide.triage.model import StaffEvent
from send_guide.triage.staff import MAX_NAME_LENGTH, MAX_PASSWORD_LENGTH
from send_guide.triage.throttle import CLIENT_LIMIT, PAIR_LIMIT
from tests.web.conftest import PASSWORD, StaffSite
from tests.web.test_staff_page import csrf_of

_ADDRESSES = (f"198.51.100.{number}" for number in itertools.count(1))


def new_client() -> str:
    """A client address no other test has used."""
    return next(_ADDRESSES)


def login(site: StaffSite, name: str, password: str, client: str,
          browser: requests.Session | None = None) -> requests.Response:
    return (browser or requests).post(f"{site.url}/staff/login", data={"username": name, "password": password},
                                      headers={"X-Forwarded-For": client}, allow_redirects=False, timeout=60)


def test_wrong_guesses_sent_all_at_once_get_no_more_than_the_allowance(staff_site: StaffSite) -> None:
    """The count was checked before the password and added after it: guesses sent together all
    passed the check, and got about twice the allowance."""
    name, client = staff_site.add_staff("guessed.at.once"), new_client()
    with concurrent.futures.ThreadPoolExecutor(max_workers=4 * PAIR_LIMIT) as pool:
        codes = list(pool.map(lambda n: login(staff_site, name, f"wrong guess {n}", client).status_code,
                              range(4 * PAIR_LIMIT)))
    assert codes.count(401) == PAIR_LIMIT and codes.count(429) == 3 * PAIR_LIMIT, codes
    assert login(staff_site, name, PASSWORD, client).status_code == 429


def test_one_password_tried_against_many_names_is_stopped(staff_site: StaffSite) -> None:
    client = new_client()
    codes = [login(staff_site, f"sprayed.{number}", "Summer2026!", client).status_code
             for number in range(CLIENT_LIMIT + 3)]
    assert codes == [401] * CLIENT_LIMIT + [429] * 3
    assert login(staff_site, "sprayed.0", "Summer2026!", new_client()).status_code == 401  # elsewhere: counted apart


def test_failing_on_an_advisers_name_elsewhere_does_not_lock_her_out(staff_site: StaffSite) -> None:
    name, attacker, adviser = staff_site.add_staff("locked.out"), new_client(), new_client()
    codes = [login(staff_site, name, f"guess {n}", attacker).status_code for n in range(PAIR_LIMIT + 2)]
    assert codes == [401] * PAIR_LIMIT + [429] * 2
    assert login(staff_site, name, PASSWORD, attacker).status_code == 429, "the guesser stays stopped"
    assert login(staff_site, name, PASSWORD, adviser).status_code == 303, "the adviser's own computer logs in"


def test_over_long_names_and_passwords_are_refused_before_they_are_checked(staff_site: StaffSite) -> None:
    name, client = staff_site.add_staff("long.input"), new_client()
    for username, password in (("a" * 100_000, PASSWORD), (name, "p" * 100_000),
                               ("a" * (MAX_NAME_LENGTH + 1), PASSWORD), (name, "p" * (MAX_PASSWORD_LENGTH + 1))):
        reply = login(staff_site, username, password, client)
        assert reply.status_code == 400 and "too long" in reply.text, (len(username), len(password))
        assert "Set-Cookie" not in reply.headers and "a" * 1000 not in reply.text
    assert login(staff_site, name, PASSWORD, client).status_code == 303, "refused input is not a wrong guess"


def events_since(site: StaffSite, first_id: int) -> list[tuple[str, str, str]]:
    with site.db() as session:
        return [(event.actor, event.action, event.detail) for event in
                session.scalars(select(StaffEvent).where(StaffEvent.id > first_id).order_by(StaffEvent.id))]


def last_event_id(site: StaffSite) -> int:
    with site.db() as session:
        return max(session.scalars(select(StaffEvent.id)), default=0)


def test_logins_failed_logins_logouts_and_exports_are_in_the_staff_audit_trail(staff_site: StaffSite) -> None:
    name, client = staff_site.add_staff("audited.adviser"), new_client()
    start = last_event_id(staff_site)
    assert login(staff_site, name, "my wrong secret", client).status_code == 401
    # A password typed into the name box must not end up in the trail.
    assert login(staff_site, "correct horse battery staple", PASSWORD, client).status_code == 401
    browser = requests.Session()
    assert login(staff_site, name, PASSWORD, client, browser).status_code == 303
    for show in ("open", "closed"):
        assert browser.get(f"{staff_site.url}/staff/export.csv?show={show}", timeout=30).status_code == 200
    token = csrf_of(browser.get(f"{staff_site.url}/staff", timeout=30).text)
    assert browser.post(f"{staff_site.url}/staff/logout", data={"csrf": token}, allow_redirects=False,
                        timeout=30).status_code == 303
    trail = events_since(staff_site, start)
    assert [(actor, action) for actor, action, _ in trail] == [
        (name, audit.LOGIN_FAILED), (audit.UNKNOWN_NAME, audit.LOGIN_FAILED), (name, audit.LOGIN),
        (name, audit.EXPORT), (name, audit.EXPORT), (name, audit.LOGOUT)]
    assert "open cases" in trail[3][2] and "closed cases" in trail[4][2]
    written = repr(trail)
    for secret in ("my wrong secret", "correct horse", PASSWORD):
        assert secret not in written
