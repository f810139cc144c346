"""{% pager %}: previous, "page n of m" and next, kept per language and kind of page
(core.kept), each page's own numbers and query filled in and escaped."""

from django.core.paginator import Paginator
from django.template import Context, Template
from django.utils import translation

from ligesind.core.fast import kept


def _pager(number: int, count: int, query: str = "") -> str:
    page = Paginator(range(count), 10).get_page(number)
    return Template("{% load ligesind %}{% pager %}").render(
        Context({"page": page, "query": query})
    )


def test_one_page_has_no_pager():
    kept._made.clear()
    assert _pager(1, 7) == "\n"


def test_first_middle_and_last_pages():
    kept._made.clear()
    with translation.override("en"):
        first, middle, last = _pager(1, 35), _pager(2, 35), _pager(4, 35)
    assert "Previous" not in first and '<a href="?page=2">Next</a>' in first
    assert "<span>Page 1 of 4</span>" in first
    assert '<a href="?page=1">Previous</a>' in middle and '<a href="?page=3">Next</a>' in middle
    assert "<span>Page 2 of 4</span>" in middle
    assert '<a href="?page=3">Previous</a>' in last and "Next" not in last


def test_danish_and_the_query_kept_and_escaped():
    kept._made.clear()
    with translation.override("da"):
        page = _pager(2, 35, query='q=a&b="c"')
        other = _pager(3, 35, query="q=x")
    assert '<a href="?q=a&amp;b=&quot;c&quot;&amp;page=1">Forrige</a>' in page
    assert "Side 2 af 4" in page and "Side 3 af 4" in other
    assert "q=x&amp;page=4" in other and "&quot;" not in other
