"""Debian's Chromium for the browser tests (Playwright's own browser download cannot work here).

Installs `chromium` and `fonts-noto-core` (for Urdu, Arabic, Bengali text) when missing.
"""

from __future__ import annotations

import os
import shutil
import subprocess

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


def ensure_chromium() -> str:
    if not os.path.exists(CHROMIUM) and os.geteuid() == 0 and shutil.which("apt-get"):
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run(["apt-get", "update", "-qq"], check=False, env=env, capture_output=True)
        subprocess.run(["apt-get", "install", "-y", "-qq", "chromium", "fonts-noto-core"], check=True, env=env,
                       capture_output=True)
    if not os.path.exists(CHROMIUM):
        raise RuntimeError("Chromium is not installed: apt-get install chromium fonts-noto-core")
    return CHROMIUM
