from collections.abc import Iterator
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from django import forms
from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from . import services
from .models import EmailMode
from .notifications import kinds


def local_datetime(day: date, at: time) -> datetime:
    """A date and a time as the person typed them, in Copenhagen."""
    return datetime.combine(day, at).replace(tzinfo=ZoneInfo(settings.TIME_ZONE))


class DateInput(forms.DateInput):
    """The browser's date picker: its value is always ISO (2026-12-05), whatever the language."""

    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, format="%Y-%m-%d")


class TimeInput(forms.TimeInput):
    input_type = "time"


class OptionList:
    """A select's ``<option>`` elements made once for a page that shows the same choice on
    every row (``{% options list selected %}``), instead of a template loop per row."""

    def __init__(self, choices: list[tuple[int | str, str]]) -> None:
        self.html = format_html_join("", '<option value="{}">{}</option>', choices)

    def selected(self, value: int | str | None) -> SafeString:
        if value is None:
            return self.html
        start = format_html('<option value="{}">', value)
        return SafeString(self.html.replace(start, start[:-1] + " selected>", 1))


def rating_field(label: str | Any) -> forms.TypedChoiceField:
    """How did it go, 5 (very well) to 1 (badly): for feedback and check-ins."""
    return forms.TypedChoiceField(
        label=label,
        coerce=int,
        choices=[
            (5, _("5 – very well")),
            (4, _("4 – well")),
            (3, _("3 – all right")),
            (2, _("2 – not so well")),
            (1, _("1 – badly")),
        ],
        widget=forms.RadioSelect,
    )


class NotificationSettingsForm(forms.Form):
    """One choice per notification kind: e-mail at once, a daily digest, or never."""

    def __init__(self, *args: Any, user: AbstractBaseUser, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        modes = services.email_modes(user)
        for kind in kinds():
            self.fields[f"kind_{kind.key}"] = forms.ChoiceField(
                label=str(kind.label),
                choices=EmailMode.choices,
                initial=modes[kind.key],
                widget=forms.RadioSelect,
                required=False,
            )

    def choices_made(self) -> Iterator[tuple[str, str]]:
        for name, value in self.cleaned_data.items():
            if value:  # a kind left out keeps its current choice
                yield name.removeprefix("kind_"), value
