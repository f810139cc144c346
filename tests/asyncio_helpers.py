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
from channels.testing.websocket import WebsocketCommunicator

T = TypeVar("T")
EXPECTED_WITHIN = 10.0


def run_async(function: Callable[[], Awaitable[T]]) -> T:
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(async_to_sync(function)).result()


def run_coroutine(coroutine: Awaitable[Any]) -> Any:
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()  # type: ignore[arg-type]


class PatientCommunicator(WebsocketCommunicator):
    """A test WebSocket that waits up to ten seconds for what it expects.

    Channels' default of one second fails on a busy CI machine; waiting longer costs nothing
    when the event comes at once. `receive_nothing` keeps its short timeout.
    """

    async def connect(self, timeout: float = EXPECTED_WITHIN) -> Any:
        return await super().connect(timeout)

    async def receive_output(self, timeout: float = EXPECTED_WITHIN) -> Any:
        return await super().receive_output(timeout)

    async def receive_from(self, timeout: float = EXPECTED_WITHIN) -> Any:
        return await super().receive_from(timeout)

    async def receive_json_from(self, timeout: float = EXPECTED_WITHIN) -> Any:
        return await super().receive_json_from(timeout)
