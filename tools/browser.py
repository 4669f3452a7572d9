"""Debian's Chromium for the browser tests (Playwright's own browser download cannot work here).

Installs `chromium` and `fonts-noto-core` (for Urdu, Arabic, Bengali text) when missing.
"""

from __future__ import annotations

import os

from tools.debian import apt_install

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


def ensure_chromium() -> str:
    if not os.path.exists(CHROMIUM):
        apt_install("chromium", "fonts-noto-core")
    if not os.path.exists(CHROMIUM):
        raise RuntimeError("Chromium is not installed: apt-get install chromium fonts-noto-core")
    return CHROMIUM
