"""Member text as Markdown, sanitised with nh3: the only way member text becomes HTML."""

import markdown as md
import nh3
from django.utils.safestring import SafeString, mark_safe

LITE_TAGS = {"p", "br", "strong", "em", "a", "ul", "ol", "li", "blockquote", "code", "pre"}


def render_markdown(text: str) -> SafeString:
    """Markdown-lite: emphasis, links, lists, quotes and code. No images, no raw HTML."""
    html = md.markdown(text or "", extensions=["nl2br", "sane_lists"], output_format="html")
    clean = nh3.clean(
        html,
        tags=LITE_TAGS,
        attributes={"a": {"href"}},
        url_schemes={"http", "https", "mailto"},
        link_rel="nofollow noopener noreferrer ugc",
    )
    return mark_safe(clean)  # noqa: S308 - sanitised by nh3 just above
