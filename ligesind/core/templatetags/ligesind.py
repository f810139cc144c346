from collections.abc import Mapping
from typing import Any

from django import template

from ligesind.core.privacy import label_for

register = template.Library()


@register.filter
def is_mapping(value: Any) -> bool:
    return isinstance(value, Mapping)


@register.filter
def is_list(value: Any) -> bool:
    return isinstance(value, list | tuple)


@register.filter
def humanize_key(value: str) -> str:
    return label_for(value)
