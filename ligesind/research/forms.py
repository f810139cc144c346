from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from . import who5
from .instruments import Item, asked
from .models import ConsentVersion, Question

YES_NO = [("yes", _("Yes")), ("no", _("No"))]


class ScreeningForm(forms.Form):
    def __init__(self, *args: Any, questions: list[Question], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for question in questions:
            self.fields[f"q{question.pk}"] = forms.ChoiceField(
                label=question.text,
                choices=YES_NO,
                widget=forms.RadioSelect,
                error_messages={"required": _("Answer the question.")},
            )

    def answers(self) -> dict[int, bool]:
        return {int(name[1:]): value == "yes" for name, value in self.cleaned_data.items()}


class ConsentForm(forms.Form):
    typed_name = forms.CharField(
        label=_("Your name, as your signature"),
        max_length=200,
        error_messages={"required": _("Type your name to sign.")},
    )

    def __init__(self, *args: Any, version: ConsentVersion, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for index, statement in enumerate(version.statements):
            self.fields[f"s{index}"] = forms.BooleanField(
                label=statement,
                error_messages={"required": _("Tick every statement to take part.")},
            )
        self.order_fields([f"s{i}" for i in range(len(version.statements))] + ["typed_name"])

    def statements(self) -> list[int]:
        return [
            int(name[1:])
            for name, value in self.cleaned_data.items()
            if name.startswith("s") and name[1:].isdigit() and value is True
        ]


class Who5Form(forms.Form):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for key, label in who5.ITEMS:
            self.fields[key] = forms.TypedChoiceField(
                label=label,
                choices=who5.CHOICES,
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose the answer closest to how you have felt.")},
            )


class WithdrawForm(forms.Form):
    keep_answers = forms.TypedChoiceField(
        label=_("The answers you have given so far"),
        choices=[
            ("yes", _("The researchers may keep and use them")),
            ("no", _("Delete them")),
        ],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what happens to your answers.")},
    )


class ConsentVersionForm(forms.Form):
    text = forms.CharField(
        label=_("Information for participants"),
        widget=forms.Textarea(attrs={"rows": 10}),
        max_length=20000,
        error_messages={"required": _("Write the information for participants.")},
    )
    statements = forms.CharField(
        label=_("Statements to tick, one per line"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=5000,
        error_messages={"required": _("Write at least one statement.")},
    )


class ReferralForm(forms.Form):
    referrer_name = forms.CharField(
        label=_("Your name"),
        max_length=120,
        error_messages={"required": _("Write your name.")},
    )
    referrer_workplace = forms.CharField(
        label=_("Your workplace"),
        max_length=200,
        help_text=_("For example Bostøtten in Fredericia."),
        error_messages={"required": _("Write where you work.")},
    )
    referrer_email = forms.EmailField(
        label=_("Your e-mail address"),
        error_messages={"required": _("Write your e-mail address.")},
    )
    person_name = forms.CharField(
        label=_("The name of the person you refer"),
        max_length=120,
        error_messages={"required": _("Write the name of the person you refer.")},
    )
    person_reach = forms.CharField(
        label=_("Their e-mail address or phone number"),
        max_length=200,
        help_text=_(
            "With an e-mail address they get an invitation at once; with a phone number we "
            "call them."
        ),
        error_messages={"required": _("Write how we can reach them.")},
    )
    agreed = forms.BooleanField(
        label=_("The person has agreed that we contact them"),
        error_messages={"required": _("Refer only someone who has agreed to be contacted.")},
    )


def _condition_text(item: Item, items: list[Item]) -> str:
    condition = item["show_if"]
    earlier = next(i for i in items if i["key"] == condition["item"])
    options = dict(earlier.get("options", []))
    values = ", ".join(str(options.get(v, v)) for v in condition["values"])
    return _("Only if your answer to “%(question)s” was: %(values)s") % {
        "question": earlier["text"],
        "values": values,
    }


class InstrumentAnswerForm(forms.Form):
    """A questionnaire the team defined: one field per item; skip logic and "required" are
    checked together once the answers are in (an item that is not asked is dropped)."""

    def __init__(self, *args: Any, items: list[Item], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.items = items
        for item in items:
            field: forms.Field
            choices = [(value, label) for value, label in item.get("options", [])]
            if item["kind"] in ("likert", "single"):
                field = forms.TypedChoiceField(
                    choices=choices, coerce=int, widget=forms.RadioSelect, required=False
                )
            elif item["kind"] == "multiple":
                field = forms.TypedMultipleChoiceField(
                    choices=choices,
                    coerce=int,
                    widget=forms.CheckboxSelectMultiple,
                    required=False,
                )
            elif item["kind"] == "number":
                field = forms.IntegerField(
                    min_value=item.get("min"), max_value=item.get("max"), required=False
                )
            else:
                field = forms.CharField(
                    widget=forms.Textarea(attrs={"rows": 3}), max_length=2000, required=False
                )
            field.label = item["text"]
            if item.get("show_if"):
                field.help_text = _condition_text(item, items)
            self.fields[item["key"]] = field

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for item in self.items:
            key = item["key"]
            if not asked(item, data):
                data.pop(key, None)
                continue
            if item.get("required") and data.get(key) in (None, "", []):
                self.add_error(key, _("Answer this question."))
        return data


class InstrumentForm(forms.Form):
    name = forms.CharField(
        label=_("Name"), max_length=200, error_messages={"required": _("Give it a name.")}
    )
    key = forms.SlugField(
        label=_("Short name (the timepoints use it)"),
        max_length=40,
        error_messages={"required": _("Give it a short name, e.g. sleep.")},
    )
    items = forms.CharField(
        label=_("The questions, one per line"),
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_(
            "key | kind | question | options | flags. Kinds: likert, single, multiple, number, "
            "text. Options: 1=Not at all; 2=A little. Flags: required, reverse, min=0, max=24, "
            "if=key:1,2 (asked only after one of those answers to an earlier question)."
        ),
        error_messages={"required": _("Write at least one question.")},
    )
