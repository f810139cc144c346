from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ligesind.accounts.models import Interest, Language
from ligesind.core.forms import rating_field
from ligesind.core.models import Municipality

from .models import ExitReason, Gender, Hope, MatchProfile, Meeting
from .services import MatchPreferences


class MatchProfileForm(forms.Form):
    seeking = forms.BooleanField(label=_("I am looking for a match"), required=False)
    hope = forms.ChoiceField(
        label=_("I hope to meet"), choices=Hope.choices, widget=forms.RadioSelect
    )
    meeting = forms.ChoiceField(
        label=_("How we meet"), choices=Meeting.choices, widget=forms.RadioSelect
    )
    municipality = forms.ModelChoiceField(
        label=_("Municipality"),
        queryset=Municipality.objects.all(),
        required=False,
        empty_label=_("Choose a municipality"),
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages"), choices=Language.choices, widget=forms.CheckboxSelectMultiple
    )
    topics = forms.ModelMultipleChoiceField(
        label=_("Topics and interests"),
        queryset=Interest.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    gender = forms.ChoiceField(label=_("My gender"), choices=Gender.choices, required=False)
    gender_preference = forms.ChoiceField(
        label=_("I would prefer to be matched with"),
        choices=[("", _("Anyone")), (Gender.WOMAN, _("A woman")), (Gender.MAN, _("A man"))],
        required=False,
    )
    note = forms.CharField(
        label=_("A few words about what I hope for (optional)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        required=False,
        help_text=_("Shown to the person you ask, or who is proposed to you."),
    )
    offers_support = forms.BooleanField(
        label=_("I can offer support: suggest me to others"),
        required=False,
        help_text=_(
            "People looking for a match then see what you share with them – lived experience, "
            "municipality, interests, languages, how you meet – and never anything else."
        ),
    )
    capacity = forms.IntegerField(
        label=_("Active matches I can have"), min_value=0, max_value=5, initial=1
    )
    paused = forms.BooleanField(
        label=_("Pause me: do not suggest me to anyone for now"), required=False
    )

    @classmethod
    def for_profile(cls, profile: MatchProfile, data: Any = None) -> "MatchProfileForm":
        initial = {
            name: getattr(profile, name)
            for name in (
                "seeking", "hope", "meeting", "municipality", "languages", "gender",
                "gender_preference", "note", "offers_support", "capacity", "paused",
            )
        }  # fmt: skip
        initial["topics"] = list(profile.topics.all())
        return cls(data, initial=initial)

    def to_data(self) -> MatchPreferences:
        data = self.cleaned_data
        return MatchPreferences(
            seeking=data["seeking"],
            hope=data["hope"],
            meeting=data["meeting"],
            municipality=data["municipality"],
            languages=data["languages"],
            topics=list(data["topics"]),
            gender=data["gender"],
            gender_preference=data["gender_preference"],
            note=data["note"],
            offers_support=data["offers_support"],
            capacity=data["capacity"],
            paused=data["paused"],
        )


class AskForm(forms.Form):
    message = forms.CharField(
        label=_("A few words to them (optional)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        required=False,
    )


class EndForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Why does the match end?"), choices=ExitReason.choices, widget=forms.RadioSelect
    )
    feedback = forms.CharField(
        label=_("Anything you want to tell us? (optional, only coordinators read it)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        required=False,
    )


class CheckInForm(forms.Form):
    rating = rating_field(_("How is it going?"))
    words = forms.CharField(
        label=_("Anything you want to tell us? (optional)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        required=False,
    )
