from typing import Any

from django import template
from django.utils.safestring import SafeString

from ligesind.core.forms import OptionList
from ligesind.core.header import site_header as _site_header
from ligesind.core.helplines import with_phone_links
from ligesind.core.links import link as _link
from ligesind.core.look import avatar_html, icon_html
from ligesind.core.markdown import render_markdown
from ligesind.core.pager import pager_html
from ligesind.core.per_language import language_key
from ligesind.core.privacy import display_alias as _display_alias
from ligesind.core.readable import readable_html
from ligesind.core.sections import render_sections

register = template.Library()


@register.filter
def markdown(value: str) -> SafeString:
    """Member text as sanitised Markdown-lite."""
    return render_markdown(value)


@register.filter
def phone_links(value: str) -> SafeString:
    """The help lines' numbers in a text as tap-to-call links (the text is escaped)."""
    return with_phone_links(value)


@register.filter
def readable(value: Any) -> SafeString:
    """``{{ data|readable }}``: exported data as readable HTML (``core.readable``)."""
    return readable_html(value)


@register.filter
def display_alias(user: Any) -> str:
    """``{{ match.seeker|display_alias }}``: the member's alias, or "deleted member"."""
    return _display_alias(user)


@register.simple_tag
def options(choices: OptionList, selected: int | str | None = None) -> SafeString:
    """``{% options choices selected %}``: the ``<option>`` elements of an ``OptionList``."""
    return choices.selected(selected)


@register.simple_tag
def icon(name: str, size: int = 20) -> SafeString:
    """``{% icon "calendar-days" %}``: a decorative icon (``core.look``)."""
    return icon_html(name, size)


@register.simple_tag
def avatar(name: str | None, size: str = "s") -> SafeString:
    """``{% avatar profile.alias "m" %}``: a person's initials in their colour (``core.look``)."""
    return avatar_html(name, size)


@register.simple_tag
def link(name: str, *args: int | str) -> str:
    """``{% link 'app:name' arg %}``: ``{% url %}`` for whole-number and slug arguments,
    reversed once per language (``core.links``)."""
    return _link(name, *args)


@register.simple_tag(takes_context=True)
def page_sections(context: template.Context, page: str, item: Any) -> SafeString:
    """The parts other apps add to this page (see ligesind.core.sections)."""
    return render_sections(context, page, item)


@register.simple_tag(takes_context=True)
def pager(context: template.Context) -> SafeString:
    """Previous, "page n of m", next for the context's ``page`` (keeping its ``query``)."""
    return pager_html(context.get("page"), context.get("query") or "")


@register.simple_tag(takes_context=True)
def site_header(context: template.Context) -> SafeString:
    """The header with the menu (``core.header``)."""
    return _site_header(context)


class PerLanguageNode(template.Node):
    # Holds no {% block %}: Django's {% extends %} need not search it on every page.
    child_nodelists = ()

    def __init__(self, nodelist: template.NodeList) -> None:
        self.nodelist = nodelist
        self.made: dict[tuple[object, ...], SafeString] = {}

    def render(self, context: template.Context) -> SafeString:
        # The language is looked up once per page: a page is rendered in one language.
        key = getattr(context, "_language_key", None)
        if key is None:
            key = context._language_key = language_key()  # type: ignore[attr-defined]
        if key not in self.made:
            # A context without the page's variables or the context processors' values:
            # nothing about this visitor can end up in what is kept.
            self.made[key] = SafeString(self.nodelist.render(context.new()))
        return self.made[key]


@register.tag
def per_language(parser: Any, token: Any) -> PerLanguageNode:
    """``{% per_language %}…{% endper_language %}``: markup that is the same for everybody in a
    language (translated words, addresses, static files) is rendered once per process and
    language. It sees no variables: anything about the visitor stays outside the block. The
    language is read once per page, so the block is not for use inside ``{% language %}``."""
    nodelist = parser.parse(("endper_language",))
    parser.delete_first_token()
    return PerLanguageNode(nodelist)
