"""What one request remembers on the user object (roles, consent, blocks, groups).

Always through getattr/setattr/delattr: ``request.user`` is a lazy proxy, and its own
``__dict__`` is not the user's.
"""

from typing import Any


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
