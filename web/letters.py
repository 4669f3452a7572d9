"""Letter downloads: /letters/<token>.docx and /letters/<token>.pdf (send_guide/letters/downloads.py).

The file is made from the stored letter at each request, never kept as a file. A link that is
unknown, malformed or past its hour gets the same short page, which never repeats the address:
what someone typed is not echoed back, and a wrong link says nothing about which links exist.
Database work and rendering run in a worker thread, so making a PDF never holds up the event loop.
The address carries the token, so the page is kept by no cache, indexed by no search engine, and
sent as no referrer; the web server writes no access log (scripts/serve_widget.py) and nginx logs
these requests without the address (deploy/nginx).
"""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Callable

from sanic import Sanic, response
from sanic.request import Request

from send_guide.letters.downloads import FORMS, forget_expired, letter_for, well_formed
from send_guide.letters.letter import Letter
from send_guide.letters.pdf import to_pdf
from send_guide.letters.word import to_docx
from web.headers import ERROR_POLICY

PREFIX = "/letters/"
CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}
RENDERERS: dict[str, Callable[[Letter], bytes]] = {"docx": to_docx, "pdf": to_pdf}
HEADERS = {
    "Cache-Control": "no-store",  # personal data: never kept by the browser or a proxy
    "X-Robots-Tag": "noindex",
    "Referrer-Policy": "no-referrer",  # the address is the key to the letter
}
GONE_PAGE = """<!doctype html>
<html lang="en-GB">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>This link does not work</title></head>
<body style="font-family: Arial, sans-serif; font-size: 1.1rem; max-width: 40rem; margin: 2rem auto; padding: 0 1rem">
<h1>This link does not work</h1>
<p>This link has expired or is not right. Links to a letter work for 1 hour. Ask the chat for the letter again.</p>
</body>
</html>
"""


def add_routes(app: Sanic) -> None:
    """One route for both forms: the extension is read from the name, so nothing else under /letters/ answers."""
    app.add_route(_download, PREFIX + "<name:str>", methods=["GET"], strict_slashes=True, name="letter_download")
    app.register_middleware(_letter_headers, "response")


async def _download(request: Request, name: str) -> response.HTTPResponse:
    token, _dot, form = name.rpartition(".")
    if form not in FORMS or not well_formed(token):
        return _gone()  # before any database work
    made = await asyncio.to_thread(_letter_file, request, token, form)
    return _gone() if made is None else made


def letter_file(letter: Letter, form: str) -> response.HTTPResponse:
    """The letter as a Word or PDF download, made now (never kept as a file). Also the staff page's."""
    return response.raw(RENDERERS[form](letter), content_type=CONTENT_TYPES[form], headers={
        "Content-Disposition": f'attachment; filename="{letter.file_stem()}.{form}"'})


def _letter_file(request: Request, token: str, form: str) -> response.HTTPResponse | None:
    """The download, or None; expired letters are deleted first, in the same transaction."""
    now = dt.datetime.now(dt.timezone.utc)
    with request.app.ctx.sessions.begin() as db:
        forget_expired(db, now)
        letter = letter_for(db, token, now)
    return None if letter is None else letter_file(letter, form)


def _gone() -> response.HTTPResponse:
    return response.html(GONE_PAGE, status=404, headers={"Content-Security-Policy": ERROR_POLICY})


async def _letter_headers(request: Request, resp: response.HTTPResponse) -> None:
    """On every answer under /letters/, Sanic's own 404 and 405 pages too."""
    if request.path.startswith(PREFIX):
        for name, value in HEADERS.items():
            resp.headers[name] = value
