"""Security headers over the real web server (Issue 17, item 11): every response carries them, error
pages too; the demo page runs no inline script the policy did not name; HSTS only over HTTPS."""

import base64
import hashlib
import re
import tempfile
from pathlib import Path

import pytest
import requests
from sqlalchemy import text

from send_guide.database.engine import make_engine
from send_guide.database.schema import migrate
from tests.web.conftest import StaffSite
from tools.servers import free_port, running_web_server
from web.headers import HSTS

# (method, path, status): pages, files and the server's own error pages.
RESPONSES = [("GET", "/", 200), ("GET", "/privacy.html", 200), ("GET", "/widget/send-guide-widget.js", 200),
             ("GET", "/staff/login", 200), ("GET", "/no-such-page", 404), ("GET", "/version", 404),
             ("POST", "/", 405), ("DELETE", "/privacy.html", 405), ("GET", "/staff/no-such-page", 404),
             ("GET", "/index.html/", 404)]
TLS = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "192.0.2.10"}  # as nginx passes a request over HTTPS


def assert_protected(reply: requests.Response, over_tls: bool) -> None:
    where = f"{reply.request.method} {reply.request.path_url} ({reply.status_code})"
    assert reply.headers.get("X-Content-Type-Options") == "nosniff", where
    assert reply.headers.get("X-Frame-Options") == "DENY", where
    assert reply.headers.get("Referrer-Policy"), where
    policy = reply.headers.get("Content-Security-Policy", "")
    assert "frame-ancestors 'none'" in policy, where
    script_src = re.search(r"script-src([^;]*)", policy)
    assert script_src is None or "'unsafe-inline'" not in script_src.group(1), where
    if over_tls:
        assert reply.headers.get("Strict-Transport-Security") == HSTS, where
    else:
        assert "Strict-Transport-Security" not in reply.headers, where


@pytest.mark.parametrize("over_tls", [False, True], ids=["http", "https"])
def test_every_response_error_pages_too_carries_the_security_headers(staff_site: StaffSite, over_tls: bool) -> None:
    for method, path, status in RESPONSES:
        reply = requests.request(method, staff_site.url + path, headers=TLS if over_tls else {}, timeout=30)
        assert reply.status_code == status, (method, path, reply.status_code)
        assert_protected(reply, over_tls)


def test_a_server_error_page_carries_the_security_headers_too() -> None:
    """A 500 (here: the staff tables gone from under a running server) goes through the same headers."""
    database = Path(tempfile.mkdtemp(prefix="send-guide-500-")) / "broken.sqlite3"
    url = f"sqlite:///{database}"
    migrate(make_engine(url))
    with running_web_server(f"http://127.0.0.1:{free_port()}", url, log_dir=database.parent,
                            extra_env={"SEND_GUIDE_WEB_PROXIES_COUNT": "1"}) as site:
        engine = make_engine(url)
        with engine.begin() as connection:
            connection.execute(text("DROP TABLE staff_session"))
        engine.dispose()
        for headers, over_tls in (({}, False), (TLS, True)):
            reply = requests.get(f"{site}/staff", cookies={"send_guide_staff": "any"}, headers=headers, timeout=30)
            assert reply.status_code == 500
            assert_protected(reply, over_tls)
            assert "staff_session" not in reply.text, "no database detail on the error page"


def inline_scripts(page: str) -> list[str]:
    return re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", page, re.S)


def test_the_demo_page_allows_exactly_its_own_inline_script_and_no_other(staff_site: StaffSite) -> None:
    reply = requests.get(f"{staff_site.url}/", timeout=30)
    script_src = re.search(r"script-src ([^;]*)", reply.headers["Content-Security-Policy"]).group(1).split()
    assert "'unsafe-inline'" not in script_src
    scripts = inline_scripts(reply.text)
    assert scripts, "the page still embeds the widget with an inline settings object"
    hashes = {"'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"
              for script in scripts}
    assert set(script_src) == {"'self'", *hashes}, "each inline script is allowed by its hash, nothing else inline"
    assert "window.SendGuideConfig" in scripts[0]
