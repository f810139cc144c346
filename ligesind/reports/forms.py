from datetime import date
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from ligesind.core.forms import DateInput
from ligesind.core.models import Municipality
from ligesind.organisations.models import Organisation


class PlaceForm(forms.Form):
    municipality = forms.ModelChoiceField(
        label=_("Municipality"),
        queryset=Municipality.objects.none(),
        required=False,
        empty_label=_("All my municipalities"),
    )

    def __init__(self, *args: Any, municipalities: QuerySet[Municipality], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = municipalities  # type: ignore[attr-defined]


class ReportForm(PlaceForm):
    organisation = forms.ModelChoiceField(
        empty_label=_("Choose an organisation"),
        label=_("Organisation"),
        queryset=Organisation.objects.none(),
        error_messages={
            "required": _("Choose the organisation."),
            "invalid_choice": _("You can make reports for the organisations you coordinate for."),
        },
    )
    first = forms.DateField(label=_("From"), widget=DateInput)
    last = forms.DateField(label=_("To and with"), widget=DateInput)

    field_order = ["organisation", "municipality", "first", "last"]

    def __init__(self, *args: Any, organisations: QuerySet[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        first, last = data.get("first"), data.get("last")
        if isinstance(first, date) and isinstance(last, date):
            if last < first:
                self.add_error("last", _("The period must end after it starts."))
            elif (last - first).days > 366 * 5:
                self.add_error("last", _("Choose a period of at most five years."))
        return data
