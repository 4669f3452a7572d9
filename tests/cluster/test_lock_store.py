"""Two Rasa instances share conversation locks in Redis: one turn of a conversation at a time.

Each "instance" here is a thread with its own event loop and its own Redis connection, as two
Rasa processes have; every turn checks that no other turn of the same conversation is running.
"""

from __future__ import annotations

import asyncio
import threading
import time
import uuid
from collections.abc import Iterator

import pytest
from rasa.core.lock_store import LockError

from stores.lock_store import redis_lock_store
from tests.run_async import run_async
from tools.redis import temporary_redis

INSTANCES, TURNS_PER_INSTANCE = 2, 12


@pytest.fixture(scope="module")
def redis_url() -> Iterator[str]:
    with temporary_redis() as url:
        yield url


class Conversation:
    """Counts the turns running at once; a turn holds the lock while it 'works'."""

    def __init__(self) -> None:
        self.id = f"test-{uuid.uuid4().hex[:10]}"
        self.guard = threading.Lock()
        self.running = self.most_at_once = self.finished = 0

    async def turn(self, store, lifetime: float = 60, work: float = 0.003) -> None:
        async with store.lock(self.id, lock_lifetime=lifetime, wait_time_in_seconds=0.005):
            with self.guard:
                self.running += 1
                self.most_at_once = max(self.most_at_once, self.running)
            await asyncio.sleep(work)
            with self.guard:
                self.running -= 1
                self.finished += 1


def run_instances(url: str, conversation: Conversation, turns: int = TURNS_PER_INSTANCE) -> list[BaseException]:
    errors: list[BaseException] = []
    start = threading.Barrier(INSTANCES)

    def instance() -> None:
        store = redis_lock_store(url)
        start.wait()

        async def all_turns() -> None:
            turns_here = asyncio.gather(*(conversation.turn(store) for _ in range(turns)))
            await asyncio.wait_for(turns_here, timeout=30)  # a lost ticket waits for ever

        try:
            asyncio.run(all_turns())
        except BaseException as error:  # noqa: BLE001 - reported by the test
            errors.append(error)

    threads = [threading.Thread(target=instance) for _ in range(INSTANCES)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return errors


def test_turns_sent_at_once_to_two_instances_run_one_at_a_time_and_all_finish(redis_url: str) -> None:
    for _ in range(5):  # the old read-then-write lock failed this in most rounds
        conversation = Conversation()
        assert run_instances(redis_url, conversation) == []
        assert conversation.finished == INSTANCES * TURNS_PER_INSTANCE
        assert conversation.most_at_once == 1
    assert redis_lock_store(redis_url).get_lock(conversation.id) is None, "the last turn removes the lock"


def test_a_turn_that_waited_longer_than_the_lifetime_still_gets_its_whole_lifetime(redis_url: str) -> None:
    store, conversation = redis_lock_store(redis_url), Conversation()

    async def two_turns() -> None:
        async with store.lock(conversation.id, lock_lifetime=0.5, wait_time_in_seconds=0.01):
            second = asyncio.create_task(conversation.turn(store, lifetime=0.5, work=0.4))
            await asyncio.sleep(0.4)  # the second turn has waited 0.4 of its 0.5 seconds
        await asyncio.sleep(0.2)  # the second turn is now running past 0.5 s from its ticket
        assert store.get_lock(conversation.id).now_serving == 1, "its ticket is still held"
        await second

    run_async(two_turns())
    assert conversation.finished == 1


def test_a_ticket_left_by_an_instance_that_died_holds_the_conversation_only_for_its_lifetime(
        redis_url: str) -> None:
    store, conversation = redis_lock_store(redis_url), Conversation()
    store.issue_ticket(conversation.id, lock_lifetime=0.3)  # taken, then never used or given back
    started = time.monotonic()
    run_async(conversation.turn(store))
    assert conversation.finished == 1
    assert 0.25 < time.monotonic() - started < 5


def test_a_turn_whose_ticket_has_gone_is_refused_not_run_alongside_another(redis_url: str) -> None:
    store, conversation = redis_lock_store(redis_url), Conversation()

    async def turn_after_its_ticket_was_removed() -> None:
        async with store.lock(conversation.id, wait_time_in_seconds=0.01):
            waiting = asyncio.create_task(conversation.turn(store))
            await asyncio.sleep(0.05)
            store.red.delete(store.key_prefix + conversation.id)  # e.g. Redis restarted, empty
            store.issue_ticket(conversation.id)  # ...and another message came in
            with pytest.raises(LockError):
                await waiting

    run_async(turn_after_its_ticket_was_removed())
    assert conversation.finished == 0
