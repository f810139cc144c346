"""Values that depend only on the active language and the URL configuration (translated
words, reversed addresses), worked out once per process instead of once per page."""

from collections.abc import Callable
from functools import wraps
from typing import TypeVar

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf
from django.utils.translation import get_language

T = TypeVar("T")


def language_key() -> tuple[object, ...]:
    return (get_language(), get_urlconf(settings.ROOT_URLCONF), get_script_prefix())


def per_language(make: Callable[[], T]) -> Callable[[], T]:
    """``make()`` once per language, URL configuration and script prefix. What it returns is
    shared: callers read it and never change it."""
    made: dict[tuple[object, ...], T] = {}

    @wraps(make)
    def get() -> T:
        key = language_key()
        if key not in made:
            made[key] = make()
        return made[key]

    return get
