"""The forms a study is set up with (``study_setup`` does the work)."""

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from ligesind.activities.models import CourseTemplate
from ligesind.organisations.models import Organisation

from .forms import YES_NO
from .models import Anchor, ArmKind, Study


class NewStudyForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.order_by("name"),
        error_messages={"required": _("Choose the organisation behind the study.")},
    )
    title = forms.CharField(
        label=_("Title"), max_length=200, error_messages={"required": _("Give it a title.")}
    )
    summary = forms.CharField(
        label=_("In one sentence"),
        max_length=300,
        error_messages={"required": _("Say in one sentence what the study is about.")},
    )


class StudyForm(forms.ModelForm):
    class Meta:
        model = Study
        fields = ["title", "summary", "description", "strata", "course_template"]
        widgets = {"description": forms.Textarea(attrs={"rows": 8})}
        error_messages = {
            "title": {"required": _("Give it a title.")},
            "summary": {"required": _("Say in one sentence what the study is about.")},
            "description": {"required": _("Describe the study in plain language.")},
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        courses = cast(forms.ModelChoiceField, self.fields["course_template"])
        courses.queryset = CourseTemplate.objects.order_by("name")
        courses.empty_label = str(_("No course"))


class QuestionForm(forms.Form):
    text = forms.CharField(
        label=_("Question (answered yes or no)"),
        max_length=300,
        error_messages={"required": _("Write the question.")},
    )
    eligible_answer = forms.TypedChoiceField(
        label=_("The answer that lets a person take part"),
        choices=YES_NO,
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the answer that lets a person take part.")},
    )


class ArmForm(forms.Form):
    name = forms.CharField(
        label=_("Name of the group"),
        max_length=100,
        help_text=_("For example Course now, or Waiting list."),
        error_messages={"required": _("Give the group a name.")},
    )
    kind = forms.ChoiceField(
        label=_("What the group gets"),
        choices=ArmKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what the group gets.")},
    )


class TimepointForm(forms.Form):
    name = forms.CharField(
        label=_("Name of the timepoint"),
        max_length=100,
        help_text=_("For example Start, Week 10 or Month 6."),
        error_messages={"required": _("Give the timepoint a name, e.g. Week 10.")},
    )
    instrument = forms.ChoiceField(
        label=_("Questionnaire"),
        error_messages={"required": _("Choose one of the study's questionnaires.")},
    )
    days = forms.IntegerField(
        label=_("Days"),
        min_value=0,
        max_value=3650,
        help_text=_("0 is at once; week 10 is 70 days; month 6 is 182 days."),
        error_messages={
            "required": _("Write the number of days (0 is at once)."),
            "invalid": _("Write a whole number of days."),
            "min_value": _("Write 0 days or more."),
            "max_value": _("Write at most 3650 days."),
        },
    )
    anchor = forms.ChoiceField(
        label=_("Counted from"),
        choices=Anchor.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what the days are counted from.")},
    )

    def __init__(self, *args: Any, instruments: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["instrument"]).choices = instruments


class TeamMemberForm(forms.Form):
    email = forms.EmailField(
        label=_("Their e-mail address"),
        help_text=_(
            "They get the researcher role for the study's organisation; their account needs "
            "two-factor login."
        ),
        error_messages={
            "required": _("Write the e-mail address of their account."),
            "invalid": _("Write a whole e-mail address, e.g. navn@eksempel.dk."),
        },
    )
    peer_researcher = forms.BooleanField(
        label=_("Peer researcher (has lived experience)"), required=False
    )
