"""Run a coroutine from a test, whatever event loop the test session keeps."""

import asyncio
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Coroutine


def run_async(coroutine: Coroutine[Any, Any, Any]) -> Any:
    """Run a coroutine to its end in a thread of its own: the browser tests keep an event loop
    running in the main thread for the whole session, and asyncio.run refuses to nest."""
    with ThreadPoolExecutor(max_workers=1) as worker:
        return worker.submit(asyncio.run, coroutine).result()
