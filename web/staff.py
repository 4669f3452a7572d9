"""The SENDIAS staff page: who to call first, each case with its conversation, status changes, export,
and "Read a message": a family's e-mail or call notes triaged as the queue would, kept only if the
adviser opens a case from it (and then without the message itself).

Every /staff page except the login form needs a live session (send_guide/triage/sessions.py);
without one, a page view goes to the login form and a form post is refused. Every form post on
a logged-in page carries the session's CSRF token, and any post from another site is refused by
its Origin. Database work runs in worker threads so a slow query or password hash never holds up
the server's event loop.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import functools
import io
import logging
import re
from dataclasses import dataclass
from typing import Any, Callable
from urllib.parse import quote
from zoneinfo import ZoneInfo

from sanic import Sanic, response
from sanic.exceptions import PayloadTooLarge
from sanic.request import Request
from sqlalchemy import select
from sqlalchemy.exc import NoResultFound
from sqlalchemy.orm import Session

from send_guide.contact_patterns import is_email
from send_guide.database.engine import as_utc
from send_guide.letters.downloads import letters_on_case
from send_guide.letters.kinds import all_kinds
from send_guide.situation.explain import reading_lines
from send_guide.situation.summary import describe, events_without_day
from send_guide.time import today_in_england
from send_guide.timeline_card import TODAY_MARK, card_for_events
from send_guide.triage import audit, sessions
from send_guide.triage.callback import read_contact
from send_guide.triage.cases import (
    OPEN_STATUSES,
    CallBackRequest,
    case_dates,
    export_csv,
    open_case,
    queue,
    set_status,
    situation_of,
)
from send_guide.triage.message import MAX_CHARS, MessageTriage, triage_message
from send_guide.triage.model import STATUSES, StaffSession, TriageCase
from send_guide.triage.staff import MAX_NAME_LENGTH, MAX_PASSWORD_LENGTH, log_in, too_long
from send_guide.triage.throttle import WINDOW, LoginThrottle
from send_guide.triage.urgency import Level
from web import transcript

COOKIE = "send_guide_staff"
LOGIN = "/staff/login"
LONDON = ZoneInfo("Europe/London")
REFERENCE = re.compile(r"CB-[A-Z0-9]{6}")
READ = "/staff/read"
VIEWS = {"open": OPEN_STATUSES, "closed": ("closed",)}
POLICY = "Content-Security-Policy"
HEADERS = {
    "Cache-Control": "no-store",  # personal data: never kept by the browser or a proxy
    POLICY: "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
                               "frame-ancestors 'none'; base-uri 'none'",
    "Referrer-Policy": "same-origin",  # "no-referrer" would make browsers send "Origin: null" on posts
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
}
log = logging.getLogger(__name__)


@dataclass
class StaffContext:
    """One request by a logged-in staff member, inside one database transaction."""

    request: Request
    db: Session
    staff_session: StaffSession
    now: dt.datetime

    @property
    def username(self) -> str:
        return self.staff_session.user.username

    def page_values(self) -> dict[str, Any]:
        """What every staff page shows of the session: taken in the transaction, usable after it."""
        return {"username": self.username, "csrf": self.staff_session.csrf, "now": self.now}

    def render(self, template: str, status: int = 200, **values: Any) -> response.HTTPResponse:
        return _render(self.request, template, status, **self.page_values(), **values)


@dataclass(frozen=True)
class AfterCommit:
    """A page a view finishes after its database transaction has ended: slow work there (an HTTP
    call to Rasa) holds no database lock. On SQLite the transaction holds the write lock (the
    staff session's last-seen time is written first) for as long as it is open."""

    finish: Callable[[], response.HTTPResponse]


View = Callable[..., "response.HTTPResponse | AfterCommit"]


def add_routes(app: Sanic) -> None:
    app.ctx.throttle = LoginThrottle()
    app.ctx.templates.filters.update(when=_when, waited=_waited, urgency=_urgency)
    app.ctx.templates.globals.update(max_name=MAX_NAME_LENGTH, max_password=MAX_PASSWORD_LENGTH, today_mark=TODAY_MARK)
    app.add_route(_login_form, LOGIN, methods=["GET"])
    app.add_route(_login, LOGIN, methods=["POST"])
    app.add_route(staff_only(_queue_page), "/staff", methods=["GET"])
    app.add_route(staff_only(_case_page), "/staff/cases/<reference:str>", methods=["GET"])
    app.add_route(staff_only(_change_status), "/staff/cases/<reference:str>/status", methods=["POST"])
    app.add_route(staff_only(_export), "/staff/export.csv", methods=["GET"])
    app.add_route(staff_only(_read_form), READ, methods=["GET"])
    app.add_route(staff_only(_read_message), READ, methods=["POST"])
    app.add_route(staff_only(_open_from_message), READ + "/case", methods=["POST"])
    app.add_route(staff_only(_logout), "/staff/logout", methods=["POST"])
    app.register_middleware(_staff_headers, "response")
    app.error_handler.add(PayloadTooLarge, _too_large)


# --- guards -----------------------------------------------------------------------------------

def staff_only(view: View) -> Callable[..., Any]:
    @functools.wraps(view)
    async def handler(request: Request, **params: str) -> response.HTTPResponse:
        if request.method == "POST" and not _same_origin(request):
            return _refused(request)
        return await asyncio.to_thread(_run_as_staff, view, request, params)

    return handler


def _run_as_staff(view: View, request: Request, params: dict[str, str]) -> response.HTTPResponse:
    now = _now()
    with request.app.ctx.sessions.begin() as db:
        staff_session = sessions.current(db, request.cookies.get(COOKIE), now)
        if staff_session is None:
            return response.redirect(LOGIN, status=303) if request.method == "GET" else _refused(request)
        if request.method == "POST" and not sessions.csrf_ok(staff_session, request.form.get("csrf")):
            return _refused(request)
        page = view(StaffContext(request, db, staff_session, now), **params)
    return page.finish() if isinstance(page, AfterCommit) else page


def _same_origin(request: Request) -> bool:
    """False for a form posted from another site (the login form too: no logging in people unawares)."""
    if request.headers.get("sec-fetch-site") in ("cross-site", "same-site"):
        return False
    origin = request.headers.get("origin")
    return origin is None or origin.split("://", 1)[-1] == request.host


def _refused(request: Request) -> response.HTTPResponse:
    return _render(request, "refused.html", 403)


def _too_large(request: Request, exception: Exception) -> response.HTTPResponse:
    """A paste far over the limit is refused before it is read: say so kindly, with the way back."""
    if request.path.startswith(READ):
        return _render(request, "too_long.html", 413, limit=MAX_CHARS)
    return request.app.error_handler.default(request, exception)


async def _staff_headers(request: Request, resp: response.HTTPResponse) -> None:
    """HEADERS on every /staff response; a view can give its response a policy of its own in
    request.ctx.policy (the report's charts, web/staff_report.py)."""
    if request.path == "/staff" or request.path.startswith("/staff/"):
        for name, value in HEADERS.items():
            resp.headers[name] = value
        own_policy = getattr(request.ctx, "policy", None)
        if own_policy:
            resp.headers[POLICY] = own_policy


# --- logging in and out -------------------------------------------------------------------------

async def _login_form(request: Request) -> response.HTTPResponse:
    def show() -> response.HTTPResponse:
        with request.app.ctx.sessions.begin() as db:
            if sessions.current(db, request.cookies.get(COOKIE), _now()) is not None:
                return response.redirect("/staff", status=303)
        logged_out = request.args.get("out") == "1"
        return _render(request, "login.html", notice="You are logged out." if logged_out else "")

    return await asyncio.to_thread(show)


async def _login(request: Request) -> response.HTTPResponse:
    if not _same_origin(request):
        return _refused(request)
    name, password = request.form.get("username", ""), request.form.get("password", "")
    return await asyncio.to_thread(_check_login, request, name, password)


def _check_login(request: Request, name: str, password: str) -> response.HTTPResponse:
    """Too long is refused before anything else; then the attempt is counted (send_guide/triage/
    throttle.py) before the password is checked, so guesses sent at once cannot pass together."""
    now, throttle = _now(), request.app.ctx.throttle
    if too_long(name, password):
        return _render(request, "login.html", 400, error=f"The name can have at most {MAX_NAME_LENGTH} characters "
                       f"and the password at most {MAX_PASSWORD_LENGTH}: this is too long.")
    attempt = throttle.attempt(name, _client(request), now)
    if attempt is None:
        return _render(request, "login.html", 429, username=name,
                       error=f"Too many wrong passwords. Wait {WINDOW.seconds // 60} minutes, then try again.")
    with request.app.ctx.sessions.begin() as db:
        user = log_in(db, name, password, now)
        if user is None:
            # Kept in the staff audit trail as it commits; the log gets no name: it may be a password.
            log.info("Staff login failed (see the staff audit trail)")
            return _render(request, "login.html", 401, username=name,
                           error="The name or the password is wrong. Check them and try again.")
        throttle.succeeded(attempt)
        sessions.close(db, request.cookies.get(COOKIE))  # a new token at every login
        opened = sessions.open_session(db, user, now)
    log.info("Staff login: %s", user.username)
    redirect = response.redirect("/staff", status=303)
    redirect.cookies[COOKIE] = opened.token
    cookie = redirect.cookies[COOKIE]
    cookie["path"] = "/staff"
    cookie["httponly"] = True
    cookie["samesite"] = "Strict"
    cookie["secure"] = request.scheme == "https"  # behind a TLS proxy: set SEND_GUIDE_WEB_PROXIES_COUNT
    return redirect


def _client(request: Request) -> str:
    """The client's address as this server knows it: the one the proxy passed on when the server is
    configured to trust a proxy (SEND_GUIDE_WEB_PROXIES_COUNT; Sanic's remote_addr is empty
    otherwise), else the connection's own."""
    return request.remote_addr or request.ip


def _logout(ctx: StaffContext) -> response.HTTPResponse:
    sessions.close(ctx.db, ctx.request.cookies.get(COOKIE))
    audit.record(ctx.db, ctx.now, ctx.username, audit.LOGOUT)
    redirect = response.redirect(LOGIN + "?out=1", status=303)
    redirect.cookies[COOKIE] = ""
    redirect.cookies[COOKIE]["path"] = "/staff"
    redirect.cookies[COOKIE]["max-age"] = 0
    return redirect


# --- pages ----------------------------------------------------------------------------------------

def _queue_page(ctx: StaffContext) -> response.HTTPResponse:
    show = ctx.request.args.get("show", "open")
    if show not in VIEWS:
        show = "open"
    return ctx.render("queue.html", cases=queue(ctx.db, VIEWS[show]), show=show)


def _case_page(ctx: StaffContext, reference: str) -> response.HTTPResponse | AfterCommit:
    case = find_case(ctx.db, reference)
    if case is None:
        return ctx.render("not_found.html", 404, reference=reference)
    settings = ctx.request.app.ctx.settings
    # Everything from the database now (the case's columns and history are loaded with it and stay
    # readable after the transaction); the conversation from Rasa after it.
    today, summary = today_in_england(), situation_of(case)
    values = dict(case=case, statuses=STATUSES, letters=letters_on_case(ctx.db, case.id), letter_kinds=all_kinds(),
                  situation=describe(summary, today),
                  timeline=card_for_events(case_dates(case).items(), today, happened=events_without_day(summary)),
                  dates=[line for line in case.key_dates.splitlines() if line],
                  topics=[line for line in case.topics.splitlines() if line], **ctx.page_values())
    conversation_id = case.conversation_id

    def with_conversation() -> response.HTTPResponse:
        # A case an adviser opened from a pasted message has no conversation to fetch.
        lines = (transcript.fetch(settings.transcript_source, conversation_id, settings.rasa_token)
                 if conversation_id else None)
        return _render(ctx.request, "case.html", lines=lines, **values)

    return AfterCommit(with_conversation)


def _change_status(ctx: StaffContext, reference: str) -> response.HTTPResponse:
    status = ctx.request.form.get("status", "")
    if status not in STATUSES:
        return ctx.render("refused.html", 400)
    try:
        set_status(ctx.db, reference, status, ctx.username, ctx.now)
    except NoResultFound:
        return ctx.render("not_found.html", 404, reference=reference)
    return response.redirect(f"/staff/cases/{quote(reference)}", status=303)


def _export(ctx: StaffContext) -> response.HTTPResponse:
    show = ctx.request.args.get("show", "open")
    buffer = io.StringIO()
    show = show if show in VIEWS else "open"
    count = export_csv(ctx.db, buffer, VIEWS[show])
    audit.record(ctx.db, ctx.now, ctx.username, audit.EXPORT, f"{count} {show} cases as CSV")
    log.info("Staff export: %s exported %d cases", ctx.username, count)
    return csv_download(buffer.getvalue(), f"sendias-call-backs-{ctx.now.astimezone(LONDON):%Y-%m-%d}.csv")


def csv_download(text: str, filename: str) -> response.HTTPResponse:
    """A CSV file to save. With a byte order mark, spreadsheet programs read names in any script correctly."""
    return response.raw(text.encode("utf-8-sig"), content_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": f'attachment; filename="{filename}"'})


# --- read a message ---------------------------------------------------------------------------------
# The pasted text is read in this worker thread and shown back; it is never stored or logged.

def _read_form(ctx: StaffContext) -> response.HTTPResponse:
    return _read_page(ctx, "")


def _read_message(ctx: StaffContext) -> response.HTTPResponse:
    text = _pasted(ctx.request)
    problem = _text_problem(text)
    if problem:
        return _read_page(ctx, text, status=422, error=problem)
    return _read_page(ctx, text, triage_message(text, today_in_england()))


def _open_from_message(ctx: StaffContext) -> response.HTTPResponse:
    """A case with the reference, the urgency and the situation summary, and only the contact
    details the adviser typed. The message itself is not kept."""
    text = _pasted(ctx.request)
    problem = _text_problem(text)
    if problem:
        return _read_page(ctx, text, status=422, error=problem)
    triage = triage_message(text, today_in_england())
    typed = {name: ctx.request.form.get(name, "").strip() for name in ("name", "phone", "email")}
    contact, errors = _contact(typed)
    if errors:
        return _read_page(ctx, text, triage, status=422, contact=typed, contact_errors=errors)
    request = CallBackRequest(conversation_id="", consent_at=ctx.now, situation=triage.summary, **contact)
    case = open_case(ctx.db, request, triage.urgency, ctx.now, opened_by=ctx.username,
                     how="from a message read on the staff page (the message was not kept); ")
    log.info("Staff case: %s opened %s from a pasted message", ctx.username, case.reference)
    return response.redirect(f"/staff/cases/{quote(case.reference)}", status=303)


def _pasted(request: Request) -> str:
    """The pasted text, with the browser's CR LF line ends back to one character each."""
    return request.form.get("text", "").replace("\r\n", "\n")


def _text_problem(text: str) -> str:
    if not text.strip():
        return "Paste the message or your notes first."
    if len(text) > MAX_CHARS:
        return (f"This is {len(text):,} characters long. The page reads up to {MAX_CHARS:,} characters at a time. "
                "Please paste the part that tells the family's situation and their questions, or read it in "
                "two parts.")
    return ""


def _contact(typed: dict[str, str]) -> tuple[dict[str, str], dict[str, str]]:
    """The contact details to keep (a phone number in its national format), and what is wrong."""
    errors = {}
    if len(typed["name"]) > 100:
        errors["name"] = "The name can be up to 100 characters."
    phone = read_contact(typed["phone"]) if typed["phone"] else ""
    if phone is None or "@" in phone:
        errors["phone"] = "This is not a UK phone number. A UK number starts with 01, 02, 03, 07 or +44."
    if typed["email"] and (len(typed["email"]) > 200 or not is_email(typed["email"])):
        errors["email"] = "This is not an e-mail address. It looks like name@example.org."
    return {"name": typed["name"], "phone": phone or "", "email": typed["email"]}, errors


def _read_page(ctx: StaffContext, text: str, triage: MessageTriage | None = None, status: int = 200,
               **values: Any) -> response.HTTPResponse:
    today = today_in_england()
    shown = {}
    if triage is not None:
        shown = {"lines": reading_lines(triage.reading), "deadlines": triage.deadlines, "urgency": triage.urgency,
                 "answer": triage.answer, "summary": describe(triage.summary, today), "today": today}
    return ctx.render("read.html", status, current="read", text=text, limit=MAX_CHARS, result=shown,
                      **values)


def find_case(db: Session, reference: str) -> TriageCase | None:
    if not REFERENCE.fullmatch(reference):
        return None
    return db.scalar(select(TriageCase).where(TriageCase.reference == reference))


# --- rendering --------------------------------------------------------------------------------

def _render(request: Request, template: str, status: int = 200, **values: Any) -> response.HTTPResponse:
    page = request.app.ctx.templates.get_template(template).render(**values)
    return response.html(page, status=status)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def _when(moment: dt.datetime | None) -> str:
    if moment is None:
        return ""
    return as_utc(moment).astimezone(LONDON).strftime("%a %-d %b %Y, %H:%M")


def _waited(moment: dt.datetime, now: dt.datetime) -> str:
    """How long ago, in the largest whole unit: "3 days ago", "1 hour ago"."""
    minutes = max(0, int((now - as_utc(moment)).total_seconds() // 60))
    for size, unit in ((24 * 60, "day"), (60, "hour"), (1, "minute")):
        if minutes >= size:
            count = minutes // size
            return f"{count} {unit}{'' if count == 1 else 's'} ago"
    return "just now"


def _urgency(level: int) -> str:
    return Level(level).label.capitalize()
