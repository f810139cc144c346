"""PostgreSQL connections read timestamps with psycopg's compiled loader.

Django registers its own ``timestamptz`` loader, a subclass of psycopg's pure-Python one, so
that values come back in the connection's time zone; each value then costs several
microseconds of Python (a thread list reads about a hundred). When the connection's time zone
is UTC, as Django sets ours, psycopg's compiled loader gives the same aware datetimes (in
``datetime.timezone.utc``), so connections use it: ``CompiledUtcLoader`` keeps the class
attribute Django checks (``timezone``) and hands each value to the compiled loader.
"""

from datetime import UTC
from typing import Any

from psycopg import _cmodule
from psycopg.abc import AdaptContext
from psycopg.types.datetime import TimestamptzLoader

_COMPILED = getattr(_cmodule, "_psycopg", None)


class CompiledUtcLoader(TimestamptzLoader):
    timezone = UTC

    def __init__(self, oid: int, context: AdaptContext | None = None) -> None:
        super().__init__(oid, context)
        self.load = _COMPILED.TimestamptzLoader(oid, context).load  # type: ignore[union-attr,method-assign]


def use_compiled_timestamps(sender: Any, connection: Any, **kwargs: Any) -> None:
    """``connection_created``: the compiled loader, where it gives the same values."""
    if _COMPILED is None or connection.vendor != "postgresql":
        return
    if connection.timezone is not UTC:
        return
    if connection.connection.info.parameter_status("TimeZone") != "UTC":
        return
    connection.connection.adapters.register_loader("timestamptz", CompiledUtcLoader)
