from collections.abc import Mapping
from typing import Any

from django import template
from django.utils.safestring import SafeString

from ligesind.core.markdown import render_markdown
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
