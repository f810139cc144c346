"""Django's own form templates are rendered with their Jinja2 copies (faster); the HTML must
be what the Django template engine makes, and other templates (Wagtail's) still work."""

import re

from django import forms
from django.forms.renderers import DjangoTemplates

from ligesind.core.forms import DateInput, TimeInput
from ligesind.core.renderers import FormRenderer


class Everything(forms.Form):
    name = forms.CharField(label="Navn", help_text="Dit <b>alias</b>", max_length=10)
    story = forms.CharField(widget=forms.Textarea, required=False)
    place = forms.ChoiceField(choices=[("", "–"), ("1", "Odense"), ("2", "Århus & omegn")])
    topics = forms.MultipleChoiceField(
        choices=[("a", "Gåture"), ("b", "Kaffe")], widget=forms.CheckboxSelectMultiple
    )
    mode = forms.ChoiceField(choices=[("x", "Ja"), ("y", "Nej")], widget=forms.RadioSelect)
    agree = forms.BooleanField()
    day = forms.DateField(widget=DateInput)
    at = forms.TimeField(widget=TimeInput)
    picture = forms.ImageField(required=False)
    secret = forms.CharField(widget=forms.PasswordInput)
    hidden = forms.CharField(widget=forms.HiddenInput, initial="<&>")


def squeeze(html: object) -> str:
    return re.sub(r">\s+<", "><", re.sub(r"\s+", " ", str(html))).strip()


def test_our_renderer_makes_the_same_html_as_djangos_template_engine():
    data = {"name": "<script>", "place": "2", "topics": ["b"], "mode": "y", "day": "x"}
    for bound in (Everything(), Everything(data)):
        ours = Everything(bound.data or None, renderer=FormRenderer())
        theirs = Everything(bound.data or None, renderer=DjangoTemplates())
        assert squeeze(ours.as_div()) == squeeze(theirs.as_div())
        for name in ours.fields:
            assert squeeze(ours[name]) == squeeze(theirs[name]), name
        assert squeeze(ours.errors) == squeeze(theirs.errors)
    assert "&lt;script&gt;" in ours.as_div() and "<script>" not in ours.as_div()


def test_other_templates_use_djangos_engine():
    renderer = FormRenderer()
    template = renderer.get_template("wagtailadmin/shared/field.html")
    assert type(template).__module__.startswith("django.template.backends.django")
    assert type(renderer.get_template("django/forms/widgets/select.html")).__module__.startswith(
        "django.template.backends.jinja2"
    )
