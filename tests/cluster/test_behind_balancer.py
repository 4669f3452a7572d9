"""nginx (deploy/nginx) behind the TLS load balancer the README recommends, with a client that
skips the balancer and writes the balancer's headers itself.

Every address is this machine's loopback (any 127.x.y.z): the balancer, a second nginx, connects
from 127.0.0.2, the only address nginx is told to trust; each client connects from its own. The
chat's Rasa is a small server that answers with the headers it got (the real one does not show
them); the staff web server is the real one, on SQLite with one staff account.
"""

from __future__ import annotations

import datetime as dt
import http.client
import json
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Iterator
from urllib.parse import urlencode, urlsplit

import pytest

from send_guide.database.engine import make_engine, session_factory
from send_guide.database.schema import migrate
from send_guide.triage.staff import add_staff
from tools.nginx import temporary_balancer, temporary_nginx
from tools.servers import ROOT, free_port, running_web_server

BALANCER = "127.0.0.2"
PASSWORD = "a long test passphrase"
LOGIN_BURST = 5  # deploy/nginx: /staff/login takes 10 a minute per client, 5 more at once


class _ShowHeaders(BaseHTTPRequestHandler):
    """Answers a chat request with the headers it arrived with and which instance it reached."""

    def do_POST(self) -> None:  # http.server's name for it
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        seen = {name.lower(): value for name, value in self.headers.items()}
        body = json.dumps({**seen, "instance": self.server.server_address[1]}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST

    def log_message(self, *args) -> None:
        pass


@dataclass(frozen=True)
class Site:
    nginx: str  # reached directly
    balancer: str  # the balancer in front of nginx


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Iterator[Site]:
    database = tmp_path_factory.mktemp("balancer") / "web.sqlite3"
    engine = make_engine(f"sqlite:///{database}")
    migrate(engine)
    with session_factory(engine)() as session:
        add_staff(session, "adviser", PASSWORD, dt.datetime.now(dt.timezone.utc))
        session.commit()
    engine.dispose()
    rasa = [ThreadingHTTPServer(("127.0.0.1", 0), _ShowHeaders) for _ in range(2)]
    for instance in rasa:
        threading.Thread(target=instance.serve_forever, daemon=True).start()
    addresses = tuple(f"127.0.0.1:{instance.server_address[1]}" for instance in rasa)
    nobody = f"http://127.0.0.1:{free_port()}"
    try:
        with running_web_server(nobody, f"sqlite:///{database}", log_dir=ROOT / "test-output" / "balancer",
                                extra_env={"SEND_GUIDE_WEB_PROXIES_COUNT": "1"}) as web, \
                temporary_nginx(addresses, web.removeprefix("http://"),
                                trusted_proxy=BALANCER) as nginx, \
                temporary_balancer(nginx, source=BALANCER) as balancer:
            yield Site(nginx, balancer)
    finally:
        for instance in rasa:
            instance.shutdown()


def send(url: str, path: str, client: str, method: str = "GET", body: str | None = None,
         headers: dict[str, str] | None = None) -> http.client.HTTPResponse:
    """One request from the address `client`; the reply is read in full."""
    where = urlsplit(url)
    connection = http.client.HTTPConnection(where.hostname, where.port, timeout=30, source_address=(client, 0))
    try:
        connection.request(method, path, body=body, headers=headers or {})
        reply = connection.getresponse()
        reply.body = reply.read()
        return reply
    finally:
        connection.close()


def seen_by_rasa(url: str, client: str, headers: dict[str, str] | None = None) -> dict[str, str]:
    reply = send(url, "/webhooks/rest/webhook", client, "POST", '{"sender": "a", "message": "hi"}',
                 {"Content-Type": "application/json", **(headers or {})})
    assert reply.status == 200, reply.body
    return json.loads(reply.body)


def log_in(url: str, client: str, headers: dict[str, str] | None = None) -> http.client.HTTPResponse:
    reply = send(url, "/staff/login", client, "POST", urlencode({"username": "adviser", "password": PASSWORD}),
                 {"Content-Type": "application/x-www-form-urlencoded", **(headers or {})})
    assert reply.status == 303, reply.body
    return reply


def logins_until_refused(url: str, client: str, headers: dict[str, str] | None = None) -> int:
    """How many login pages `client` gets before nginx answers 429 (at most one more than it allows)."""
    for number in range(1, LOGIN_BURST + 3):
        if send(url, "/staff/login", client, headers=headers).status == 429:
            return number
    return number


def test_the_backends_see_the_family_behind_the_balancer_and_that_it_came_over_https(site: Site) -> None:
    seen = seen_by_rasa(site.balancer, "127.0.0.3")
    assert seen["x-forwarded-for"] == "127.0.0.3", "the family's address, not the balancer's"
    assert seen["x-forwarded-proto"] == "https"
    cookie = log_in(site.balancer, "127.0.0.3").headers["Set-Cookie"]
    assert "Secure" in cookie, "the web server marks the staff cookie Secure"
    assert send(site.balancer, "/privacy.html", "127.0.0.3").headers["Strict-Transport-Security"]


def test_two_families_behind_the_balancer_have_their_own_rate_limits(site: Site) -> None:
    assert logins_until_refused(site.balancer, "127.0.0.4") == LOGIN_BURST + 2
    assert send(site.balancer, "/staff/login", "127.0.0.5").status == 200, "another family is not refused"


def test_live_chats_behind_the_balancer_are_spread_over_both_rasa_instances(site: Site) -> None:
    """socket.io keeps each client on one instance (ip_hash, on the first three parts of an IPv4
    address): keyed on the balancer, every family would share one instance."""
    clients = [f"127.0.{number}.1" for number in range(1, 9)]
    reached = {client: {json.loads(send(site.balancer, "/socket.io/?EIO=4", client).body)["instance"]
                        for _ in range(2)} for client in clients}
    assert all(len(instances) == 1 for instances in reached.values()), "each family stays on one"
    assert len(set().union(*reached.values())) == 2


def test_a_client_that_skips_the_balancer_cannot_say_who_it_is_or_claim_https(site: Site) -> None:
    pretending = {"X-Forwarded-For": "127.0.0.9", "X-Forwarded-Proto": "https",
                  "X-Forwarded-Host": "elsewhere.example", "X-Forwarded-Port": "443"}
    seen = seen_by_rasa(site.nginx, "127.0.0.6", pretending)
    assert seen["x-forwarded-for"] == "127.0.0.6" and seen["x-forwarded-proto"] == "http"
    assert "x-forwarded-host" not in seen and "x-forwarded-port" not in seen
    assert "Secure" not in log_in(site.nginx, "127.0.0.6", pretending).headers["Set-Cookie"]
    assert "Strict-Transport-Security" not in send(site.nginx, "/privacy.html", "127.0.0.6", headers=pretending).headers
    # Its own limit, however many addresses it names; and what it named is not charged.
    assert logins_until_refused(site.nginx, "127.0.0.7", {"X-Forwarded-For": "127.0.0.8"}) == LOGIN_BURST + 2
    assert send(site.nginx, "/staff/login", "127.0.0.7", headers={"X-Forwarded-For": "127.0.0.10"}).status == 429
    assert send(site.balancer, "/staff/login", "127.0.0.8").status == 200
    # Nor through the balancer: it adds the address it saw; what the client wrote before it is ignored.
    assert seen_by_rasa(site.balancer, "127.0.0.11", {"X-Forwarded-For": "127.0.0.12"})["x-forwarded-for"] \
        == "127.0.0.11"
