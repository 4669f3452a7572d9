"""Rasa's conversation lock store: Redis when LOCK_STORE_URL is set, else in memory.

One Rasa instance can lock conversations in its own memory. Several instances behind a load
balancer must share the locks, or two messages of one conversation handled at once on two
instances would each write their own version of it. Rasa's `type: redis` cannot fall back to
memory when no Redis is configured, so this class chooses from the environment:
LOCK_STORE_URL=redis://[:password@]host[:port][/db] (or rediss:// for TLS).
"""

from __future__ import annotations

import os
from typing import Any
from urllib.parse import unquote, urlsplit

from rasa.core.lock_store import InMemoryLockStore, LockStore, RedisLockStore

DEFAULT_DB = 1  # Rasa's own default database number for locks


class ConfiguredLockStore(LockStore):
    def __new__(cls, endpoint_config: Any = None) -> LockStore:  # type: ignore[misc]
        # Returns Rasa's own class, so Rasa's checks for the in-memory store (e.g. its warning
        # for several workers) still see what is really used.
        url = os.environ.get("LOCK_STORE_URL")
        return redis_lock_store(url) if url else InMemoryLockStore()


def redis_lock_store(url: str) -> RedisLockStore:
    parts = urlsplit(url)
    if parts.scheme not in ("redis", "rediss") or not parts.hostname:
        raise ValueError("LOCK_STORE_URL must look like redis://host:6379/1 (or rediss:// for TLS)")
    database = parts.path.strip("/")
    return RedisLockStore(
        host=parts.hostname, port=parts.port or 6379, db=int(database) if database else DEFAULT_DB,
        username=unquote(parts.username) if parts.username else None,
        password=unquote(parts.password) if parts.password else None,
        use_ssl=parts.scheme == "rediss",
    )
