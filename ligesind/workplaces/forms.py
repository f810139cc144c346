from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from ligesind.activities.models import Activity
from ligesind.core.models import Municipality
from ligesind.organisations.models import Organisation

from .models import RequestStatus, Want


class WorkplaceForm(forms.Form):
    organisation = forms.ModelChoiceField(
        empty_label=_("Choose an organisation"),
        label=_("Which organisation would you like to ask?"),
        queryset=Organisation.objects.order_by("name"),
        error_messages={"required": _("Choose the organisation.")},
    )
    wants = forms.MultipleChoiceField(
        label=_("What would you like?"),
        choices=Want.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose what you would like from us.")},
    )
    workplace = forms.CharField(
        label=_("Workplace"),
        max_length=200,
        error_messages={"required": _("Write the name of the workplace.")},
    )
    municipality = forms.ModelChoiceField(
        label=_("Municipality (optional)"),
        queryset=Municipality.objects.order_by("name"),
        empty_label=_("Choose a municipality"),
        required=False,
    )
    contact_name = forms.CharField(
        label=_("Contact person"),
        max_length=120,
        error_messages={"required": _("Write the name of the contact person.")},
    )
    reach = forms.CharField(
        label=_("E-mail or phone"),
        max_length=200,
        error_messages={"required": _("Write an e-mail address or a phone number.")},
    )
    message = forms.CharField(
        label=_("Tell a little about the workplace and what you have in mind (optional)"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Where the request stands"), choices=RequestStatus.choices)


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("Note (the organisation's staff only)"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Write the note first.")},
    )


class ActivityForm(forms.Form):
    activity = forms.ModelChoiceField(
        label=_("The talk's or workshop's activity"),
        queryset=Activity.objects.none(),
        required=False,
        empty_label=_("None"),
    )

    def __init__(self, *args: Any, activities: QuerySet[Activity], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["activity"].queryset = activities  # type: ignore[attr-defined]
