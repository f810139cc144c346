from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from ..services import shown_notice

register = template.Library()


@register.simple_tag
def site_notice() -> SafeString | str:
    """The notice an admin switched on, at the top of every page (escaped)."""
    text = shown_notice((get_language() or "da")[:2])
    if not text:
        return ""
    return format_html(
        '<aside class="site-notice" aria-label="{}"><p>{}</p></aside>', _("Notice"), text
    )
