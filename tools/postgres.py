"""A throw-away PostgreSQL server for tests: temporary data directory, free port, loopback only.

Installs Debian's `postgresql` package when the binaries are missing (CI starts without it).
PostgreSQL refuses to run as root, so as root the server runs as the `postgres` user.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Iterator

from tools.debian import installed
from tools.servers import free_port


def _bin_dir() -> Path | None:
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).resolve().parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
    return Path(versions[-1]).parent if versions else None


def ensure_installed() -> Path:
    return installed(_bin_dir, "postgresql", "PostgreSQL", "the PostgreSQL tests")


@contextlib.contextmanager
def temporary_postgres() -> Iterator[str]:
    """Start a server; yields a SQLAlchemy URL to an empty database; stops and deletes it after."""
    bin_dir = ensure_installed()
    as_root = os.geteuid() == 0
    run_as = ["runuser", "-u", "postgres", "--"] if as_root else []
    user = "postgres" if as_root else os.environ.get("USER", "postgres")
    data = Path(tempfile.mkdtemp(prefix="send-guide-pg-"))
    if as_root:
        shutil.chown(data, "postgres", "postgres")
    port = free_port()
    pgdata = data / "data"
    subprocess.run([*run_as, str(bin_dir / "initdb"), "-D", str(pgdata), "-A", "trust", "-U", user, "-E", "UTF8"],
                   check=True, capture_output=True)
    options = f"-p {port} -k {data} -c listen_addresses=127.0.0.1 -c fsync=off"
    subprocess.run([*run_as, str(bin_dir / "pg_ctl"), "-D", str(pgdata), "-o", options,
                    "-l", str(data / "server.log"), "-w", "start"], check=True, capture_output=True)
    try:
        subprocess.run([*run_as, str(bin_dir / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", user,
                        "send_guide"], check=True, capture_output=True)
        yield f"postgresql+psycopg2://{user}@127.0.0.1:{port}/send_guide"
    finally:
        subprocess.run([*run_as, str(bin_dir / "pg_ctl"), "-D", str(pgdata), "-m", "fast", "-w", "stop"],
                       check=False, capture_output=True)
        shutil.rmtree(data, ignore_errors=True)
