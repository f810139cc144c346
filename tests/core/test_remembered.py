"""core.remembered: what a process keeps between requests is bounded and forgotten together,
also when a setting or a template changes; every prepared query of the site is listed here with
its key (the only arguments that make a new query)."""

import importlib
import pkgutil
import re
from pathlib import Path

from django.test import override_settings
from django.utils.autoreload import file_changed

from ligesind.core.fast import prepared
from ligesind.core.remembered import Memory, forget_all, remembered

# entry points and settings (importing them starts or configures things), migrations
SKIPPED = re.compile(r"^ligesind\.(settings|__main__|serving|asgi|wsgi)\b|\.migrations\b")


def test_a_memory_is_bounded_and_forgotten_with_the_rest():
    memory: Memory[int, int] = Memory(3)
    for n in range(3):
        memory[n] = n
    memory[1] = 10  # a known key does not count twice
    assert memory == {0: 0, 1: 10, 2: 2}
    memory[3] = 3  # past the limit it starts again
    assert memory == {3: 3}
    forget_all()
    assert memory == {}


def test_a_remembered_function_is_forgotten_on_a_setting_or_template_change():
    calls: list[int] = []

    @remembered(8)
    def double(n: int) -> int:
        calls.append(n)
        return 2 * n

    assert double(2) == double(2) == 4 and calls == [2]
    with override_settings(LIGESIND_UNDO_MINUTES=3):
        assert double(2) == 4 and calls == [2, 2]
    file_changed.send(sender=None, file_path=Path("ligesind/core/templates/core/_pager.html"))
    assert double(2) == 4 and calls == [2, 2, 2]
    file_changed.send(sender=None, file_path=Path("ligesind/core/views.py"))
    assert double(2) == 4 and len(calls) == 3  # Python code: the server restarts anyway


def test_every_prepared_query_of_the_site_with_its_key():
    import ligesind

    for module in pkgutil.walk_packages(ligesind.__path__, "ligesind."):
        if not SKIPPED.search(module.name):
            importlib.import_module(module.name)
    found = {
        query.name: query.key_names
        for query in prepared.every
        if query.name.startswith("ligesind.")
    }
    assert found == {
        "ligesind.accounts.backends.<lambda>": ("version",),
        "ligesind.community.views.access._thread_for": (),
        "ligesind.community.views.lists._category_rows": (
            "moderator",
            "blocked",
            "offset",
            "limit",
        ),
        "ligesind.community.views.forums.<lambda>": (),
        "ligesind.community.views.forums._posts_between": (),
    }
