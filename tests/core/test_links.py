"""core.links: addresses filled in from ones reversed once per language are reverse()'s own."""

import pytest
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from ligesind.core import links
from ligesind.core.links import link
from ligesind.core.remembered import forget_all

CASES: list[tuple[str, tuple[int | str, ...]]] = [
    ("community:index", ()),
    ("community:reply", (5,)),
    ("community:reply", (1234567890,)),
    ("community:category", ("everyday-life",)),
    ("community:category", ("A_b-9",)),
    ("safety:report", ("post", 7)),
    ("community:group", (3,)),
]


@pytest.mark.parametrize("language", ["da", "en"])
def test_the_same_as_reverse(language):
    forget_all()
    with translation.override(language):
        for name, args in CASES * 2:  # made, then kept
            assert link(name, *args) == reverse(name, args=args)


def test_values_reverse_refuses_are_still_refused():
    forget_all()
    refused: list[tuple[str, tuple[int | str, ...]]] = [
        ("community:category", ("a b",)),  # not a slug
        ("community:reply", ("abc",)),  # not a number
        ("community:reply", ()),
        ("community:nothing", (1,)),
    ]
    for name, args in refused:
        with pytest.raises(NoReverseMatch):
            link(name, *args)


def test_reversed_once_per_language(monkeypatch):
    forget_all()
    calls: list[object] = []

    def counted(name: str, args: tuple[int | str, ...]) -> str:
        calls.append(args)
        return reverse(name, args=args)

    monkeypatch.setattr(links, "reverse", counted)
    for language in ("da", "en", "da"):
        with translation.override(language):
            for pk in (1, 2, 3):
                link("community:reply", pk)
    assert len(calls) == 2
