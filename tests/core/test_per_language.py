"""core.per_language and the ``{% per_language %}`` block: made once per language, never
holding anything about the visitor."""

from django.template import Context, Template
from django.utils import translation

from ligesind.core.per_language import per_language


def test_a_value_is_made_once_per_language():
    calls = []

    @per_language
    def word() -> str:
        calls.append(1)
        return translation.gettext("Forums")

    with translation.override("da"):
        assert word() == word() == "Fora"
    with translation.override("en"):
        assert word() == "Forums"
    assert len(calls) == 2


def test_the_block_is_rendered_once_per_language_and_sees_no_variables():
    page = Template(
        "{% load i18n ligesind %}{% per_language %}{% translate 'Forums' %}"
        "[{{ secret }}]{% url 'crisis' %}{% endper_language %}"
    )
    with translation.override("da"):
        first = page.render(Context({"secret": "Anna's alias"}))
        assert first == page.render(Context({"secret": "Bo's alias"}))
    with translation.override("en"):
        english = page.render(Context({"secret": "x"}))
    assert first == "Fora[]/help-now/"
    assert english == "Forums[]/en/help-now/"


def test_the_block_sees_nothing_from_the_context_processors(rf):
    from django.contrib.auth.models import AnonymousUser
    from django.template import RequestContext

    request = rf.get("/")
    request.user = AnonymousUser()
    page = Template(
        "{% load ligesind %}({{ user }}){% per_language %}[{{ user }}]{% endper_language %}"
    )
    with translation.override("da"):
        assert page.render(RequestContext(request)) == "(AnonymousUser)[]"
