"""A throw-away nginx for tests, running deploy/nginx/send-guide.conf.template as deployed.

Installs Debian's `nginx` package when the binary is missing (CI starts without it). Runs in the
foreground from a temporary prefix directory, on a free loopback port.
"""

from __future__ import annotations

import contextlib
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Callable, Iterator

from tools.debian import installed
from tools.servers import ROOT, _wait_until_up, free_port

TEMPLATE = ROOT / "deploy" / "nginx" / "send-guide.conf.template"
PLACEHOLDER = re.compile(r"\$\{([A-Z0-9_]+)\}")  # as the nginx image's envsubst step fills them


def _nginx() -> str | None:
    """nginx on PATH, or where Debian puts it (/usr/sbin is not on every user's PATH)."""
    return shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").is_file() else None)


def ensure_installed() -> str:
    return installed(_nginx, "nginx", "nginx", "the multi-instance tests")


def render(values: dict[str, str]) -> str:
    """The template with its placeholders filled in; nginx's own $variables are left alone."""
    text = PLACEHOLDER.sub(lambda found: values[found.group(1)], TEMPLATE.read_text())
    return text


# No balancer in front: trust no address but nginx's own host (deploy/ uses the same default).
NO_BALANCER = "127.0.0.1"


def _configure(http: Callable[[Path], str]) -> Path:
    """A temporary prefix directory with nginx.conf, whose http block is `http(prefix)`."""
    prefix = Path(tempfile.mkdtemp(prefix="send-guide-nginx-"))
    for temp in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (prefix / temp).mkdir()
    (prefix / "nginx.conf").write_text(f"""
worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    client_body_temp_path {prefix}/body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;
{http(prefix)}
}}
""")
    return prefix


def check_config(values: dict[str, str]) -> subprocess.CompletedProcess:
    """`nginx -t` on the template filled in with `values`, as the nginx image includes it (http context)."""
    binary = ensure_installed()
    prefix = _configure(lambda _: render(values))
    try:
        return subprocess.run([binary, "-t", "-p", str(prefix), "-c", str(prefix / "nginx.conf")],
                              capture_output=True, text=True, timeout=60)
    finally:
        shutil.rmtree(prefix, ignore_errors=True)


@contextlib.contextmanager
def _running(http: Callable[[Path], str], check: str) -> Iterator[None]:
    """Run nginx in the foreground from a temporary prefix directory until the block ends, with
    `http(prefix)` as its http block; up once `check` (a URL) answers."""
    binary = ensure_installed()
    prefix = _configure(http)
    process = subprocess.Popen([binary, "-p", str(prefix), "-c", str(prefix / "nginx.conf"), "-g", "daemon off;"],
                               stdout=(prefix / "stdout.log").open("w"), stderr=subprocess.STDOUT)
    try:
        _wait_until_up(check, [process], 30)
        yield
    finally:
        process.terminate()
        process.wait(timeout=10)
        shutil.rmtree(prefix, ignore_errors=True)


@contextlib.contextmanager
def temporary_nginx(rasa: tuple[str, str], web: str, chat_rate: int = 10, chat_burst: int = 20,
                    trusted_proxy: str = NO_BALANCER) -> Iterator[str]:
    """Start nginx in front of two Rasa instances and the web server (host:port each); yields its URL."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"

    def site(prefix: Path) -> str:
        return render({
            "RASA_1": rasa[0], "RASA_2": rasa[1], "WEB": web, "LISTEN": f"127.0.0.1:{port}",
            "ACCESS_LOG": str(prefix / "access.log"), "CHAT_RATE": str(chat_rate), "CHAT_BURST": str(chat_burst),
            "TRUSTED_PROXY": trusted_proxy,
        })

    with _running(site, f"{url}/privacy.html"):
        yield url


@contextlib.contextmanager
def temporary_balancer(site: str, source: str) -> Iterator[str]:
    """A stand-in for the council's TLS load balancer in front of `site` (nginx's URL): a second
    nginx that connects from the address `source` (any 127.x.y.z is this machine) and says what
    such a balancer says: the client's address (X-Forwarded-For) and that it came over HTTPS."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"

    def balancer(prefix: Path) -> str:
        return f"""
    access_log {prefix}/access.log;
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass {site};
            proxy_bind {source};
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto https;
        }}
    }}
"""

    with _running(balancer, f"{url}/privacy.html"):
        yield url
