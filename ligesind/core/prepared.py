"""A queryset turned into SQL once per process, then run again with other values.

Turning a queryset with several subqueries into SQL costs more than running it: the query that
loads the signed-in user with everything pages ask about them took longer to build than to
answer (bench/forum.py). ``PreparedQuery`` builds the queryset once with marker values, keeps
the SQL, and on each run puts the real values where the markers were. Rows become model
instances the way Django's own iterator makes them (converters, ``select_related`` objects,
annotations), so the result is what the queryset would have returned.

The queryset may depend on nothing but the values it is built with and the ``key``: a value
written into it any other way (a viewer's id read inside a permission rule, say) would be
reused for everybody.
"""

from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import Model, QuerySet
from django.db.models.query import get_related_populators

M = TypeVar("M", bound=Model)

# Stand-in values no row has, replaced by the real values on each run; within a 32-bit
# integer field's range, or Django leaves a comparison out of the SQL.
MARK = 1_987_654_301


@dataclass(frozen=True)
class _Prepared:
    compiler: Any
    sql: str
    params: tuple[Any, ...]
    marks: tuple[tuple[int, int], ...]  # (position in the parameters, which value)
    init_list: tuple[str, ...]


class PreparedQuery(Generic[M]):
    """``build(*values)`` returns the queryset for that many integer values (primary keys,
    numbers). ``key`` names anything else the queryset depends on; a new key builds it again."""

    def __init__(self, build: Callable[..., QuerySet[M]], arity: int = 1) -> None:
        self._build = build
        self._arity = arity
        self._prepared: dict[tuple[str, Hashable], _Prepared] = {}

    def clear(self) -> None:
        self._prepared.clear()

    def _prepare(self, using: str, key: Hashable) -> _Prepared:
        prepared = self._prepared.get((using, key))
        if prepared is None:
            stand_ins = [MARK + i for i in range(self._arity)]
            compiler = self._build(*stand_ins).query.get_compiler(using=using)
            sql, params = compiler.as_sql()
            marks = tuple(
                (position, value - MARK)
                for position, value in enumerate(params)
                if isinstance(value, int) and value in stand_ins
            )
            if {which for _, which in marks} != set(range(self._arity)):
                raise ValueError("The queryset does not use every value it was built with.")
            fields = compiler.klass_info["select_fields"]
            selected = compiler.select[fields[0] : fields[-1] + 1]
            init_list = tuple(column[0].target.attname for column in selected)
            prepared = _Prepared(compiler, sql, tuple(params), marks, init_list)
            self._prepared[(using, key)] = prepared
        return prepared

    def rows(self, *values: int, key: Hashable = None, using: str = DEFAULT_DB_ALIAS) -> list[M]:
        """The rows for these values, as model instances."""
        prepared = self._prepare(using, key)
        params = list(prepared.params)
        for position, which in prepared.marks:
            params[position] = values[which]
        with connections[using].cursor() as cursor:
            cursor.execute(prepared.sql, params)
            found = cursor.fetchall()
        return self._instances(prepared, found, using)

    def first(self, *values: int, key: Hashable = None, using: str = DEFAULT_DB_ALIAS) -> M | None:
        found = self.rows(*values, key=key, using=using)
        return found[0] if found else None

    @staticmethod
    def _instances(prepared: _Prepared, found: list[Any], using: str) -> list[M]:
        """What Django's ModelIterable does with rows, for a compiler that already ran."""
        compiler, info = prepared.compiler, prepared.compiler.klass_info
        start, width = info["select_fields"][0], len(prepared.init_list)
        populators = get_related_populators(info, compiler.select, using)  # type: ignore[call-arg]
        made = []
        for row in compiler.results_iter([found]):  # the fields' from_db_value
            obj = info["model"].from_db(using, prepared.init_list, row[start : start + width])
            for populator in populators:
                populator.populate(row, obj)
            for name, position in compiler.annotation_col_map.items():
                setattr(obj, name, row[position])
            made.append(obj)
        return made
