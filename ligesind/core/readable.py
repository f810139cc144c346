"""A member's exported data as readable HTML (the "my data" page): mappings as description
lists, lists as bullet lists, text with its line breaks, times and dates (stored as ISO text in
the export) as words, "5. december 2026, 13:55". Made in Python rather than with a
template that includes itself per value: a member with a long "who looked" log has thousands
of values, and the template took over a second for them."""

import re
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from django.template.defaultfilters import linebreaksbr
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from .privacy import label_for


def readable_html(value: Any) -> SafeString:
    if isinstance(value, Mapping):
        return format_html(
            '<dl class="facts">{}</dl>',
            format_html_join(
                "",
                "<dt>{}</dt><dd>{}</dd>",
                ((label_for(key), _item(key, item)) for key, item in value.items()),
            ),
        )
    if isinstance(value, list | tuple):
        if not value:
            return format_html("<p>{}</p>", _("Nothing"))
        return format_html(
            "<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((readable_html(v),) for v in value))
        )
    if value is None or value == "":
        return SafeString("–")
    if value is True:
        return format_html("{}", _("Yes"))
    if value is False:
        return format_html("{}", _("No"))
    if isinstance(value, str) and ISO.fullmatch(value):
        return format_html("{}", _when(value))
    return SafeString(linebreaksbr(str(value), autoescape=True))


ISO = re.compile(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:\d{2}|Z)?)?")


def _when(text: str) -> str:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return text
    if "T" not in text:
        return date_format(moment.date(), "j. E Y")
    if timezone.is_aware(moment):
        moment = timezone.localtime(moment)
    return date_format(moment, "j. E Y, H:i")


def _item(key: str, value: Any) -> SafeString:
    if key == "picture" and value:
        return format_html('<img src="{}" alt="{}" class="avatar-large">', value, _("My picture"))
    return readable_html(value)
