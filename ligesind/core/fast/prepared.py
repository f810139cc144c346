"""A queryset turned into SQL once per process, then run again with other values.

Turning a queryset with several subqueries into SQL costs more than running it: the query that
loads the signed-in user with everything pages ask about them took longer to build than to
answer (bench/forum.py). ``PreparedQuery`` builds the queryset once with marker values, keeps
the SQL, and on each run puts the real values where the markers were. Rows become what the
queryset would have returned: model instances the way Django's own iterator makes them
(``Model.from_db``, converters, ``select_related`` objects, annotations), or dicts for a
``values()`` queryset.

``build(*values, **key)``: the values (integers, or text where ``kinds`` says so: primary
keys, numbers, a slug) change from run to run; the keyword arguments are the key, and each new
key builds the queryset again. The queryset may depend on nothing else: a value written into it
any other way (a viewer's id read inside a permission rule, say) would be reused for everybody.
"""

import inspect
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import QuerySet
from django.db.models.query import ValuesIterable, get_related_populators

from ligesind.core.remembered import Memory

R = TypeVar("R")

every: list["PreparedQuery[Any]"] = []  # every prepared query of the site (a test lists them)

KEPT = 256  # prepared queries per PreparedQuery; past that they are all made again

# Stand-in values no row has, replaced by the real values on each run; within a 32-bit
# integer field's range, or Django leaves a comparison out of the SQL.
MARK = 1_987_654_301


@dataclass(frozen=True)
class _Prepared:
    compiler: Any
    sql: str
    params: tuple[Any, ...]
    marks: tuple[tuple[int, int], ...]  # (position in the parameters, which value)
    converters: Any
    names: tuple[str, ...] | None  # a values() queryset's keys; None: model instances
    init_list: tuple[str, ...]


class PreparedQuery(Generic[R]):
    def __init__(
        self,
        build: Callable[..., QuerySet[Any, R]],
        arity: int = 1,
        kinds: tuple[type[int] | type[str], ...] | None = None,
    ) -> None:
        self._build = build
        self._kinds = kinds or (int,) * arity
        self._arity = len(self._kinds)
        # keys made of visitors' input stay bounded; forgotten with the process's other memories
        self._prepared: Memory[tuple[str, Hashable], _Prepared] = Memory(KEPT)
        self.name = f"{build.__module__}.{build.__qualname__}"
        every.append(self)

    @property
    def key_names(self) -> tuple[str, ...]:
        """The keyword arguments that make a new query (the key); nothing else may."""
        return tuple(inspect.signature(self._build).parameters)[self._arity :]

    def clear(self) -> None:
        self._prepared.clear()

    def _prepare(self, using: str, key: dict[str, Hashable]) -> _Prepared:
        cache_key = (using, tuple(sorted(key.items())))
        prepared = self._prepared.get(cache_key)
        if prepared is None:
            stand_ins: list[Any] = [
                MARK + i if kind is int else f"ligesind-prepared-{MARK + i}"
                for i, kind in enumerate(self._kinds)
            ]
            queryset = self._build(*stand_ins, **key)
            compiler = queryset.query.get_compiler(using=using)
            sql, params = compiler.as_sql()
            marks = tuple(
                (position, stand_ins.index(value))
                for position, value in enumerate(params)
                if isinstance(value, int | str) and value in stand_ins
            )
            if {which for _, which in marks} != set(range(self._arity)):
                raise ValueError("The queryset does not use every value it was built with.")
            fields = [column[0] for column in compiler.select[: compiler.col_count]]
            converters = compiler.get_converters(fields)
            names, init_list = None, ()
            if queryset._iterable_class is ValuesIterable:
                query = queryset.query
                names = (*query.extra_select, *query.values_select, *query.annotation_select)
            else:
                selected = compiler.klass_info["select_fields"]
                columns = compiler.select[selected[0] : selected[-1] + 1]
                init_list = tuple(column[0].target.attname for column in columns)
            prepared = _Prepared(compiler, sql, tuple(params), marks, converters, names, init_list)
            self._prepared[cache_key] = prepared
        return prepared

    def rows(self, *values: int | str, using: str = DEFAULT_DB_ALIAS, **key: Hashable) -> list[R]:
        """The rows for these values."""
        prepared = self._prepare(using, key)
        params = list(prepared.params)
        for position, which in prepared.marks:
            params[position] = values[which]
        with connections[using].cursor() as cursor:
            cursor.execute(prepared.sql, params)
            found = cursor.fetchall()
        if prepared.converters:
            found = list(prepared.compiler.apply_converters(found, prepared.converters))
        if prepared.names is not None:
            return [dict(zip(prepared.names, row, strict=False)) for row in found]  # type: ignore[misc]
        return self._instances(prepared, found, using)

    def first(self, *values: int | str, using: str = DEFAULT_DB_ALIAS, **key: Hashable) -> R | None:
        found = self.rows(*values, using=using, **key)
        return found[0] if found else None

    @staticmethod
    def _instances(prepared: _Prepared, found: list[Any], using: str) -> list[R]:
        """What Django's ModelIterable does with rows, for a compiler that already ran."""
        compiler, info = prepared.compiler, prepared.compiler.klass_info
        start, width = info["select_fields"][0], len(prepared.init_list)
        populators = get_related_populators(info, compiler.select, using)  # type: ignore[call-arg]
        model, init_list = info["model"], prepared.init_list
        made: list[Any] = []
        for row in found:
            obj = model.from_db(using, init_list, row[start : start + width])
            for populator in populators:
                populator.populate(row, obj)
            for name, position in compiler.annotation_col_map.items():
                setattr(obj, name, row[position])
            made.append(obj)
        return made
