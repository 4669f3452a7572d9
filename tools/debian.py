"""Install Debian packages the tests need (PostgreSQL, Chromium) when they are missing.

CI starts on a clean machine; as root with apt-get available this installs them, anywhere else
it does nothing and the caller reports what to install.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from typing import Callable, TypeVar

Found = TypeVar("Found")


def apt_install(*packages: str) -> bool:
    """Install `packages`; False when this machine cannot (not root, or no apt-get)."""
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        return False
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "update", "-qq"], check=False, env=env, capture_output=True)
    subprocess.run(["apt-get", "install", "-y", "-qq", *packages], check=True, env=env, capture_output=True)
    return True


def installed(find: Callable[[], Found | None], package: str, name: str, needed_for: str) -> Found:
    """What `find` locates, after installing Debian's `package` if it found nothing at first."""
    found = find()
    if found is None and apt_install(package):
        found = find()
    if found is None:
        raise RuntimeError(f"{name} is not installed: install Debian's `{package}` package "
                           f"(apt-get install {package}) to run {needed_for}.")
    return found
