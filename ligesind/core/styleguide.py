"""The living style guide (/styleguide/): every component of the design system, rendered by the
same templates, tags and CSS as the real pages, in the visitor's language. It reads nothing
from the database, so it is the same for everyone."""

from django import forms
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from .helplines import is_open

# The icons the site uses, with what each stands for (core.look.icon_html).
ICONS = [
    ("lifebuoy", _("Help now")),
    ("users", _("Find peers")),
    ("calendar-days", _("Activities")),
    ("chat-bubble-left-right", _("Forums")),
    ("home", _("My page")),
    ("envelope", _("Messages")),
    ("bell", _("Notifications")),
    ("user-circle", _("Account")),
    ("chart-bar", _("Your overview")),
    ("hand-raised", _("PeerMatch")),
    ("heart", _("Become a volunteer")),
    ("phone", _("Call")),
    ("information-circle", _("Good to know")),
    ("check-circle", _("Done")),
    ("exclamation-triangle", _("Take care")),
]

# Colour tokens in site.css, with the contrast of text on the page's background where it is text.
COLOURS = [
    ("sw-primary", "--primary", "#2c5a4e", _("Buttons, the logo, headings of cards")),
    ("sw-link", "--link", "#1d5487", _("Links (7.5:1)")),
    ("sw-text", "--text", "#1f2328", _("Text (15:1)")),
    ("sw-muted", "--muted", "#4a5058", _("Help text (7.8:1)")),
    ("sw-danger", "--danger", "#a4262c", _("Errors and the crisis link (7:1)")),
    ("sw-focus", "--focus", "#b34700", _("The focus ring")),
    ("sw-bg", "--bg", "#fbfaf7", _("The page")),
    ("sw-surface", "--surface", "#ffffff", _("Cards and forms")),
    ("sw-sand", "--sand", "#f6efe3", _("Bands that set something apart")),
    ("sw-soft", "--soft", "#e6f2ec", _("Done, and a quiet button's hover")),
]

PEOPLE = ["Skovhjerte", "Havfugl", "Anna Lise", "Solsikke", "Bølgen", "Kim B"]


class SampleForm(forms.Form):
    """A form shown as a visitor meets it after sending it with mistakes."""

    alias = forms.CharField(
        label=_("Alias"),
        max_length=40,
        help_text=_("The name other members see. Not your real name."),
    )
    email = forms.EmailField(label=_("E-mail"))
    meeting = forms.ChoiceField(
        label=_("How would you like to meet?"),
        choices=[
            ("online", _("Online")),
            ("in_person", _("In person")),
            ("both", _("Both")),
        ],
        widget=forms.RadioSelect,
    )
    municipality = forms.ChoiceField(
        label=_("Municipality"),
        choices=[("", _("Choose a municipality")), ("odense", "Odense"), ("aarhus", "Aarhus")],
        required=False,
    )
    about = forms.CharField(
        label=_("A few words about you"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    rules = forms.BooleanField(label=_("I have read the community rules."))


def styleguide(request: HttpRequest) -> HttpResponse:
    form = SampleForm(
        data={
            "sample-alias": "",
            "sample-email": "ikke-en-adresse",
            "sample-municipality": "odense",
            "sample-about": "Jeg kan godt lide at gå ture.",
        },
        prefix="sample",
    )
    form.is_valid()
    hours = settings.LIVSLINIEN_HOURS
    return render(
        request,
        "core/styleguide.html",
        {
            "form": form,
            "icons": ICONS,
            "colours": COLOURS,
            "people": PEOPLE,
            "livslinien_hours": hours,
            "livslinien_open": is_open(hours),
            "rows": [
                (_("January"), 12, 31),
                (_("February"), 15, 38),
                (_("March"), 11, 27),
            ],
        },
    )
