"""Full-text search over threads, posts and groups, ranked, in Danish.

PostgreSQL: ``to_tsvector('danish', …)`` with GIN indexes (made by migration 0002) and
``SearchRank``. SQLite (the embedded default): FTS5 tables holding the text stemmed with the
same Snowball Danish stemmer PostgreSQL uses, so "misbrug" finds "misbruget" on both. The
FTS5 tables are filled by ``index_*`` below, which the services call whenever text is written.

Callers pass querysets already narrowed to what the viewer may see; this module only matches
and ranks.
"""

import re
from functools import cache
from typing import Any

import snowballstemmer
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import FloatField, QuerySet
from django.db.models.expressions import RawSQL

from ligesind.core.markdown import plain_text
from ligesind.core.remembered import remembered

from .models import Group, Post, Thread

WORD = re.compile(r"\w+")
FTS_TABLES = {
    "thread": ("community_thread_fts", "title"),
    "post": ("community_post_fts", "body"),
    "group": ("community_group_fts", "text"),
}
LIMIT = 100
CANDIDATES = 200  # the newest matches that are ranked (see ranked)


@cache
def _stemmer() -> Any:
    return snowballstemmer.stemmer("danish")


@remembered(20_000)
def _stem(word: str) -> str:
    """One lower-case word's stem, remembered: texts repeat their words."""
    return str(_stemmer().stemWord(word))


def stems(text: str) -> list[str]:
    return [_stem(word) for word in WORD.findall((text or "").lower())]


def on_postgres() -> bool:
    return connection.vendor == "postgresql"


def _write(kind: str, pk: int, text: str) -> None:
    if on_postgres():
        return
    table, column = FTS_TABLES[kind]
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {table} WHERE rowid = %s", [pk])  # noqa: S608 - our names
        cursor.execute(
            f"INSERT INTO {table} (rowid, {column}) VALUES (%s, %s)",  # noqa: S608 - our names
            [pk, " ".join(stems(text))],
        )


def clear_index() -> None:
    """Empty the FTS5 tables (after a test database is flushed)."""
    if on_postgres():
        return
    with connection.cursor() as cursor:
        for table, _column in FTS_TABLES.values():
            cursor.execute(f"DELETE FROM {table}")  # noqa: S608 - our names


def index_many(kind: str, rows: list[tuple[int, str]]) -> None:
    """Bulk indexing for generated data (the benchmark's forum) on SQLite."""
    if on_postgres():
        return
    table, column = FTS_TABLES[kind]
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {table} (rowid, {column}) VALUES (%s, %s)",  # noqa: S608 - our names
            [(pk, " ".join(stems(text))) for pk, text in rows],
        )


def index_thread(thread: Thread) -> None:
    _write("thread", thread.pk, thread.title)


def index_post(post: Post) -> None:
    _write("post", post.pk, post.body)


def index_group(group: Group) -> None:
    _write("group", group.pk, f"{group.name}\n{group.description}")


def _fts_query(text: str) -> str:
    """An FTS5 query that needs every stemmed word; quoting keeps user syntax inert."""
    return " ".join(f'"{stem}"' for stem in dict.fromkeys(stems(text)))


def _sqlite(rows: QuerySet[Any], kind: str, text: str) -> tuple[QuerySet[Any], Any]:
    table, _column = FTS_TABLES[kind]
    query = _fts_query(text)
    own = rows.model._meta.db_table
    matching = RawSQL(f"SELECT rowid FROM {table} WHERE {table} MATCH %s", [query])  # noqa: S611,S608
    rank = RawSQL(  # noqa: S611 - table names are ours, the query is a parameter
        f"SELECT -bm25({table}) FROM {table} WHERE {table} MATCH %s AND rowid = {own}.id",  # noqa: S608
        [query],
        output_field=FloatField(),
    )
    return rows.filter(pk__in=matching), rank


def _postgres(rows: QuerySet[Any], kind: str, text: str) -> tuple[QuerySet[Any], Any]:
    vector = {
        "thread": SearchVector("title", config="danish"),
        "post": SearchVector("body", config="danish"),
        "group": SearchVector("name", "description", config="danish"),
    }[kind]
    query = SearchQuery(text, config="danish", search_type="websearch")
    return rows.alias(document=vector).filter(document=query), SearchRank(vector, query)


def ranked(rows: QuerySet[Any], kind: str, text: str) -> QuerySet[Any]:
    """``rows`` that match ``text``, best first, each with a ``rank``; at most ``LIMIT``.

    Only the newest ``CANDIDATES`` matches are ranked: ranking reads each row's document again,
    and a common word ("dag") matches nearly every post (2 s for 90,000 posts on PostgreSQL).
    Taking the newest matches first reads the primary key backwards and stops early.
    """
    if not stems(text):
        return rows.none()
    matching, rank = (_postgres if on_postgres() else _sqlite)(rows, kind, text)
    newest = matching.order_by("-pk").values("pk")[:CANDIDATES]
    return rows.filter(pk__in=newest).annotate(rank=rank).order_by("-rank", "-pk")[:LIMIT]


def excerpt(body: str, text: str, width: int = 90) -> str:
    """A short piece of ``body`` (as read: without its Markdown marks) around the first word
    that matches one of the query's stems."""
    body = plain_text(body)
    wanted = set(stems(text))
    for found in WORD.finditer(body):
        if _stem(found.group().lower()) in wanted:
            start = max(0, found.start() - width)
            end = min(len(body), found.end() + width)
            prefix = "… " if start else ""
            suffix = " …" if end < len(body) else ""
            return prefix + " ".join(body[start:end].split()) + suffix
    return " ".join(body[: 2 * width].split()) + (" …" if len(body) > 2 * width else "")
