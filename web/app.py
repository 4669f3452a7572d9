"""The web server: the demo Local Offer page with the widget, its privacy notice, /staff, and letter downloads.

Sanic, because Rasa already brings it (no new dependency) and it is a production server, unlike
the standard library's http.server. Files are read on each request so a change shows at once.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from sanic import Sanic, response
from sanic.request import Request

from send_guide import log_safety
from send_guide.contacts import all_contacts, fill_contacts
from send_guide.database.engine import make_engine, session_factory
from send_guide.database.schema import require_current_schema
from send_guide.languages.status import WIDGET_LOCALES_DIR
from send_guide.settings import conversations_database_url
from send_guide.triage.cases import retention_days
from web import letters, staff, staff_letters, staff_report
from web.headers import add_security_headers, page_policy
from web.settings import WebSettings

ROOT = Path(__file__).resolve().parent.parent
WIDGET = ROOT / "widget"
FILES = {
    "/": WIDGET / "demo" / "index.html",
    "/index.html": WIDGET / "demo" / "index.html",
    "/widget/send-guide-widget.js": WIDGET / "src" / "send-guide-widget.js",
    "/widget/send-guide-widget.css": WIDGET / "src" / "send-guide-widget.css",
    "/vendor/socket.io.min.js": WIDGET / "node_modules" / "socket.io-client" / "dist" / "socket.io.min.js",
    "/assets/staff.css": Path(__file__).resolve().parent / "static" / "staff.css",
    # The widget's own words in each language it offers.
    **{f"/widget/locales/{path.name}": path for path in sorted(WIDGET_LOCALES_DIR.glob("*.json"))},
}
PRIVACY_NOTICE = WIDGET / "demo" / "privacy.html"  # a template: its retention period follows the setting
TYPES = {
    ".json": "application/json; charset=utf-8",
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
}
DEMO_BOT_URL = "http://localhost:5005"  # as written in widget/demo/index.html
# The widget's files name phone numbers as {contact_<key>}, filled from contacts.yml when served
# (a council that hosts the widget files itself serves them the same way: README).
FILLED = {".js", ".json", ".html"}
VENDOR = WIDGET / "node_modules" / "socket.io-client" / "dist"
# The largest thing posted here is a message pasted on the staff page "Read a message": up to
# 20,000 characters (send_guide.triage.message.MAX_CHARS), sent as multipart form data, so at
# most 4 bytes each. The rest is room to tell an adviser kindly that a longer paste is too long.
MAX_REQUEST_BYTES = 256 * 1024


def create_app(settings: WebSettings, name: str = "send_guide_web") -> Sanic:
    log_safety.install()  # no logged value can forge a line or carry contact details (issue 17)
    app = Sanic(name, env_prefix="SEND_GUIDE_WEB_")  # not SANIC_: that configures the action server
    app.config.REQUEST_MAX_SIZE = MAX_REQUEST_BYTES
    app.config.FALLBACK_ERROR_FORMAT = "html"
    app.ctx.settings = settings
    all_contacts()  # a wrong contacts.yml stops the server at start, with its message
    app.ctx.templates = Environment(loader=FileSystemLoader(Path(__file__).resolve().parent / "templates"),
                                    autoescape=select_autoescape(default=True, default_for_string=True))
    engine = make_engine(settings.database_url)
    app.ctx.sessions = session_factory(engine)
    # Rasa's conversations, for the content report's counts (connects only when the report is read).
    app.ctx.conversations = make_engine(settings.conversations_database_url or conversations_database_url())

    @app.before_server_start
    async def check_schema(app_: Sanic, _loop) -> None:
        require_current_schema(engine)  # the set-up step migrates; this server only checks

    # Strict slashes: "/index.html/" is not a file here (it was a 500 and a traceback: FILES has no such key).
    for path in FILES:
        app.add_route(_serve_file, path, methods=["GET"], name=_route_name(path), strict_slashes=True)
    app.add_route(_privacy_notice, "/privacy.html", methods=["GET"], strict_slashes=True)
    app.add_route(_no_icon, "/favicon.ico", methods=["GET"], strict_slashes=True)
    staff.add_routes(app)
    letters.add_routes(app)  # /letters/<token>.docx and .pdf
    staff_letters.add_routes(app)  # letters on a case: /staff/cases/<reference>/letter(s)
    staff_report.add_routes(app)  # /staff/report, its charts and their numbers
    app.register_middleware(add_security_headers, "response")  # every response, error pages too
    return app


async def _serve_file(request: Request) -> response.HTTPResponse:
    path = FILES[request.path]
    if not path.is_file():
        return response.text("Not found", status=404)
    body = path.read_bytes()
    if path.suffix == ".html":  # point the demo page at the bot this server was started for
        body = body.replace(DEMO_BOT_URL.encode(), request.app.ctx.settings.bot_url.encode())
    if path.suffix in FILLED and path.parent != VENDOR:  # phone numbers from contacts.yml
        body = fill_contacts(body.decode("utf-8")).encode("utf-8")
    return _page(request, body, TYPES.get(path.suffix, "application/octet-stream"))


async def _privacy_notice(request: Request) -> response.HTTPResponse:
    template = request.app.ctx.templates.from_string(PRIVACY_NOTICE.read_text(encoding="utf-8"))
    page = fill_contacts(template.render(retention_days=retention_days()))
    return _page(request, page.encode(), TYPES[".html"])


async def _no_icon(_request: Request) -> response.HTTPResponse:
    return response.empty()  # no icon, and no 404 in the browser console


def _page(request: Request, body: bytes, content_type: str) -> response.HTTPResponse:
    # The embedding snippet's inline settings run by their hash, no other inline script.
    text = body.decode("utf-8", errors="replace") if content_type.startswith("text/html") else ""
    return response.raw(body, content_type=content_type, headers={
        "Cache-Control": "no-cache", "Content-Security-Policy": page_policy(request.app.ctx.settings.bot_url, text)})


def _route_name(path: str) -> str:
    return "file" + "".join(char if char.isalnum() else "_" for char in path)
