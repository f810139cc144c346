"""Group commit on an event loop: whatever arrives while a batch is being handled waits and goes
together in the next one, in the order it came. A draining task runs only while something waits;
the caller that added an item and then went away cannot stop it."""

import asyncio
from collections.abc import Iterable
from typing import Generic, TypeVar

T = TypeVar("T")


class Drain(Generic[T]):
    limit = 0  # the most items in one batch; 0: everything that waits

    def __init__(self) -> None:
        self.waiting: list[T] = []
        self.draining: asyncio.Task[None] | None = None

    def add(self, items: Iterable[T]) -> None:
        self.waiting.extend(items)
        if self.draining is None:
            self.draining = asyncio.get_running_loop().create_task(self.drain())

    async def drain(self) -> None:
        try:
            while self.waiting:
                cut = self.limit or len(self.waiting)
                batch, self.waiting = self.waiting[:cut], self.waiting[cut:]
                await self.handle(batch)
        finally:
            self.draining = None

    async def handle(self, batch: list[T]) -> None:
        raise NotImplementedError
