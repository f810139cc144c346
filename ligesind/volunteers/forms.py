from decimal import Decimal
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ligesind.core.forms import DateInput, TimeInput
from ligesind.core.models import Municipality
from ligesind.organisations.models import Organisation

from .models import HoursKind, Wish


class ApplicationForm(forms.Form):
    organisation = forms.ModelChoiceField(
        empty_label=_("Choose an organisation"),
        label=_("Organisation"),
        queryset=Organisation.objects.all(),
        error_messages={"required": _("Choose the organisation you would like to volunteer in.")},
    )
    municipality = forms.ModelChoiceField(
        label=_("Municipality"),
        queryset=Municipality.objects.all(),
        empty_label=_("Choose a municipality"),
        error_messages={"required": _("Choose the municipality.")},
    )
    experience = forms.CharField(
        label=_("Your own experience"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "In your own words and as much as you like: what you have lived with, as affected "
            "or as a relative. Only the local coordinators read it."
        ),
        error_messages={"required": _("Tell a little about your own experience.")},
    )
    motivation = forms.CharField(
        label=_("Why would you like to be a volunteer?"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Tell us why you would like to be a volunteer.")},
    )
    wishes = forms.MultipleChoiceField(
        label=_("What would you like to do?"),
        choices=Wish.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one thing you would like to do.")},
    )
    availability = forms.CharField(
        label=_("When can you?"),
        max_length=300,
        required=False,
        help_text=_("For example: weekday evenings, every other weekend."),
    )


class ConversationForm(forms.Form):
    day = forms.DateField(label=_("Date"), widget=DateInput)
    start = forms.TimeField(label=_("Time"), widget=TimeInput)
    place = forms.CharField(
        label=_("Where"),
        max_length=200,
        help_text=_("An address, or that you will call or meet by video."),
    )


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("Private note"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Only the municipality's coordinators in this organisation read notes."),
    )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            ("approved", _("Approve: they become a peer guide here")),
            ("not_now", _("Not now: they can ask again from a date")),
            ("declined", _("Not this time")),
        ],
        widget=forms.RadioSelect,
    )
    message = forms.CharField(
        label=_("Words to the applicant"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Needed when you say no: kind words about why, and where else to turn."),
    )
    not_before = forms.DateField(
        label=_("They can ask again from"), required=False, widget=DateInput
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["not_before"].widget.attrs["min"] = timezone.localdate().isoformat()


class TrainingForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.none()
    )
    name = forms.CharField(label=_("Name"), max_length=120)
    description = forms.CharField(
        label=_("Description"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    qualifies = forms.BooleanField(
        label=_("Completing it qualifies a peer guide"), required=False, initial=True
    )

    def __init__(self, *args: Any, organisations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]


class ModuleForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=120)
    day = forms.DateField(label=_("Date"), widget=DateInput)
    start = forms.TimeField(label=_("Time"), widget=TimeInput)
    place = forms.CharField(label=_("Place"), max_length=200)
    hours = forms.DecimalField(
        label=_("Hours"),
        initial=Decimal("3"),
        required=False,
        min_value=Decimal("0.5"),
        max_value=Decimal("12"),
        decimal_places=1,
        help_text=_("How long the module lasts: it counts in the volunteers' hours."),
        widget=forms.NumberInput(attrs={"step": "0.5", "inputmode": "decimal"}),
    )


class EnrolForm(forms.Form):
    alias = forms.CharField(
        label=_("The volunteer's alias"),
        max_length=40,
        error_messages={"required": _("Write the alias of the volunteer to enrol.")},
    )


class HoursForm(forms.Form):
    kind = forms.ChoiceField(label=_("What"), choices=HoursKind.choices)
    on = forms.DateField(label=_("Date"), widget=DateInput)
    hours = forms.DecimalField(
        label=_("Hours"),
        min_value=Decimal("0.5"),
        max_value=Decimal("24"),
        decimal_places=1,
        widget=forms.NumberInput(attrs={"step": "0.5", "inputmode": "decimal"}),
        error_messages={
            "min_value": _("Hours must be between 0.5 and 24."),
            "max_value": _("Hours must be between 0.5 and 24."),
            "max_decimal_places": _("Give the hours in half hours, for example 1.5."),
        },
    )
    organisation = forms.ModelChoiceField(
        label=_("For which organisation"), queryset=Organisation.objects.all(), required=False
    )
    note = forms.CharField(
        label=_("Note (only you see it)"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: Any, organisations: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if organisations is not None:
            self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]


class ChangeHoursForm(forms.Form):
    hours = HoursForm.base_fields["hours"]
    note = HoursForm.base_fields["note"]


class StatementForm(forms.Form):
    name = forms.CharField(
        label=_("Your name on the statement"),
        max_length=120,
        help_text=_(
            "Members know you by your alias. Write the name the school or employer knows you "
            "by: it is printed on the statement and not kept."
        ),
        error_messages={"required": _("Write the name to print on the statement.")},
    )
