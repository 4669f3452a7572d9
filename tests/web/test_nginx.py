"""The deployed nginx template in front of the web server and a stand-in for Rasa (Issue 17, item 11):
only the two chat addresses reach Rasa, whatever the path is dressed up as.

The stand-in answers every path as Rasa's "/" does ("Hello from Rasa: <version>") and notes what
it was asked, so the test sees both what a visitor gets and what got through.
"""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Iterator

import pytest
import requests

from tests.web.conftest import StaffSite
from tools.nginx import temporary_nginx

RASA_SAYS = "Hello from Rasa: 3.6.21"


class _Rasa(BaseHTTPRequestHandler):
    asked: list[str] = []

    def do_GET(self) -> None:  # http.server's name for it
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.asked.append(self.path)
        body = RASA_SAYS.encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_POST = do_GET

    def log_message(self, *_args) -> None:
        pass


@pytest.fixture
def rasa_stand_in() -> Iterator[tuple[str, list[str]]]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Rasa)
    _Rasa.asked = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"127.0.0.1:{server.server_address[1]}", _Rasa.asked
    server.shutdown()


def test_only_the_chat_addresses_reach_rasa_through_nginx(staff_site: StaffSite, rasa_stand_in) -> None:
    rasa, asked = rasa_stand_in
    with temporary_nginx((rasa, rasa), staff_site.url.removeprefix("http://")) as proxy:
        for path in ("/", "/version", "/status", "/socket.io/../version", "/socket.io/x/..%2F..%2Fversion",
                     "/socket.io/x", "/webhooks/rest/", "/webhooks/rest/webhook/../../version"):
            reply = requests.get(proxy + path, timeout=30)
            assert RASA_SAYS not in reply.text and "Rasa" not in reply.headers.get("Server", ""), path
        assert asked == []
        handshake = requests.get(f"{proxy}/socket.io/?EIO=4&transport=polling", timeout=30)
        assert handshake.text == RASA_SAYS and asked == ["/socket.io/?EIO=4&transport=polling"]
        webhook = requests.post(f"{proxy}/webhooks/rest/webhook", json={"sender": "s", "message": "hi"}, timeout=30)
        assert webhook.text == RASA_SAYS and asked[-1] == "/webhooks/rest/webhook"
        assert "Strict-Transport-Security" not in handshake.headers, "plain HTTP here: no HSTS"
