from django import template
from django.utils.safestring import SafeString

from ligesind.core.fast.kept import render_kept

register = template.Library()


@register.simple_tag(takes_context=True)
def help_panel(context: template.Context, hidden: bool = False) -> SafeString:
    """The crisis help panel (``safety/_panel.html``). It holds nothing about the visitor: the
    words, the help lines and whether Livslinien is open now, so it is kept per language,
    opening hours, open-or-closed and hidden-or-shown (``core.kept``)."""
    facts = {"hidden": bool(hidden), "livslinien_open": context.get("livslinien_open")}
    return render_kept(
        "safety/_panel.html", facts, {"livslinien_hours": context.get("livslinien_hours")}
    )
