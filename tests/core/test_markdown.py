import markdown as md
import nh3
from hypothesis import given, settings
from hypothesis import strategies as st

from ligesind.core.markdown import LITE_TAGS, render_markdown


def slow_path(text: str) -> str:
    html = md.markdown(text, extensions=["nl2br", "sane_lists"], output_format="html")
    return nh3.clean(html, tags=LITE_TAGS, attributes={"a": {"href"}})


plain = st.text(alphabet=st.sampled_from("abcæøå ÆØÅ\n,'?\"0123456789"), max_size=200)


@settings(deadline=None)  # timing is not what these tests are about
@given(plain)
def test_fast_path_for_plain_text_matches_markdown(text):
    # The same HTML, up to white space (which HTML does not show).
    def squash(html: str) -> str:
        spaced = html.replace("<br>", " <br> ").replace("<p>", " <p> ").replace("</p>", " </p> ")
        return " ".join(spaced.split())

    assert squash(str(render_markdown(text))) == squash(slow_path(text))


def test_markdown_is_rendered_and_sanitised():
    assert str(render_markdown("*hej*")) == "<p><em>hej</em></p>"
    html = str(render_markdown("<img src=x onerror=alert(1)> [a](javascript:alert(1)) <b>fed</b>"))
    assert "<img" not in html and "javascript" not in html and "onerror" not in html
    assert 'rel="nofollow noopener noreferrer ugc"' in str(
        render_markdown("[a](https://example.org)")
    )


def test_plain_text_is_what_a_reader_sees():
    from ligesind.core.markdown import plain_text

    assert plain_text("Helt almindelig tekst") == "Helt almindelig tekst"
    text = "**Hej** med _dig_.\n\n> citat [link](https://x.dk) <script>alert(1)</script>"
    assert plain_text(text) == "Hej med dig.\n\ncitat link"
