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
from typing import Iterator

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


@contextlib.contextmanager
def temporary_nginx(rasa: tuple[str, str], web: str, chat_rate: int = 10, chat_burst: int = 20) -> Iterator[str]:
    """Start nginx in front of two Rasa instances and the web server (host:port each); yields its URL."""
    binary = ensure_installed()
    prefix = Path(tempfile.mkdtemp(prefix="send-guide-nginx-"))
    port = free_port()
    (prefix / "send-guide.conf").write_text(render({
        "RASA_1": rasa[0], "RASA_2": rasa[1], "WEB": web, "LISTEN": f"127.0.0.1:{port}",
        "ACCESS_LOG": str(prefix / "access.log"), "CHAT_RATE": str(chat_rate), "CHAT_BURST": str(chat_burst),
    }))
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
    include {prefix}/send-guide.conf;
}}
""")
    process = subprocess.Popen([binary, "-p", str(prefix), "-c", str(prefix / "nginx.conf"), "-g", "daemon off;"],
                               stdout=(prefix / "stdout.log").open("w"), stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(f"{url}/privacy.html", [process], 30)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)
        shutil.rmtree(prefix, ignore_errors=True)
