from django import forms
from django.utils.translation import gettext_lazy as _

from .models import ActionKind, ReportReason


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("What is wrong?"), choices=ReportReason.choices, widget=forms.RadioSelect
    )
    details = forms.CharField(
        label=_("Tell the moderators more (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Only moderators read this. The member is never told who reported."),
    )


DECISIONS = [(k, label) for k, label in ActionKind.choices if k != ActionKind.RESTORE]


class DecisionForm(forms.Form):
    kind = forms.ChoiceField(label=_("Decision"), choices=DECISIONS, widget=forms.RadioSelect)
    days = forms.IntegerField(
        label=_("Days of suspension"),
        required=False,
        min_value=1,
        max_value=365,
        help_text=_("Only for a suspension."),
    )
    reason = forms.CharField(
        label=_("Reason the member reads"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Write it calmly and plainly. Do not say who reported."),
    )

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if data.get("kind") == ActionKind.SUSPEND and not data.get("days"):
            self.add_error("days", _("Choose how many days the suspension lasts."))
        return data


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason the member reads"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class AppealForm(forms.Form):
    text = forms.CharField(
        label=_("Why do you think the decision is wrong?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class AnswerForm(forms.Form):
    restore = forms.TypedChoiceField(
        label=_("Outcome"),
        choices=[("0", _("Keep the decision")), ("1", _("Undo the decision"))],
        coerce=lambda value: value == "1",
        widget=forms.RadioSelect,
    )
    answer = forms.CharField(
        label=_("Answer the member reads"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
