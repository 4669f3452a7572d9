"""Rasa's conversation lock store: Redis when LOCK_STORE_URL is set, else in memory.

One Rasa instance can lock conversations in its own memory. Several instances behind a load
balancer must share the locks, or two messages of one conversation handled at once on two
instances would each write their own version of it. Rasa's `type: redis` cannot fall back to
memory when no Redis is configured, so this class chooses from the environment:
LOCK_STORE_URL=redis://[:password@]host[:port][/db] (or rediss:// for TLS).
"""

from __future__ import annotations

import asyncio
import json
import os
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any, TypeVar
from urllib.parse import unquote, urlsplit

from rasa.core.lock import TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, InMemoryLockStore, LockError, LockStore, RedisLockStore

Result = TypeVar("Result")

DEFAULT_DB = 1  # Rasa's own default database number for locks


class ConfiguredLockStore(LockStore):
    def __new__(cls, endpoint_config: Any = None) -> LockStore:  # type: ignore[misc]
        # Returns Rasa's own classes (or a subclass), so Rasa's checks for the in-memory store
        # (e.g. its warning for several workers) still see what is really used.
        url = os.environ.get("LOCK_STORE_URL")
        return redis_lock_store(url) if url else InMemoryLockStore()


class AtomicRedisLockStore(RedisLockStore):
    """Rasa's Redis lock store, with each change of a conversation's lock made as one transaction.

    Rasa 3.6 reads a lock from Redis, changes it in Python and writes it back. Two instances doing
    that at once gave out the same ticket twice (both turns then ran together and the conversation
    store kept only one of them: messages went missing) or wrote back a lock without the other's
    ticket (that turn then waited for ever). Here Redis refuses the write if the lock changed since
    it was read (WATCH/MULTI), and the change is made again on the new lock.

    A ticket's lifetime (Rasa's TICKET_LOCK_LIFETIME, 60 s) starts again each time its waiting
    turn looks at the lock and when its turn comes. Rasa counts it from when the message arrived,
    so on a busy server a message queued behind others lost its ticket and got no answer, or
    started while the turn before it was still running. A ticket now runs out only when the
    instance holding it has stopped looking (it died) or its turn has run for a whole lifetime.
    """

    def _change(self, conversation_id: str, change: Callable[[TicketLock], Result]) -> Result:
        """Runs `change` on the stored lock (a new one if none is stored) and stores what it
        leaves: the lock, or nothing once it has no tickets."""
        key = self.key_prefix + conversation_id

        def attempt(pipe: Any) -> Result:
            stored = pipe.get(key)
            lock = TicketLock.from_dict(json.loads(stored)) if stored else self.create_lock(conversation_id)
            result = change(lock)
            pipe.multi()
            if lock.tickets:
                pipe.set(key, lock.dumps())
            elif stored:
                pipe.delete(key)
            return result

        return self.red.transaction(attempt, key, value_from_callable=True)

    def issue_ticket(self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME) -> int:
        try:
            return self._change(conversation_id, lambda lock: lock.issue_ticket(lock_lifetime))
        except Exception as error:
            raise LockError(f"Error while acquiring lock. Error:\n{error}") from error

    def cleanup(self, conversation_id: str, ticket_number: int) -> None:
        """Removes the finished ticket; the lock goes with its last ticket."""
        self._change(conversation_id, lambda lock: lock.remove_ticket_for(ticket_number))

    @asynccontextmanager
    async def lock(self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME,
                   wait_time_in_seconds: float = 1) -> AsyncIterator[TicketLock]:
        ticket = self.issue_ticket(conversation_id, lock_lifetime)
        try:
            yield await self._wait_for_turn(conversation_id, ticket, lock_lifetime, wait_time_in_seconds)
        finally:
            self.cleanup(conversation_id, ticket)

    async def _wait_for_turn(self, conversation_id: str, ticket_number: int, lifetime: float,
                             wait_time_in_seconds: float) -> TicketLock:
        def check(lock: TicketLock) -> TicketLock | None | bool:
            """The lock when this ticket's turn has come, False while it waits, None when the
            ticket has gone; the ticket's lifetime starts again."""
            lock.remove_expired_tickets()
            ticket = next((each for each in lock.tickets if each.number == ticket_number), None)
            if ticket is None:
                return None
            ticket.expires = time.time() + lifetime
            return lock if lock.now_serving == ticket_number else False

        while True:
            turn = self._change(conversation_id, check)
            if turn is None:
                raise LockError(f"Could not acquire lock for conversation_id '{conversation_id}'.")
            if turn is not False:
                return turn
            await asyncio.sleep(wait_time_in_seconds)


def redis_lock_store(url: str) -> RedisLockStore:
    parts = urlsplit(url)
    if parts.scheme not in ("redis", "rediss") or not parts.hostname:
        raise ValueError("LOCK_STORE_URL must look like redis://host:6379/1 (or rediss:// for TLS)")
    database = parts.path.strip("/")
    return AtomicRedisLockStore(
        host=parts.hostname, port=parts.port or 6379, db=int(database) if database else DEFAULT_DB,
        username=unquote(parts.username) if parts.username else None,
        password=unquote(parts.password) if parts.password else None,
        use_ssl=parts.scheme == "rediss",
    )
