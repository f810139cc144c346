from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ligesind.organisations.models import Organisation

from .models import GroupKind, Visibility

BODY_HELP = _(
    "You can use *italic*, **bold**, lists, > quotes and links. We listen, we don't give "
    "advice, and we don't tell others what to do."
)


def body_field() -> forms.CharField:
    return forms.CharField(
        label=_("Your post"),
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=BODY_HELP,
        error_messages={"required": _("Please write something.")},
    )


class PostForm(forms.Form):
    body = body_field()
    anonymous = forms.BooleanField(
        label=_("Post anonymously (others see “anonymous member”; moderators can see who)"),
        required=False,
    )

    def __init__(self, *args: object, allow_anonymous: bool = False, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        if not allow_anonymous:
            del self.fields["anonymous"]


class ThreadForm(PostForm):
    title = forms.CharField(
        label=_("Title"),
        max_length=140,
        error_messages={"required": _("Please give the thread a title.")},
    )
    field_order = ["title", "body", "anonymous"]


class EditForm(forms.Form):
    body = body_field()


class GroupForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=80,
        error_messages={"required": _("Please give the group a name.")},
    )
    kind = forms.ChoiceField(
        label=_("Type of group"),
        choices=[(k, label) for k, label in GroupKind.choices if k != GroupKind.VOLUNTEERS],
        widget=forms.RadioSelect,
    )
    visibility = forms.ChoiceField(
        label=_("Who can join"), choices=Visibility.choices, widget=forms.RadioSelect
    )
    description = forms.CharField(
        label=_("What the group is about"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    organisation = forms.ModelChoiceField(
        label=_("Only for members of"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("No – open to every member of the community"),
        help_text=_("An organisation you are a member of can keep the group to its members."),
    )

    def __init__(self, *args: Any, choices: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if choices.exists():
            self.fields["organisation"].queryset = choices  # type: ignore[attr-defined]
        else:  # nobody to keep it for: no question to answer
            del self.fields["organisation"]


class InviteForm(forms.Form):
    alias = forms.CharField(
        label=_("The member's alias"),
        max_length=40,
        error_messages={"required": _("Please write the alias of the member to invite.")},
    )


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search the forums and groups"),
        max_length=200,
        error_messages={"required": _("Please write what you are looking for.")},
    )
