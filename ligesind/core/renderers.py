"""The form renderer: Django's own widget, field and error templates (``django/forms/…``) are
rendered with the Jinja2 copies Django ships beside them, everything else (Wagtail's widgets,
any template of ours) with the Django template engine as before.

A select with a hundred options renders each option through a template: with Django's
template engine that made a page with a municipality list or a few checkbox groups spend more
time on its form than on everything else. Both engines and ``BaseRenderer.get_template`` are
Django's public API (``django.forms.renderers``); the Jinja2 copies are Django's, so the HTML
is the same (``tests/core/test_renderers.py`` compares them).
"""

from typing import Any

from django.forms.renderers import BaseRenderer, DjangoTemplates, Jinja2


class FormRenderer(BaseRenderer):
    def __init__(self) -> None:
        self.jinja2 = Jinja2()
        self.django = DjangoTemplates()

    def get_template(self, template_name: str) -> Any:
        if template_name.startswith("django/forms/"):
            return self.jinja2.get_template(template_name)
        return self.django.get_template(template_name)
