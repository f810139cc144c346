"""A lazily mapped sequence: rows are turned into output one page at a time, for paginators."""

from collections.abc import Callable
from typing import Any


class MappedRows:
    """Wraps anything with ``count()`` and slicing; ``convert`` runs only on the rows of a page."""

    def __init__(self, rows: Any, convert: Callable[[Any], Any]) -> None:
        self.rows, self.convert = rows, convert

    def count(self) -> int:
        return int(self.rows.count())

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index: slice) -> list[Any]:
        return [self.convert(row) for row in self.rows[index]]
