"""Dates in the forum read as on every other page: "4. december 2026 19:19"."""

from datetime import UTC, datetime

from django.utils import translation

from ligesind.community.views.display import Dates


def test_forum_dates_have_the_month_in_full():
    when = datetime(2026, 12, 4, 18, 19, tzinfo=UTC)
    with translation.override("da"):
        assert ">4. december 2026 19:19</time>" in Dates()(when, year=True)
    with translation.override("en"):
        assert ">4. December 19:19</time>" in Dates()(when, year=False)
