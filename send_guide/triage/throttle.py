"""Slow down password guessing on the staff page.

After LIMIT failed logins for one account name within WINDOW, that name is refused until the
oldest failure is WINDOW old. Kept in memory per process: the proxy's per-client rate limit
(deploy/) is the outer guard, this one stops a slow guesser who spreads over many addresses.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import deque

LIMIT = 5
WINDOW = dt.timedelta(minutes=15)
MAX_NAMES = 10_000  # a spray of made-up names cannot fill the memory


class LoginThrottle:
    def __init__(self, limit: int = LIMIT, window: dt.timedelta = WINDOW) -> None:
        self.limit, self.window = limit, window
        self._failures: dict[str, deque[dt.datetime]] = {}
        self._lock = threading.Lock()  # the staff page checks logins in worker threads

    def blocked(self, name: str, now: dt.datetime) -> bool:
        with self._lock:
            return len(self._recent(_key(name), now)) >= self.limit

    def failed(self, name: str, now: dt.datetime) -> None:
        with self._lock:
            key = _key(name)
            failures = self._recent(key, now)
            if not failures and len(self._failures) >= MAX_NAMES:
                self._failures.pop(next(iter(self._failures)))  # the name that failed longest ago
            failures.append(now)
            self._failures[key] = failures

    def succeeded(self, name: str) -> None:
        with self._lock:
            self._failures.pop(_key(name), None)

    def _recent(self, key: str, now: dt.datetime) -> deque[dt.datetime]:
        """The failures for `key` still inside the window (an empty queue is not kept)."""
        failures = self._failures.pop(key, deque())
        while failures and now - failures[0] >= self.window:
            failures.popleft()
        if failures:
            self._failures[key] = failures  # re-inserted last: the dict stays in order of use
        return failures


def _key(name: str) -> str:
    return (name or "").strip().lower()
