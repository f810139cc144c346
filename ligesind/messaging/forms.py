from django import forms
from django.utils.translation import gettext_lazy as _

from .models import RequestPolicy
from .services import MAX_LENGTH


class MessageForm(forms.Form):
    body = forms.CharField(
        label=_("Your message"),
        max_length=MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("You can use *italic*, **bold**, lists and links."),
        error_messages={"required": _("Write something before you send.")},
    )
    client_key = forms.CharField(required=False, max_length=64, widget=forms.HiddenInput)


class RequestPolicyForm(forms.Form):
    requests_from = forms.ChoiceField(
        label=_("Who may send me a message request"),
        choices=RequestPolicy.choices,
        widget=forms.RadioSelect,
    )
