"""Questionnaires the researchers define as data, beside the built-in WHO-5.

An instrument is a list of items. The team writes one item per line:

    key | kind | question | options | flags

- kind: ``likert``, ``single``, ``multiple``, ``number`` or ``text``
- options (likert, single, multiple): ``1=Slet ikke; 2=Lidt; 3=Meget``
- flags, separated by spaces: ``required``, ``reverse`` (a likert item scored the other way),
  ``min=0``, ``max=24`` (numbers), ``if=key:1,2`` (asked only when that earlier item was
  answered with one of these values: skip logic)

A likert instrument's score is the sum of its likert items, reverse-scored items counted from
the other end; no score when a likert item was skipped. Free text goes through crisis
detection like every other text on the site.
"""

import re
from typing import Any

from django.utils.translation import gettext as _

from ligesind.core.errors import DomainError

KINDS = ("likert", "single", "multiple", "number", "text")
KEY = re.compile(r"^[a-z][a-z0-9_]{0,39}$")

Item = dict[str, Any]


def _line_error(number: int, message: str) -> DomainError:
    return DomainError(_("Line %(n)s: %(message)s") % {"n": number, "message": message})


def parse_items(text: str) -> list[Item]:
    """The team's lines as items; a clear error names the first line that is wrong."""
    items: list[Item] = []
    keys: set[str] = set()
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        parts = [part.strip() for part in line.split("|")]
        if len(parts) < 3:
            raise _line_error(number, _("write at least: key | kind | question"))
        parts += [""] * (5 - len(parts))
        key, kind, question, options_text, flags_text = parts[:5]
        if not KEY.match(key) or key in keys or key == "who5":
            raise _line_error(
                number, _("the key must be new, in small letters, digits and _ (e.g. sleep_1)")
            )
        if kind not in KINDS:
            raise _line_error(
                number, _("the kind must be likert, single, multiple, number or text")
            )
        if not question:
            raise _line_error(number, _("write the question"))
        item: Item = {"key": key, "kind": kind, "text": question, "required": False}
        if kind in ("likert", "single", "multiple"):
            options = []
            for option in filter(None, (o.strip() for o in options_text.split(";"))):
                value, _sep, label = option.partition("=")
                if not value.strip().lstrip("-").isdigit() or not label.strip():
                    raise _line_error(number, _("write the options as 1=Label; 2=Label"))
                options.append([int(value), label.strip()])
            if len(options) < 2:
                raise _line_error(number, _("give at least two options"))
            item["options"] = options
        for flag in flags_text.split():
            name, _sep, value = flag.partition("=")
            if name == "required":
                item["required"] = True
            elif name == "reverse" and kind == "likert":
                item["reverse"] = True
            elif name in ("min", "max") and kind == "number" and value.lstrip("-").isdigit():
                item[name] = int(value)
            elif name == "if" and ":" in value:
                other, _sep, values = value.partition(":")
                if other not in keys:
                    raise _line_error(number, _("'if' must name an earlier item"))
                try:
                    item["show_if"] = {"item": other, "values": [int(v) for v in values.split(",")]}
                except ValueError:
                    raise _line_error(number, _("write 'if' as if=key:1,2")) from None
            else:
                raise _line_error(number, _("unknown flag %(flag)s") % {"flag": flag})
        keys.add(key)
        items.append(item)
    if not items:
        raise DomainError(_("Write at least one question."))
    return items


def items_text(items: list[Item]) -> str:
    """The items as the lines the team writes (to edit them again)."""
    lines = []
    for item in items:
        options = "; ".join(f"{value}={label}" for value, label in item.get("options", []))
        flags = []
        if item.get("required"):
            flags.append("required")
        if item.get("reverse"):
            flags.append("reverse")
        for name in ("min", "max"):
            if name in item:
                flags.append(f"{name}={item[name]}")
        if "show_if" in item:
            values = ",".join(str(v) for v in item["show_if"]["values"])
            flags.append(f"if={item['show_if']['item']}:{values}")
        lines.append(
            " | ".join([item["key"], item["kind"], item["text"], options, " ".join(flags)])
        )
    return "\n".join(lines)


def asked(item: Item, answers: dict[str, Any]) -> bool:
    """Skip logic: an item with ``show_if`` is asked only after one of its values."""
    condition = item.get("show_if")
    if not condition:
        return True
    given = answers.get(condition["item"])
    given_values = given if isinstance(given, list) else [given]
    return any(value in condition["values"] for value in given_values)


def score(items: list[Item], answers: dict[str, Any]) -> int | None:
    """The sum of the likert items (reverse-scored ones from the other end), or None when a
    likert item has no answer or there are none."""
    total, counted = 0, 0
    for item in items:
        if item["kind"] != "likert" or not asked(item, answers):
            continue
        value = answers.get(item["key"])
        if not isinstance(value, int):
            return None
        values = [option[0] for option in item["options"]]
        total += (min(values) + max(values) - value) if item.get("reverse") else value
        counted += 1
    return total if counted else None
