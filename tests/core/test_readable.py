from django.utils import translation

from ligesind.core.readable import readable_html


def test_exported_data_reads_as_lists_and_is_escaped():
    data = {
        "alias": "<b>Ulla</b>",
        "story": "Linje 1\nLinje 2",
        "listed_in_directory": True,
        "adult": False,
        "municipality": None,
        "picture": "/media/a.png",
        "groups": [],
        "messages": [{"text": "Hej"}, "To"],
    }
    with translation.override("da"):
        html = readable_html(data)
    assert html.startswith('<dl class="facts">')
    assert "&lt;b&gt;Ulla&lt;/b&gt;" in html and "<b>" not in html
    assert "Linje 1<br>Linje 2" in html
    assert "<dd>Ja</dd>" in html and "<dd>Nej</dd>" in html and "<dd>–</dd>" in html
    assert '<img src="/media/a.png" alt="Mit billede" class="avatar-large">' in html
    assert "<p>Intet</p>" in html
    assert '<ul><li><dl class="facts"><dt>Tekst</dt><dd>Hej</dd></dl></li><li>To</li></ul>' in html


def test_times_and_dates_read_as_words_in_danish_time():
    with translation.override("da"):
        html = readable_html(
            {
                "at": "2026-12-05T12:55:44.942781+00:00",
                "born": "1990-03-01",
                "code": "2026-12-05 is not a date here",
                "bad": "2026-13-45",
            }
        )
    assert "<dd>5. december 2026, 13:55</dd>" in html  # Copenhagen is UTC+1 in December
    assert "<dd>1. marts 1990</dd>" in html
    assert "<dd>2026-12-05 is not a date here</dd>" in html
    assert "<dd>2026-13-45</dd>" in html
