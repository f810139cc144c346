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
