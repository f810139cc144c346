"""ligesind.community.views.display: rows written in Python read as the templates did."""

from datetime import UTC, datetime

import pytest
from django.utils import formats, timezone, translation

from ligesind.community.views.display import Dates


@pytest.mark.parametrize("language", ["da", "en"])
def test_dates_read_as_djangos_own_formats(language):
    with translation.override(language):
        dates = Dates()
        for month in range(1, 13):
            value = datetime(2026, month, 5 + month, 7 + month, 3, tzinfo=UTC)
            local = timezone.localtime(value)
            assert dates(value, year=True) == (
                f'<time datetime="{local.isoformat()}">'
                f"{formats.date_format(local, 'j. M Y H:i')}</time>"
            )
            assert dates(value, year=False).endswith(
                f">{formats.date_format(local, 'j. M H:i')}</time>"
            )
