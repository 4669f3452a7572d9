"""Start the real action server and Rasa server on free local ports (tests and benchmarks).

Both run as child processes exactly as `make run` starts them, so tests talk to the same
thing a user does: HTTP on the REST channel.
"""

import contextlib
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

import requests

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class RunningAssistant:
    rasa_url: str  # the first (or only) Rasa instance
    action_url: str
    rasa_pid: int
    database_url: str  # the services directory and call-back cases of this run
    conversations_url: str  # Rasa's tracker store of this run
    token: str  # Rasa's HTTP API answers only requests that carry it
    rasa_urls: list[str] = field(default_factory=list)  # every instance, when there are several
    rasa_pids: list[int] = field(default_factory=list)

    def api(self, path: str) -> str:
        """The URL of a Rasa HTTP API endpoint, with the token."""
        return f"{self.rasa_url}{path}?token={self.token}"

    @property
    def webhook(self) -> str:
        return f"{self.rasa_url}/webhooks/rest/webhook"


def _wait_until_up(url: str, processes: list, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for process in processes:
            if process.poll() is not None:
                raise RuntimeError(f"{process.args[:3]} exited with {process.returncode} during start-up")
        with contextlib.suppress(requests.RequestException):
            if requests.get(url, timeout=2).ok:
                return
        time.sleep(0.5)
    raise TimeoutError(f"{url} did not answer within {timeout:.0f} s")


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def set_up_databases(env: dict[str, str]) -> None:
    """`python -m send_guide.database upgrade` on the databases `env` names. It is this project's
    command, so it runs from here whatever project the servers run in (the benchmarks' bare `rasa
    init`: run from there, Python could not find send_guide and `make benchmark` stopped)."""
    subprocess.run([sys.executable, "-m", "send_guide.database", "upgrade"], cwd=ROOT, env=env, check=True,
                   stdout=subprocess.DEVNULL)


@contextlib.contextmanager
def running_assistant(
    model: str,
    log_dir: Path | None = None,
    endpoints: str = "endpoints.yml",
    with_actions: bool = True,
    timeout: float = 240,
    cwd: Path = ROOT,
    cors_origin: str | None = None,
    extra_env: dict[str, str] | None = None,
    instances: int = 1,
) -> Iterator[RunningAssistant]:
    """Run the assistant on `model` (project in `cwd`) until the block ends; logs go to `log_dir`.
    With `instances` > 1, that many Rasa servers share the action server and the stores."""
    rasa_ports, action_port = [free_port() for _ in range(instances)], free_port()
    token = secrets.token_urlsafe(24)  # as `make run` does: the HTTP API is never open
    log_dir = log_dir or ROOT / "test-output"
    log_dir.mkdir(parents=True, exist_ok=True)
    env = dict(
        os.environ,
        # The services directory of this run: a fresh SQLite file, set up below, unless
        # the caller chose a database (e.g. PostgreSQL) with DATABASE_URL.
        DATABASE_URL=os.environ.get("DATABASE_URL") or f"sqlite:///{log_dir / 'services.sqlite3'}",
        # Its conversations: likewise a fresh SQLite file unless CONVERSATIONS_DATABASE_URL is set.
        CONVERSATIONS_DATABASE_URL=(os.environ.get("CONVERSATIONS_DATABASE_URL")
                                    or f"sqlite:///{log_dir / 'conversations.sqlite3'}"),
        ACTION_ENDPOINT_URL=f"http://127.0.0.1:{action_port}/webhook",
        SANIC_HOST="127.0.0.1",
        RASA_TELEMETRY_ENABLED="false",
        # As `make run` and deploy/ set it: Rasa's default listen queue of 100 resets connections
        # when more arrive at once (benchmarks/RESULTS.md, "Load").
        SANIC_BACKLOG=os.environ.get("SANIC_BACKLOG") or "1024",
        # scripts/rasa_server.py turns these into --auth-token and --cors, as `make run` does.
        RASA_TOKEN=token,
        # One secret for all instances: a live chat carries on whichever instance it reaches.
        SEND_GUIDE_SESSION_SECRET=secrets.token_hex(32),
    )
    if cors_origin:
        env["CORS_ORIGINS"] = cors_origin
    env.update(extra_env or {})
    (log_dir / "services.sqlite3").unlink(missing_ok=True)
    (log_dir / "conversations.sqlite3").unlink(missing_ok=True)
    set_up_databases(env)  # the set-up step first, as `make run` does: the servers only check the schema
    processes: list = []
    try:
        if with_actions:
            processes.append(
                subprocess.Popen(
                    [str(BIN / "rasa"), "run", "actions", "--actions", "actions", "--port", str(action_port)],
                    cwd=cwd, env=env, stdout=(log_dir / "actions.log").open("w"), stderr=subprocess.STDOUT,
                )
            )
        rasa_processes = []
        for number, rasa_port in enumerate(rasa_ports):
            log = log_dir / ("rasa.log" if number == 0 else f"rasa-{number + 1}.log")
            rasa_processes.append(subprocess.Popen(
                [sys.executable, str(ROOT / "scripts" / "rasa_server.py"), "--model", model, "--port", str(rasa_port),
                 "--interface", "127.0.0.1", "--enable-api",
                 "--credentials", "credentials.yml", "--endpoints", endpoints],
                cwd=cwd, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT,
            ))
        processes.extend(rasa_processes)
        rasa_urls = [f"http://127.0.0.1:{port}" for port in rasa_ports]
        if with_actions:
            _wait_until_up(f"http://127.0.0.1:{action_port}/health", processes, timeout)
        for rasa_url in rasa_urls:
            _wait_until_up(f"{rasa_url}/status?token={token}", processes, timeout)
        yield RunningAssistant(rasa_urls[0], f"http://127.0.0.1:{action_port}", rasa_processes[0].pid,
                               env["DATABASE_URL"], env["CONVERSATIONS_DATABASE_URL"], token, rasa_urls,
                               [process.pid for process in rasa_processes])
    finally:
        for process in reversed(processes):
            _stop(process)


@contextlib.contextmanager
def running_web_server(
    bot_url: str,
    database_url: str,
    log_dir: Path | None = None,
    extra_env: dict[str, str] | None = None,
    timeout: float = 60,
    port: int | None = None,
) -> Iterator[str]:
    """Run the widget and staff web server (scripts/serve_widget.py) until the block ends; yields its URL."""
    port = port or free_port()
    log_dir = log_dir or ROOT / "test-output"
    log_dir.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, DATABASE_URL=database_url, **(extra_env or {}))
    process = subprocess.Popen(
        [sys.executable, "scripts/serve_widget.py", "--port", str(port), "--bot-url", bot_url],
        cwd=ROOT, env=env, stdout=(log_dir / "web.log").open("w"), stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(f"{url}/staff/login", [process], timeout)
        yield url
    finally:
        _stop(process)
