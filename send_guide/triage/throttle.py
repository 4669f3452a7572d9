"""Slow down password guessing on the staff page, without handing anyone a way to lock an adviser out.

Every attempt is counted when it is let through, before its password is checked, under one lock
(`attempt`): guesses sent all at once cannot get past the limit together. A right password gives
its attempt back (`succeeded`). Three limits, each over WINDOW:

- PAIR_LIMIT for one name from one client: the guesser at one account is stopped, and an adviser
  who mistypes is held up only on her own computer;
- CLIENT_LIMIT for one client over all names: one password tried against many names is stopped;
- NAME_LIMIT for one name from all clients: a guesser spread over many addresses is stopped too.

A per-name limit alone would let anyone lock an adviser out by failing on her name, so it is
set well above PAIR_LIMIT (it takes many addresses to reach), and a client that logged in with the
name within RECOGNISED is not held by it: during such an attack strangers are refused for that
name, her own computer is not. Only PAIR_LIMIT and CLIENT_LIMIT hold a recognised client.

The client is the address the web server sees (web/staff.py): behind nginx, the one nginx
passes on, which the server trusts only when told it runs behind a proxy
(SEND_GUIDE_WEB_PROXIES_COUNT). Kept in memory per process; nginx's per-address rate limit on
/staff/login is the outer guard.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import deque
from dataclasses import dataclass

from send_guide.triage.staff import normalise

PAIR_LIMIT = 5
CLIENT_LIMIT = 20
NAME_LIMIT = 50
WINDOW = dt.timedelta(minutes=15)
RECOGNISED = dt.timedelta(days=30)
MAX_KEYS = 10_000  # per table: a spray of made-up names or addresses cannot fill the memory


@dataclass(frozen=True)
class Attempt:
    """One login let through: counted until it is known to be right."""

    name: str
    client: str
    at: dt.datetime


class LoginThrottle:
    def __init__(self) -> None:
        self._pairs: dict[tuple[str, str], deque[dt.datetime]] = {}
        self._clients: dict[str, deque[dt.datetime]] = {}
        self._names: dict[str, deque[dt.datetime]] = {}
        self._recognised: dict[tuple[str, str], dt.datetime] = {}  # (name, client): last good login
        self._lock = threading.Lock()  # the staff page checks logins in worker threads

    def attempt(self, name: str, client: str, now: dt.datetime) -> Attempt | None:
        """Count one login attempt now, or None (and nothing counted) when a limit is reached."""
        name = normalise(name)
        with self._lock:
            pair = self._recent(self._pairs, (name, client), now)
            by_client = self._recent(self._clients, client, now)
            by_name = self._recent(self._names, name, now)
            seen = self._recognised.get((name, client))
            recognised = seen is not None and now - seen < RECOGNISED
            if (len(pair) >= PAIR_LIMIT or len(by_client) >= CLIENT_LIMIT
                    or (len(by_name) >= NAME_LIMIT and not recognised)):
                return None
            for table, key, times in ((self._pairs, (name, client), pair), (self._clients, client, by_client),
                                      (self._names, name, by_name)):
                times.append(now)
                _keep(table, key, times)
            return Attempt(name, client, now)

    def succeeded(self, attempt: Attempt) -> None:
        """The password was right: its attempt is given back, the pair's failures are forgotten,
        and the client is recognised for the name."""
        with self._lock:
            self._pairs.pop((attempt.name, attempt.client), None)
            for table, key in ((self._clients, attempt.client), (self._names, attempt.name)):
                times = table.get(key)
                if times is not None and attempt.at in times:
                    times.remove(attempt.at)
            self._recognised.pop((attempt.name, attempt.client), None)
            _keep(self._recognised, (attempt.name, attempt.client), attempt.at)

    def tables(self) -> tuple[dict, ...]:
        """What is kept in memory (for the tests of its size)."""
        return self._pairs, self._clients, self._names, self._recognised

    @staticmethod
    def _recent(table: dict, key: object, now: dt.datetime) -> deque[dt.datetime]:
        """The attempts for `key` still inside the window; taken out of the table (put back by _keep)."""
        times = table.pop(key, deque())
        while times and now - times[0] >= WINDOW:
            times.popleft()
        if times:
            table[key] = times  # re-inserted last: the dict stays in order of use
        return times


def _keep(table: dict, key: object, value: object) -> None:
    """Store `value` last in `table`, dropping the entry used longest ago when the table is full."""
    if key not in table and len(table) >= MAX_KEYS:
        table.pop(next(iter(table)))
    table[key] = value

