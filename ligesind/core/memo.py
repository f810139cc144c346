"""What one request remembers on the user object (roles, consent, blocks, groups).

Always through getattr/setattr/delattr: ``request.user`` is a lazy proxy, and its own
``__dict__`` is not the user's.
"""

from typing import Any

from django.utils.functional import LazyObject, empty


def recall(obj: Any, name: str) -> Any:
    return getattr(obj, name, None)


def remember(obj: Any, name: str, value: Any) -> Any:
    setattr(obj, name, value)
    return value


def forget(obj: Any, *names: str) -> None:
    for name in names:
        try:
            delattr(obj, name)
        except AttributeError:
            continue


def plain(obj: Any) -> Any:
    """The object behind a lazy proxy such as ``request.user`` (loaded if it was not yet)."""
    if isinstance(obj, LazyObject):
        if obj._wrapped is empty:
            obj._setup()
        return obj._wrapped
    return obj
