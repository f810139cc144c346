from collections.abc import Iterator
from typing import Any

from django import forms
from django.contrib.auth.base_user import AbstractBaseUser

from . import services
from .models import EmailMode
from .notifications import kinds


class NotificationSettingsForm(forms.Form):
    """One choice per notification kind: e-mail at once, a daily digest, or never."""

    def __init__(self, *args: Any, user: AbstractBaseUser, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for kind in kinds():
            self.fields[f"kind_{kind.key}"] = forms.ChoiceField(
                label=str(kind.label),
                choices=EmailMode.choices,
                initial=services.email_mode(user, kind.key),
                widget=forms.RadioSelect,
                required=False,
            )

    def choices_made(self) -> Iterator[tuple[str, str]]:
        for name, value in self.cleaned_data.items():
            if value:  # a kind left out keeps its current choice
                yield name.removeprefix("kind_"), value
