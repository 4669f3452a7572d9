"""Security headers on every response of the web server, its own error pages included.

A page sets its own Content-Security-Policy (the demo page and widget files: `page_policy`; the
staff pages: web/staff.py); anything else, such as Sanic's 404, 405 and 500 pages, gets
ERROR_POLICY. HSTS goes only on a request that came over HTTPS (directly, or through nginx when
the server trusts it: SEND_GUIDE_WEB_PROXIES_COUNT): browsers ignore it over plain HTTP, and a
development server on http://localhost must stay reachable. nginx sends the same value
(deploy/nginx; tests/unit/test_deploy.py keeps the two equal).
"""

from __future__ import annotations

import base64
import hashlib
import re

from sanic import response
from sanic.request import Request

HSTS = "max-age=31536000"  # a year; no includeSubDomains: the council's other hosts are not ours to decide
COMMON = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",  # with frame-ancestors 'none' below, for browsers that know only this one
    "Referrer-Policy": "same-origin",
}
# Sanic's error pages style themselves inline and run no script.
ERROR_POLICY = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; " \
               "form-action 'none'"
_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc\s*=)[^>]*>(.*?)</script>", re.S | re.I)


def page_policy(bot_url: str, body: str) -> str:
    """The demo page's policy: it talks only to itself and the bot, and runs only its own files and
    the inline scripts it holds now (each allowed by its hash, so no other inline script runs)."""
    scripts = " ".join(["'self'", *script_hashes(body)])
    bot_ws = bot_url.replace("http", "ws", 1)
    return (f"default-src 'self'; script-src {scripts}; style-src 'self' 'unsafe-inline'; "
            f"connect-src 'self' {bot_url} {bot_ws}; img-src 'self' data:; frame-ancestors 'none'; base-uri 'self'")


def script_hashes(html: str) -> list[str]:
    """CSP sources for each inline script of `html`: the hash of its text as the browser reads it
    (the HTML parser turns CR LF into LF first)."""
    hashes = []
    for script in _INLINE_SCRIPT.findall(html):
        text = script.replace("\r\n", "\n").replace("\r", "\n")
        hashes.append("'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'")
    return hashes


async def add_security_headers(request: Request, resp: response.HTTPResponse) -> None:
    """Response middleware: what a handler set itself is kept."""
    for name, value in (*COMMON.items(), ("Content-Security-Policy", ERROR_POLICY)):
        if name not in resp.headers:
            resp.headers[name] = value
    if request.scheme == "https":
        resp.headers["Strict-Transport-Security"] = HSTS
