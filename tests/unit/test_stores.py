"""The lock store follows LOCK_STORE_URL; a bad URL stops start-up with a clear message."""

import pytest
from rasa.core.lock_store import InMemoryLockStore, RedisLockStore

from stores.lock_store import AtomicRedisLockStore, ConfiguredLockStore


def test_without_a_url_locks_stay_in_memory(monkeypatch) -> None:
    monkeypatch.delenv("LOCK_STORE_URL", raising=False)
    assert isinstance(ConfiguredLockStore(endpoint_config=None), InMemoryLockStore)


def test_a_redis_url_gives_the_redis_lock_store_with_its_parts(monkeypatch) -> None:
    monkeypatch.setenv("LOCK_STORE_URL", "rediss://rasa:p%40ss@redis.internal:6390/3")
    store = ConfiguredLockStore(endpoint_config=None)
    assert isinstance(store, AtomicRedisLockStore) and isinstance(store, RedisLockStore)
    settings = store.red.connection_pool.connection_kwargs  # redis connects only when first used
    assert (settings["host"], settings["port"], settings["db"]) == ("redis.internal", 6390, 3)
    assert (settings["username"], settings["password"]) == ("rasa", "p@ss")
    assert store.red.connection_pool.connection_class.__name__ == "SSLConnection"


@pytest.mark.parametrize("url", ["localhost:6379", "http://redis:6379", "redis://"])
def test_a_url_that_is_not_redis_is_refused(monkeypatch, url: str) -> None:
    monkeypatch.setenv("LOCK_STORE_URL", url)
    with pytest.raises(ValueError, match="LOCK_STORE_URL"):
        ConfiguredLockStore(endpoint_config=None)
