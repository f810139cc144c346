from decimal import Decimal
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ligesind.core.forms import DateInput

from .features import Feature
from .models import DeclarationKind, FeeLevel, FeeTerms


class LevelForm(forms.ModelForm):
    features = forms.MultipleChoiceField(
        label=_("What it unlocks"),
        choices=Feature.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_(
            "Crisis help, blocking, reporting and a member's own data are open to every "
            "member, whatever they pay."
        ),
    )

    class Meta:
        model = FeeLevel
        fields = [
            "name",
            "description",
            "period",
            "price",
            "features",
            "on_declaration",
            "active",
            "position",
        ]
        error_messages = {
            "name": {"required": _("Give the level a name.")},
            "description": {"required": _("Say in a sentence what the level gives.")},
            "period": {"required": _("Choose how often it is paid, or that it is free.")},
        }


class TermsForm(forms.ModelForm):
    class Meta:
        model = FeeTerms
        fields = ["why", "bank_account", "mobilepay", "grace_days", "reminder_days"]
        widgets = {"why": forms.Textarea(attrs={"rows": 6})}


class PaymentForm(forms.Form):
    reference = forms.CharField(
        label=_("Payment reference"),
        max_length=12,
        help_text=_("The member's reference, e.g. K4F7QX2M."),
        error_messages={"required": _("Write the member's payment reference.")},
    )
    amount = forms.DecimalField(
        label=_("Amount in kroner"),
        min_value=Decimal("0.01"),
        max_digits=10,
        decimal_places=2,
        localize=True,
        error_messages={"required": _("Write the amount that was paid.")},
    )
    paid_on = forms.DateField(
        label=_("Paid on"),
        widget=DateInput,
        initial=timezone.localdate,
        error_messages={"required": _("Write the date it was paid.")},
    )

    def clean_paid_on(self) -> Any:
        value = self.cleaned_data["paid_on"]
        if value > timezone.localdate():
            raise forms.ValidationError(_("A payment cannot be registered in the future."))
        return value


class StatementForm(forms.Form):
    statement = forms.FileField(
        label=_("Bank statement (CSV)"),
        help_text=_(
            "Export the account's lines from your online bank as CSV. Lines with money out are "
            "left out; a statement imported twice adds nothing the second time."
        ),
        error_messages={"required": _("Choose the file with the statement.")},
    )


class MatchForm(forms.Form):
    reference = forms.CharField(
        label=_("Payment reference"),
        max_length=12,
        error_messages={"required": _("Write the member's payment reference.")},
    )


class DeclarationForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("I am"),
        choices=DeclarationKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what fits you.")},
    )
    text = forms.CharField(
        label=_("A few words about it"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("For example where you work or study. Only the organisation's staff read it."),
        error_messages={"required": _("Write a few words, so the organisation can confirm it.")},
    )


class DecisionForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason, if you decline"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class WaiverForm(forms.Form):
    email = forms.EmailField(
        label=_("The member's e-mail address"),
        error_messages={"required": _("Write the member's e-mail address.")},
    )
    level = forms.ModelChoiceField(
        label=_("Level"),
        queryset=FeeLevel.objects.none(),
        empty_label=_("Choose a level"),
        error_messages={"required": _("Choose the level the member gets.")},
    )
    until = forms.DateField(
        label=_("Free until"),
        widget=DateInput,
        error_messages={"required": _("Write the last day of the waiver.")},
    )
    reason = forms.CharField(
        label=_("Why (only staff see it)"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Write why the fee is waived.")},
    )

    def __init__(self, *args: Any, organisation_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["level"].queryset = FeeLevel.objects.filter(  # type: ignore[attr-defined]
            organisation_id=organisation_id
        )
