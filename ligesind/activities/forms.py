from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ligesind.accounts.models import Interest, User
from ligesind.core.forms import DateInput, TimeInput, local_datetime, rating_field
from ligesind.core.models import Municipality
from ligesind.organisations.models import Organisation, Place

from .models import ActivityKind, Audience, CourseTemplate, Recurrence
from .permissions import organisations_to_plan_for
from .services import ActivityData


class AliasChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return getattr(getattr(obj, "profile", None), "alias", "") or str(_("member"))


class AliasField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return getattr(getattr(obj, "profile", None), "alias", "") or str(_("member"))


class ActivityForm(forms.Form):
    kind = forms.ChoiceField(label=_("Type"), choices=ActivityKind.choices)
    title = forms.CharField(label=_("Title"), max_length=120)
    description = forms.CharField(
        label=_("Description"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=5000,
        required=False,
        help_text=_("What will you do? Who is it for? Simple Markdown works."),
    )
    online = forms.BooleanField(label=_("Online"), required=False)
    venue = forms.ModelChoiceField(
        label=_("Place"),
        queryset=Place.objects.none(),
        required=False,
        empty_label=_("Another place: write the address below"),
        help_text=_("The organisation's places, with their address and accessibility."),
    )
    municipality = forms.ModelChoiceField(
        label=_("Municipality"),
        queryset=Municipality.objects.all(),
        required=False,
        empty_label=_("Choose a municipality"),
    )
    place = forms.CharField(label=_("Address"), max_length=200, required=False)
    meeting_link = forms.URLField(
        label=_("Meeting link"),
        required=False,
        help_text=_("Only people with a place see the link."),
        assume_scheme="https",
    )
    day = forms.DateField(label=_("Date"), widget=DateInput)
    start = forms.TimeField(label=_("Starts at"), widget=TimeInput)
    end = forms.TimeField(label=_("Ends at"), widget=TimeInput)
    capacity = forms.IntegerField(
        label=_("Places"),
        min_value=1,
        max_value=1000,
        required=False,
        help_text=_("Leave empty for no limit. When it is full, people join a waiting list."),
    )
    audience = forms.ChoiceField(
        label=_("Who can see it"), choices=Audience.choices, initial=Audience.MEMBERS
    )
    recurrence = forms.ChoiceField(
        label=_("Repeats"), choices=Recurrence.choices, initial=Recurrence.NONE
    )
    occurrences = forms.IntegerField(
        label=_("Number of times"), min_value=1, max_value=26, initial=1, required=False
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("None – my own activity"),
        help_text=_("The organisation the activity belongs to, if any: one you are a member of."),
    )
    interests = forms.ModelMultipleChoiceField(
        label=_("What it is about"),
        queryset=Interest.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Members can find activities by what they care about."),
    )

    def __init__(
        self, *args: Any, group: Any = None, user: Any = None, keep: Any = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.group = group
        choices = organisations_to_plan_for(user)
        if keep is not None:  # an activity keeps its organisation when someone else edits it
            choices = choices | Organisation.objects.filter(pk=keep.pk)
        self.fields["organisation"].queryset = choices  # type: ignore[attr-defined]
        places = Place.objects.filter(organisation__in=choices).select_related("municipality")
        self.fields["venue"].queryset = places  # type: ignore[attr-defined]
        if not places.exists():
            del self.fields["venue"]
        if group is not None:  # a group's own event is for its members: no choice to make
            del self.fields["audience"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        day, start, end = data.get("day"), data.get("start"), data.get("end")
        if day and start and end:
            if end <= start:
                self.add_error("end", _("The activity must end after it starts."))
            data["starts_at"] = local_datetime(day, start)
            data["ends_at"] = local_datetime(day, end)
        venue = data.get("venue")
        if venue is not None and not data.get("online"):  # the place's own address
            data["municipality"], data["place"] = venue.municipality, venue.address
        if not data.get("online") and not (data.get("municipality") and data.get("place")):
            self.add_error(
                "place", _("An activity in a place needs a municipality and an address.")
            )
        return data

    def to_data(self) -> ActivityData:
        data = self.cleaned_data
        return ActivityData(
            kind=data["kind"],
            title=data["title"],
            description=data["description"],
            online=data["online"],
            municipality=data["municipality"],
            place=data["place"],
            meeting_link=data["meeting_link"],
            starts_at=data["starts_at"],
            ends_at=data["ends_at"],
            capacity=data["capacity"],
            audience=Audience.GROUP if self.group is not None else data["audience"],
            recurrence=data.get("recurrence") or Recurrence.NONE,
            occurrences=data.get("occurrences") or 1,
            group=self.group,
            organisation=data.get("organisation"),
            interests=tuple(data.get("interests") or ()),
            venue=data.get("venue"),
        )


class ActivityFilterForm(forms.Form):
    municipality = forms.ModelChoiceField(
        label=_("Municipality"),
        queryset=Municipality.objects.all(),
        required=False,
        empty_label=_("All municipalities"),
    )
    kind = forms.ChoiceField(
        label=_("Type"), choices=[("", _("All types")), *ActivityKind.choices], required=False
    )
    mode = forms.ChoiceField(
        label=_("Where"),
        choices=[
            ("", _("Online and in person")),
            ("online", _("Online")),
            ("place", _("In person")),
        ],
        required=False,
    )
    after = forms.DateField(label=_("From date"), widget=DateInput, required=False)
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.all(),
        required=False,
        empty_label=_("All organisations"),
    )
    interest = forms.ModelChoiceField(
        label=_("About"), queryset=Interest.objects.all(), required=False, empty_label=_("Anything")
    )


class CourseRunForm(forms.Form):
    template = forms.ModelChoiceField(label=_("Course"), queryset=CourseTemplate.objects.all())
    municipality = forms.ModelChoiceField(
        label=_("Municipality"),
        queryset=Municipality.objects.none(),
        empty_label=_("Choose a municipality"),
    )
    place = forms.CharField(label=_("Place"), max_length=200)
    day = forms.DateField(label=_("Date of the first session"), widget=DateInput)
    start = forms.TimeField(label=_("Starts at"), widget=TimeInput)
    capacity = forms.IntegerField(label=_("Places"), min_value=1, max_value=20, initial=10)
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("None"),
        help_text=_("The organisation that holds the course; it must work in the municipality."),
    )
    leaders = AliasChoiceField(
        label=_("Leaders"),
        queryset=User.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(
        self,
        *args: Any,
        municipalities: Any,
        leaders: Any,
        organisations: Any,
        organisation_required: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = municipalities  # type: ignore[attr-defined]
        self.fields["leaders"].queryset = leaders  # type: ignore[attr-defined]
        self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]
        self.fields["organisation"].required = organisation_required


class MoveSessionForm(forms.Form):
    day = forms.DateField(label=_("New date"), widget=DateInput)
    start = forms.TimeField(label=_("Starts at"), widget=TimeInput)


class SessionNotesForm(forms.Form):
    notes = forms.CharField(
        label=_("Leaders' notes"),
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
        max_length=10000,
        help_text=_("Only the leaders and the municipality's coordinators can read these."),
    )


class AccompanimentForm(forms.Form):
    municipality = forms.ModelChoiceField(
        label=_("Municipality"),
        queryset=Municipality.objects.all(),
        empty_label=_("Choose a municipality"),
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.all(),
        required=False,
        empty_label=_("Any organisation in my municipality"),
        help_text=_("If you know the organisation you would like company from."),
    )
    what = forms.CharField(
        label=_("What would you like company for?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=_("For example an activity, an appointment or a place you have not been to."),
    )
    where = forms.CharField(label=_("Where"), max_length=300)
    day = forms.DateField(label=_("Date"), widget=DateInput)
    start = forms.TimeField(label=_("Time"), widget=TimeInput)


class AssignForm(forms.Form):
    volunteer = AliasField(label=_("Volunteer"), queryset=User.objects.none())

    def __init__(self, *args: Any, volunteers: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["volunteer"].queryset = volunteers  # type: ignore[attr-defined]


class HoursForm(forms.Form):
    hours = forms.DecimalField(
        label=_("Hours"), min_value=Decimal("0.5"), max_value=Decimal("24"), decimal_places=1
    )


class FeedbackForm(forms.Form):
    rating = rating_field(_("How did it go?"))
    feedback = forms.CharField(
        label=_("Anything you want to tell us? (optional)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
    )
