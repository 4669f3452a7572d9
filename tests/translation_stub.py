"""A stand-in translation service on 127.0.0.1 speaking the LibreTranslate, Azure and Google APIs.

Its "translation" marks every translatable piece of text with the target language ("[ur] ...")
and leaves `translate="no"` spans alone, as the real services do, so tests can tell translated
text from English and check that protected parts survive. `mode` makes it misbehave the ways a
real service can: slow, failing, or mangling protected parts. Every request is recorded.
"""

from __future__ import annotations

import contextlib
import json
import re
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Iterator
from urllib.parse import parse_qs, urlparse

_PROTECTED_SPAN = re.compile(r'(<span translate="no"[^>]*>.*?</span>)')


def fake_translate(html: str, target: str, mangle: bool = False) -> str:
    pieces = _PROTECTED_SPAN.split(html)
    out = []
    for piece in pieces:
        if _PROTECTED_SPAN.fullmatch(piece):
            out.append("<span>[lost]</span>" if mangle else piece)
        elif piece.strip():
            out.append(f"[{target}] {piece}")
        else:
            out.append(piece)
    return "".join(out)


@dataclass
class Recorded:
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: Any


@dataclass
class TranslationStub:
    url: str = ""
    mode: str = "ok"  # ok | slow | error | mangle | replay
    slow_seconds: float = 3.0
    replay: Any = None  # the body to send back in "replay" mode
    requests: list[Recorded] = field(default_factory=list)

    def answer(self, path: str, body: Any, query: dict[str, list[str]]) -> tuple[int, Any]:
        if self.mode == "slow":
            time.sleep(self.slow_seconds)
        if self.mode == "error":
            return 503, {"error": "unavailable"}
        if self.mode == "replay":
            return 200, self.replay
        mangle = self.mode == "mangle"
        if path == "/translate" and isinstance(body, list):  # Azure
            target = query["to"][0]
            return 200, [{"translations": [{"text": fake_translate(item["Text"], target, mangle), "to": target}]}
                         for item in body]
        if path == "/translate":  # LibreTranslate
            texts = body["q"] if isinstance(body["q"], list) else [body["q"]]
            out = [fake_translate(text, body["target"], mangle) for text in texts]
            return 200, {"translatedText": out if isinstance(body["q"], list) else out[0]}
        if path == "/language/translate/v2":  # Google
            return 200, {"data": {"translations": [
                {"translatedText": fake_translate(text, body["target"], mangle)} for text in body["q"]]}}
        return 404, {"error": "not found"}


def _handler(stub: TranslationStub) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 - http.server's naming
            parsed = urlparse(self.path)
            raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            body = json.loads(raw or b"null")
            query = parse_qs(parsed.query)
            stub.requests.append(Recorded(parsed.path, query, dict(self.headers), body))
            status, reply = stub.answer(parsed.path, body, query)
            data = json.dumps(reply).encode()
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up waiting ("slow" mode)

        def log_message(self, *args: Any) -> None:
            pass

    return Handler


@contextlib.contextmanager
def running_stub() -> Iterator[TranslationStub]:
    stub = TranslationStub()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(stub))
    server.daemon_threads = True
    stub.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield stub
    finally:
        server.shutdown()
        server.server_close()
