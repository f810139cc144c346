"""The pager under a list: previous, "page n of m", next (``core/_pager.html``, kept per
language and kind of page by ``core.kept``)."""

from typing import Any

from django.utils.safestring import SafeString

from .fast.kept import render_kept


def pager_html(page: Any, query: str = "") -> SafeString:
    """For a Django ``Page`` (or ``None``); ``query``: the list's other parameters, encoded."""
    if page is None or not page.has_other_pages():
        return render_kept("core/_pager.html", {"other_pages": False}, {})
    values = {
        "number": page.number,
        "total": page.paginator.num_pages,
        "previous": page.previous_page_number() if page.has_previous() else 0,
        "next": page.next_page_number() if page.has_next() else 0,
        "query": query,
    }
    return render_kept("core/_pager.html", {"other_pages": True}, values)
