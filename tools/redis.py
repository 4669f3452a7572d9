"""A throw-away Redis server for tests: free port, loopback only, nothing written to disk.

Installs Debian's `redis-server` package when the binary is missing (CI starts without it).
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Iterator

import redis

from tools.debian import installed
from tools.servers import free_port


def ensure_installed() -> str:
    return installed(lambda: shutil.which("redis-server"), "redis-server", "Redis", "the multi-instance tests")


@contextlib.contextmanager
def temporary_redis() -> Iterator[str]:
    """Start a server; yields its URL (redis://127.0.0.1:PORT/1); stops it after."""
    binary = ensure_installed()
    port = free_port()
    workdir = Path(tempfile.mkdtemp(prefix="send-guide-redis-"))
    process = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
         "--dir", str(workdir), "--protected-mode", "yes"],
        stdout=(workdir / "redis.log").open("w"), stderr=subprocess.STDOUT,
    )
    try:
        client = redis.Redis(host="127.0.0.1", port=port, socket_timeout=1)
        for _ in range(100):
            with contextlib.suppress(redis.ConnectionError):
                if client.ping():
                    break
            if process.poll() is not None:
                raise RuntimeError(f"redis-server exited: {(workdir / 'redis.log').read_text()}")
            time.sleep(0.1)
        yield f"redis://127.0.0.1:{port}/1"
    finally:
        process.terminate()
        process.wait(timeout=10)
        shutil.rmtree(workdir, ignore_errors=True)
