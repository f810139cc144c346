"""Member text as Markdown, sanitised with nh3: the only way member text becomes HTML."""

import re
from html import escape, unescape

import markdown as md
import nh3
from django.utils.safestring import SafeString, mark_safe

LITE_TAGS = {"p", "br", "strong", "em", "a", "ul", "ol", "li", "blockquote", "code", "pre"}


# Text without any Markdown syntax needs no parser: most chat messages are like that.
MARKUP = re.compile(r"[*_\[\]()#>`<&\\!|~=:/]|^\s*([-+]|\d+[.)])\s|^\s{4}", re.MULTILINE)


def render_markdown(text: str) -> SafeString:
    """Markdown-lite: emphasis, links, lists, quotes and code. No images, no raw HTML."""
    if not MARKUP.search(text or ""):
        paragraphs = [
            p.strip("\n") for p in re.split(r"\n\s*\n", (text or "").strip()) if p.strip()
        ]
        return mark_safe(  # noqa: S308 - escaped just here
            "\n".join(
                "<p>"
                + "<br>\n".join(escape(line.strip(), quote=False) for line in p.split("\n"))
                + "</p>"
                for p in paragraphs
            )
        )
    html = md.markdown(text or "", extensions=["nl2br", "sane_lists"], output_format="html")
    clean = nh3.clean(
        html,
        tags=LITE_TAGS,
        attributes={"a": {"href"}},
        url_schemes={"http", "https", "mailto"},
        link_rel="nofollow noopener noreferrer ugc",
    )
    return mark_safe(clean)  # noqa: S308 - sanitised by nh3 just above


def plain_text(text: str) -> str:
    """What a reader sees of member Markdown, without its marks (for snippets and excerpts)."""
    if not MARKUP.search(text or ""):
        return text
    html = md.markdown(text, extensions=["sane_lists"], output_format="html")
    return unescape(nh3.clean(html, tags=set())).strip()
