"""Markup kept per language and kind of page, with holes for the values of each page.

Template tags cost microseconds each, and the parts every page carries (the header, a pager)
differ from page to page only by a few yes-or-no facts and a few values. ``render_kept``
renders a template once for each language and combination of facts, with a hole where each
value goes, keeps it split at the holes, and fills the holes with the page's values, escaped
as the template would have escaped them.

The rules, enforced when a kind of page is first made: a fact is a boolean, a number or None
(each value of a fact is kept, so a fact may not be free text); a value may only be printed
(``{{ value }}``, also in ``{% blocktranslate with n=value %}``) or tested alone
(``{% if value %}``: a value that is empty or zero is passed as itself, any other is true).
A filter on a hole, a comparison, an attribute of it or a tag that takes it as an argument
(``{% url %}``, ``{% for %}``, a plural's counter) would act on the placeholder, so
``render_kept`` refuses the template with ``KeptTemplateError``.
"""

from typing import Any

from django.template import Node, NodeList
from django.template.base import FilterExpression, TextNode, Variable, VariableNode
from django.template.defaulttags import CsrfTokenNode, IfNode
from django.template.loader import get_template, render_to_string
from django.template.loader_tags import IncludeNode
from django.templatetags.i18n import BlockTranslateNode
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

from ligesind.core.per_language import language_key
from ligesind.core.remembered import Memory

HOLE = "\x1f"  # a control character no rendered text has

_made: Memory[tuple[object, ...], tuple[str, ...]] = Memory(4096)
_checked: Memory[tuple[str, frozenset[str]], bool] = Memory(1024)
FACT_TYPES = (bool, int, float, type(None))


class KeptTemplateError(TypeError):
    """A fact that is not a boolean, number or None, or a template that does more with a
    hole than print it or test it alone."""


def render_kept(template: str, facts: dict[str, Any], values: dict[str, Any]) -> SafeString:
    """``template`` with ``facts`` (hashable) and ``values``; a value that is empty or zero
    is passed as itself (and is part of the key), any other becomes a hole."""
    key = (
        *language_key(),
        template,
        *facts.items(),
        *((name, value) for name, value in values.items() if not value),
    )
    try:
        pieces = _made.get(key)
    except TypeError:  # an unhashable fact: _check says which
        pieces = None
    if pieces is None:
        _check(template, facts, frozenset(name for name, value in values.items() if value))
        holes = {name: f"{HOLE}{name}{HOLE}" if value else value for name, value in values.items()}
        pieces = tuple(render_to_string(template, {**facts, **holes}).split(HOLE))
        _made[key] = pieces
    filled = [pieces[0]]
    for i in range(1, len(pieces), 2):
        filled += (conditional_escape(values[pieces[i]]), pieces[i + 1])
    return mark_safe("".join(filled))  # noqa: S308 - kept markup, the values escaped here


def _check(template: str, facts: dict[str, Any], holes: frozenset[str]) -> None:
    for name, fact in facts.items():
        if not isinstance(fact, FACT_TYPES):
            raise KeptTemplateError(f"{template}: the fact {name!r} is {type(fact).__name__}")
    if (template, holes) in _checked:
        return
    for node in _nodes(get_template(template).template.nodelist):  # type: ignore[attr-defined]
        problem = _misuse(node, holes)
        if problem:
            line = node.token.lineno if node.token else "?"
            raise KeptTemplateError(f"{template}: {problem} (line {line})")
    _checked[(template, holes)] = True


def _nodes(nodelist: NodeList) -> list[Node]:
    """Every node, also inside blocks and templates included by a constant name."""
    found = []
    for node in nodelist.get_nodes_by_type(Node):
        found.append(node)
        if isinstance(node, IncludeNode) and isinstance(node.template.var, str):
            found += _nodes(get_template(node.template.var).template.nodelist)  # type: ignore[attr-defined]
    return found


def _hole_in(expression: FilterExpression | None, holes: frozenset[str]) -> bool:
    variable = getattr(expression, "var", None)
    return isinstance(variable, Variable) and (variable.lookups or ("",))[0] in holes


def _acts_on_hole(expression: Any, holes: frozenset[str]) -> bool:
    """A hole with a filter or an attribute: ``{{ value|upper }}``, ``{{ value.name }}``."""
    return _hole_in(expression, holes) and bool(
        expression.filters or len(expression.var.lookups) > 1
    )


def _misuse(node: Node, holes: frozenset[str]) -> str:
    if isinstance(node, TextNode | CsrfTokenNode) or not holes:
        return ""
    if isinstance(node, VariableNode):
        return "a filter or an attribute on a hole" * _acts_on_hole(node.filter_expression, holes)
    if isinstance(node, IfNode):
        for condition, _nodelist in node.conditions_nodelists:
            alone = getattr(condition, "value", None)
            if alone is not None:  # {% if value %}
                if _acts_on_hole(alone, holes):
                    return "a filter or an attribute on a hole in {% if %}"
            elif condition is not None and _operands_hold(condition, holes):
                return "a comparison with a hole, or a filter on one, in {% if %}"
        return ""
    if isinstance(node, BlockTranslateNode):
        if _hole_in(node.counter, holes):
            return "a hole as the counter of a plural"
        for expression in node.extra_context.values():
            if _hole_in(expression, holes) and (
                expression.filters or len(expression.var.lookups) > 1
            ):
                return "a filter or an attribute on a hole in {% blocktranslate %}"
        return ""
    contents = node.token.contents if node.token else ""
    words = contents.replace("=", " ").replace("|", " ").split()
    if {word.split(".")[0] for word in words[1:]} & holes:
        return f"a hole as an argument of {{% {words[0]} %}}"
    return ""


def _operands_hold(condition: Any, holes: frozenset[str]) -> bool:
    """Whether a condition compares a hole (``==``, ``<``, ``in``, ``is`` …) or acts on one;
    ``and``, ``or`` and ``not`` only combine truth, which a hole keeps."""
    combines = getattr(condition, "id", "") in ("and", "or", "not")
    for part in (getattr(condition, "first", None), getattr(condition, "second", None)):
        if part is None:
            continue
        value = getattr(part, "value", None)
        if value is not None:  # a literal or a variable
            if _acts_on_hole(value, holes) or (not combines and _hole_in(value, holes)):
                return True
        elif _operands_hold(part, holes):
            return True
    return False
