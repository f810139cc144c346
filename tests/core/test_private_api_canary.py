"""Upgrade canary: every private name of a dependency that ligesind.core.fast (and the kept
templates' rules) still uses, with the signature or attributes we rely on.

An upgrade of Django, channels-redis or psycopg that renames or reshapes one of them fails here,
in make test, with the name, instead of breaking the forum or the chat on the site. When this
fails: read the dependency's change, adapt the module named in the assertion, update this test.
"""

import inspect
from typing import Any

import pytest
from django.core.cache.backends import redis as django_redis
from django.db import connection
from django.db.models import QuerySet
from django.db.models.query import ValuesIterable, get_related_populators
from django.template import Template
from django.template.base import FilterExpression, Variable, VariableNode
from django.template.defaulttags import IfNode
from django.template.loader_tags import IncludeNode
from django.templatetags.i18n import BlockTranslateNode

from ligesind.community.models import Post


def parameters(function) -> list[str]:
    return list(inspect.signature(function).parameters)


def test_django_orm_internals_used_by_prepared_queries(db):
    """core/fast/prepared.py: a compiled query's shape, converters and related populators."""
    assert parameters(get_related_populators) == ["klass_info", "select", "db"]
    queryset: QuerySet = Post.objects.select_related("thread").filter(pk=1)
    assert queryset._iterable_class is not ValuesIterable
    compiler = queryset.query.get_compiler(using=connection.alias)
    sql, params = compiler.as_sql()
    assert isinstance(sql, str) and list(params) == [1]
    for name in ("klass_info", "select", "col_count", "annotation_col_map"):
        assert hasattr(compiler, name), f"SQLCompiler.{name}"
    assert {"model", "select_fields", "related_klass_infos"} <= set(compiler.klass_info)
    assert parameters(compiler.get_converters) == ["expressions"]
    assert parameters(compiler.apply_converters) == ["rows", "converters"]
    values = Post.objects.values("pk", "body").query
    for name in ("extra_select", "values_select", "annotation_select"):
        assert hasattr(values, name), f"Query.{name}"


def test_django_redis_cache_internals_used_by_our_cache():
    """core/fast/cache.py: the client class Django's Redis cache makes, and its pools."""
    assert "self._class(" in inspect.getsource(django_redis.RedisCache)
    client: Any = django_redis.RedisCacheClient  # the stubs leave out private names
    assert parameters(client._get_connection_pool) == ["self", "write"]
    assert "self._client" in inspect.getsource(django_redis.RedisCacheClient.__init__)


def test_channels_redis_internals_used_by_our_channel_layer():
    """core/fast/channel_layer.py extends channels-redis's reading and group sending."""
    from channels_redis.core import RedisChannelLayer

    expected = {
        "_brpop_with_clean": ["self", "index", "channel", "timeout"],
        "_clean_receive_backup": ["self", "index", "channel"],
        "_backup_channel_name": ["self", "channel"],
        "_group_key": ["self", "group"],
        "_map_channel_keys_to_connection": ["self", "channel_names", "message"],
        "connection": ["self", "index"],
        "consistent_hash": ["self", "value"],
        "require_valid_group_name": ["self", "name"],
    }
    for name, wanted in expected.items():
        assert parameters(getattr(RedisChannelLayer, name)) == wanted, f"RedisChannelLayer.{name}"


def test_psycopg_compiled_loader_used_for_timestamps():
    """core/fast/db.py: psycopg's compiled timestamptz loader (psycopg[binary])."""
    from psycopg import _cmodule

    compiled = getattr(_cmodule, "_psycopg", None)
    if compiled is None:
        pytest.skip("psycopg's C module is not installed: core/fast/db.py then stays unused")
    assert hasattr(compiled, "TimestamptzLoader")


def test_template_node_internals_read_by_the_kept_rules():
    """core/fast/kept.py reads what a parsed template does with each variable."""
    nodes = Template(
        "{% load i18n %}{{ a|upper }}{% if a == 1 and not b %}x{% endif %}"
        "{% blocktranslate count n=c with d=e %}one{% plural %}many{% endblocktranslate %}"
        "{% include 'core/_pager.html' %}"
    ).nodelist
    variable: Any = next(node for node in nodes if isinstance(node, VariableNode))
    assert isinstance(variable.filter_expression, FilterExpression)
    assert isinstance(variable.filter_expression.var, Variable)
    assert variable.filter_expression.var.lookups == ("a",)
    assert variable.filter_expression.filters and variable.token.contents == "a|upper"
    branch = next(node for node in nodes if isinstance(node, IfNode))
    condition: Any = branch.conditions_nodelists[0][0]
    assert condition.id == "and" and condition.first.id == "=="
    assert condition.first.first.value.var.lookups == ("a",)
    assert condition.second.id == "not" and condition.second.first.value.var.lookups == ("b",)
    plural: Any = next(node for node in nodes if isinstance(node, BlockTranslateNode))
    assert plural.counter.var.lookups == ("c",) and set(plural.extra_context) == {"d"}
    include = next(node for node in nodes if isinstance(node, IncludeNode))
    assert include.template.var == "core/_pager.html"
