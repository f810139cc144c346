from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from ligesind.core.models import Municipality

from .models import Access, Place
from .places import PlaceData


class PlaceForm(forms.Form):
    municipality = forms.ModelChoiceField(
        label=_("Municipality"),
        queryset=Municipality.objects.none(),
        empty_label=_("Choose a municipality"),
        error_messages={"required": _("Choose the municipality.")},
    )
    name = forms.CharField(
        label=_("Name"),
        max_length=120,
        help_text=_("For example: Room 2"),
        error_messages={"required": _("Give the place a name.")},
    )
    partner = forms.CharField(
        label=_("Partner (optional)"),
        max_length=120,
        required=False,
        help_text=_("Whose rooms they are, if not yours: for example Odense Libraries."),
    )
    address = forms.CharField(
        label=_("Address"),
        max_length=200,
        error_messages={"required": _("Write the address.")},
    )
    access = forms.MultipleChoiceField(
        label=_("Accessibility"),
        choices=Access.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    access_notes = forms.CharField(
        label=_("More about getting there (optional)"), max_length=300, required=False
    )
    contact = forms.CharField(
        label=_("Who to contact (optional, only staff see it)"), max_length=200, required=False
    )

    def __init__(self, *args: Any, municipalities: QuerySet[Municipality], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = municipalities  # type: ignore[attr-defined]
        only = list(municipalities[:2])
        if len(only) == 1 and not self.initial.get("municipality"):  # nothing to choose
            self.initial["municipality"] = only[0].pk

    @staticmethod
    def initial_from(place: Place) -> dict[str, Any]:
        names = ("municipality", "name", "partner", "address", "access", "access_notes", "contact")
        return {name: getattr(place, name) for name in names}

    def to_data(self) -> PlaceData:
        data = self.cleaned_data
        return PlaceData(
            municipality=data["municipality"],
            name=data["name"],
            address=data["address"],
            partner=data["partner"],
            access=list(data["access"]),
            access_notes=data["access_notes"],
            contact=data["contact"],
        )
