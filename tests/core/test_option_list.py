from django.template import Context, Template

from ligesind.core.forms import OptionList


def test_options_are_escaped_and_one_is_selected():
    choices = OptionList([(1, "Anna"), (12, "<b>Bo</b>"), (2, "Cille")])
    page = Template("{% load ligesind %}{% options choices 12 %}|{% options choices %}").render(
        Context({"choices": choices})
    )
    chosen, plain = page.split("|")
    assert chosen == (
        '<option value="1">Anna</option>'
        '<option value="12" selected>&lt;b&gt;Bo&lt;/b&gt;</option>'
        '<option value="2">Cille</option>'
    )
    assert plain == chosen.replace(" selected", "")
    assert choices.selected(99) == plain  # a value no longer offered selects nothing
