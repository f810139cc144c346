"""What a process remembers between requests (rendered parts of pages, prepared SQL, the crisis
lexicon, the site notice), in one place.

Every such memory is bounded and registered here, and all are forgotten together when a setting
changes (``override_settings`` in tests), when a template changes (the development server
reloads templates without restarting) or when ``forget_all()`` is called (the tests' autouse
fixture). Use ``@remembered(maxsize)`` for a function of its arguments and ``Memory(limit)`` for
a dictionary, ``Shared(key, load, ...)`` for a value kept here and in the shared cache; anything
else registers its own ``register_forget(clear)``.
"""

import time
from collections.abc import Callable, Hashable
from functools import lru_cache
from pathlib import Path
from typing import Any, Generic, TypeVar

from django.core.cache import cache
from django.core.signals import setting_changed
from django.utils.autoreload import file_changed

F = TypeVar("F", bound=Callable[..., Any])
K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

_forgetters: list[Callable[[], None]] = []


def register_forget(clear: Callable[[], None]) -> None:
    if clear not in _forgetters:
        _forgetters.append(clear)


def forget_all() -> None:
    for clear in list(_forgetters):
        clear()


def remembered(maxsize: int) -> Callable[[F], F]:
    """``functools.lru_cache(maxsize)``, forgotten with everything else."""

    def wrap(function: F) -> F:
        kept = lru_cache(maxsize=maxsize)(function)
        register_forget(kept.cache_clear)
        return kept  # type: ignore[return-value]

    return wrap


class Memory(dict[K, V]):
    """A dictionary of at most ``limit`` entries (past that it starts again empty: the keys
    come from a small set, so this happens only when something feeds it visitors' input)."""

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit
        register_forget(self.clear)

    def __setitem__(self, key: K, value: V) -> None:
        if len(self) >= self.limit and key not in self:
            self.clear()
        super().__setitem__(key, value)


class Shared(Generic[V]):
    """A value every page reads and staff seldom change (the site notice, the crisis lexicon,
    which organisations ask a fee): each process keeps it for ``local_seconds``, then reads
    the shared cache (kept ``seconds``), then ``load()``s it from the database; ``make`` turns
    what is shared into what a process keeps (compiled patterns, say). ``forget()`` after a
    change reaches this process at once and the others within ``local_seconds``."""

    def __init__(
        self,
        key: str,
        load: Callable[[], Any],
        *,
        seconds: int,
        local_seconds: float,
        make: Callable[[Any], V] | None = None,
    ) -> None:
        self.key, self.load, self.make = key, load, make
        self.seconds, self.local_seconds = seconds, local_seconds
        self._held: Memory[str, tuple[float, V]] = Memory(1)

    def get(self) -> V:
        now = time.monotonic()
        held = self._held.get(self.key)
        if held is not None and now - held[0] < self.local_seconds:
            return held[1]
        shared = cache.get(self.key)
        if shared is None:
            shared = self.load()
            cache.set(self.key, shared, self.seconds)
        value: V = self.make(shared) if self.make is not None else shared
        self._held[self.key] = (now, value)
        return value

    def forget(self) -> None:
        self._held.clear()
        cache.delete(self.key)


def _setting_changed(**kwargs: Any) -> None:
    forget_all()


def _file_changed(sender: Any, file_path: Path, **kwargs: Any) -> None:
    """A template changed under the development server (which then keeps running)."""
    if Path(file_path).suffix in {".html", ".txt"}:
        forget_all()


setting_changed.connect(_setting_changed, dispatch_uid="ligesind.core.remembered")
file_changed.connect(_file_changed, dispatch_uid="ligesind.core.remembered")
