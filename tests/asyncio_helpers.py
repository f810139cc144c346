"""Run a coroutine from a synchronous test, in its own thread.

Playwright's sync API keeps an event loop running in the main thread for the whole session
(its browser fixture is session-scoped), so tests that share a worker with browser tests cannot
start another loop there.
"""

import asyncio
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from asgiref.sync import async_to_sync

T = TypeVar("T")


def run_async(function: Callable[[], Awaitable[T]]) -> T:
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(async_to_sync(function)).result()


def run_coroutine(coroutine: Awaitable[Any]) -> Any:
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()  # type: ignore[arg-type]
