"""core.fast.kept refuses what would silently act on a placeholder: a fact that is not a
boolean, number or None, and a template that filters, compares or passes on a hole."""

import pytest

from ligesind.core.fast.kept import KeptTemplateError, render_kept
from ligesind.core.remembered import forget_all


@pytest.fixture
def template_dir(tmp_path, settings):
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0].get("DIRS", [])]}
    ]
    forget_all()
    return tmp_path


def kept_page(template_dir, text: str, facts=None, values=None) -> str:
    (template_dir / "page.html").write_text("{% load i18n %}" + text)
    return render_kept("page.html", facts or {}, values or {})


@pytest.mark.parametrize(
    "text",
    [
        "{{ name }} {% if name %}ja{% endif %} {% if shown and name or not name %}x{% endif %}",
        "{% blocktranslate with who=name %}Hej {{ who }}{% endblocktranslate %}",
        "{% if shown %}{{ name }}{% endif %}{% include 'part.html' %}",
    ],
)
def test_printing_a_hole_and_testing_it_alone_are_allowed(template_dir, text):
    (template_dir / "part.html").write_text("<b>{{ name }}</b>")
    page = kept_page(template_dir, text, {"shown": True}, {"name": "<Ida>"})
    assert "&lt;Ida&gt;" in page and "<Ida>" not in page


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("{{ name|upper }}", "a filter or an attribute on a hole"),
        ("{{ name.first }}", "a filter or an attribute on a hole"),
        ("{% if name == 'Ida' %}x{% endif %}", "a comparison with a hole"),
        ("{% if shown and name|length > 2 %}x{% endif %}", "a comparison with a hole"),
        ("{% for letter in name %}{{ letter }}{% endfor %}", "an argument of {% for %}"),
        ("{% url 'community:thread' name %}", "an argument of {% url %}"),
        (
            "{% blocktranslate count n=name %}one{% plural %}many{% endblocktranslate %}",
            "the counter of a plural",
        ),
        ("{% include 'bad.html' %}", "a filter or an attribute on a hole"),
    ],
)
def test_acting_on_a_hole_is_refused(template_dir, text, problem):
    (template_dir / "bad.html").write_text("{{ name|lower }}")
    with pytest.raises(KeptTemplateError, match=problem):
        kept_page(template_dir, text, {"shown": True}, {"name": "Ida"})


def test_an_empty_value_is_no_hole_so_the_same_template_may_test_it(template_dir):
    assert (
        kept_page(template_dir, "{% if name %}{{ name }}{% else %}-{% endif %}", {}, {"name": ""})
        == "-"
    )


@pytest.mark.parametrize("fact", ["Odense", ["a"], {"a": 1}])
def test_a_fact_must_be_a_boolean_a_number_or_none(template_dir, fact):
    with pytest.raises(KeptTemplateError, match="the fact 'kind'"):
        kept_page(template_dir, "{{ kind }}", {"kind": fact})
