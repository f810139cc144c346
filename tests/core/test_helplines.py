from datetime import datetime

import pytest
from django.urls import reverse

from ligesind.core.helplines import COPENHAGEN, is_open, parse_hours


def at(hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, 24, hour, minute, tzinfo=COPENHAGEN)


@pytest.mark.parametrize(
    ("hours", "now", "expected"),
    [
        ("11–05", at(12), True),
        ("11–05", at(2), True),
        ("11–05", at(5), False),
        ("11–05", at(10, 59), False),
        ("09:30-17", at(9, 30), True),
        ("09:30-17", at(17), False),
        ("0-0", at(3), True),
        ("whenever", at(3), None),
        ("25-99", at(3), None),
    ],
)
def test_is_open(hours, now, expected):
    assert is_open(hours, now) is expected


def test_parse_hours():
    assert parse_hours("11–05") is not None
    assert parse_hours("") is None


def test_crisis_page_says_open_or_closed(client, settings):
    settings.LIVSLINIEN_HOURS = "0-0"
    html = client.get(reverse("crisis")).content.decode()
    assert "Åben nu." in html and "112" in html and "1813" in html and "70 201 201" in html
    settings.LIVSLINIEN_HOURS = "ukendt"
    html = client.get(reverse("crisis")).content.decode()
    assert "Åben nu." not in html and "Lukket" not in html


def test_every_help_line_number_can_be_tapped(client):
    """On a phone the numbers are links that call: the crisis page, in Danish and English."""
    for prefix in ("", "/en"):
        html = client.get(prefix + "/help-now/").content.decode()
        assert '<a href="tel:112">112</a>' in html
        assert '<a href="tel:1813">1813</a>' in html
        assert '<a href="tel:+4570201201">70 201 201</a>' in html


def test_phone_links_escape_the_text_around_the_numbers():
    from ligesind.core.helplines import with_phone_links

    assert str(with_phone_links("<b>ring 112</b> eller 1813")) == (
        '&lt;b&gt;ring <a href="tel:112">112</a>&lt;/b&gt; eller <a href="tel:1813">1813</a>'
    )
    assert str(with_phone_links("21124 og 118130")) == "21124 og 118130"  # not inside numbers
