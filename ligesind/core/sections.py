"""Parts of one app's page that another app fills, so the lower app never imports the higher.

A group's page shows the group's coming events (activities); an organisation's page its
testimonials (pages) and coming activities. The app that owns the part registers it in its
``AppConfig.ready``; the page's template says where the parts go with
``{% page_sections "community:group" group %}`` (``{% load ligesind %}``). A part's function gets
the request and the page's object and returns its template's context, or None to show nothing.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import template
from django.http import HttpRequest
from django.template.engine import Engine
from django.utils.safestring import SafeString, mark_safe

SectionContext = Callable[[HttpRequest, Any], dict[str, Any] | None]


@dataclass(frozen=True)
class Section:
    template: str
    context: SectionContext
    order: int


_sections: dict[str, list[Section]] = {}


def register_section(page: str, *, template: str, context: SectionContext, order: int = 0) -> None:
    """Show ``template`` on ``page`` (e.g. "organisations:detail"), in ``order`` (low first)."""
    parts = _sections.setdefault(page, [])
    if any(part.template == template for part in parts):
        return
    parts.append(Section(template, context, order))
    parts.sort(key=lambda part: part.order)


def sections_for(page: str) -> list[Section]:
    return list(_sections.get(page, []))


def render_sections(context: template.Context, page: str, item: Any) -> SafeString:
    """Each registered part of ``page`` rendered in the page's own context (as an include)."""
    request = context.get("request")
    engine = context.template.engine if context.template else Engine.get_default()
    html = []
    for part in sections_for(page):
        extra = part.context(request, item) if request is not None else None
        if extra is None:
            continue
        with context.push(**extra):
            html.append(engine.get_template(part.template).render(context))
    return mark_safe("".join(html))  # noqa: S308 - rendered by our autoescaping templates
