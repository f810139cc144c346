from collections.abc import Mapping
from typing import Any

from django import template
from django.utils.safestring import SafeString

from ligesind.core.markdown import render_markdown
from ligesind.core.per_language import language_key
from ligesind.core.privacy import label_for

register = template.Library()


@register.filter
def is_mapping(value: Any) -> bool:
    return isinstance(value, Mapping)


@register.filter
def is_list(value: Any) -> bool:
    return isinstance(value, list | tuple)


@register.filter
def markdown(value: str) -> SafeString:
    """Member text as sanitised Markdown-lite."""
    return render_markdown(value)


@register.filter
def humanize_key(value: str) -> str:
    return label_for(value)


class PerLanguageNode(template.Node):
    def __init__(self, nodelist: template.NodeList) -> None:
        self.nodelist = nodelist
        self.made: dict[tuple[object, ...], SafeString] = {}

    def render(self, context: template.Context) -> SafeString:
        key = language_key()
        if key not in self.made:
            # A context without the page's variables or the context processors' values:
            # nothing about this visitor can end up in what is kept.
            self.made[key] = SafeString(self.nodelist.render(context.new()))
        return self.made[key]


@register.tag
def per_language(parser: Any, token: Any) -> PerLanguageNode:
    """``{% per_language %}…{% endper_language %}``: markup that is the same for everybody in a
    language (translated words, addresses, static files) is rendered once per process and
    language. It sees no variables: anything about the visitor stays outside the block."""
    nodelist = parser.parse(("endper_language",))
    parser.delete_first_token()
    return PerLanguageNode(nodelist)
