"""Aliases that cannot pass for someone else's.

An alias is normalised (Unicode NFKC: full-width and compatibility forms become plain letters,
runs of spaces one space) and refused when it holds characters that are invisible or change how
text around them is shown (control and format characters such as U+202E RIGHT-TO-LEFT OVERRIDE,
U+200B ZERO WIDTH SPACE and U+FEFF), or when it mixes Latin with Greek or Cyrillic letters,
whose lookalikes ("а" and "a") let one member look like another.
"""

import re
import unicodedata

from django.utils.translation import gettext as _

from ligesind.core.errors import DomainError

# Unicode categories never allowed: control, format (bidi and zero-width), surrogate, private
# use, unassigned, and line and paragraph separators.
REFUSED_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}
LOOKALIKE_SCRIPTS = ("LATIN", "GREEK", "CYRILLIC")
SPACES = re.compile(r"\s+")


def clean_alias(text: str) -> str:
    """The alias as it is saved and compared, or a DomainError saying what to change."""
    if any(unicodedata.category(char) in REFUSED_CATEGORIES for char in text):
        raise DomainError(
            _("Your alias can only hold visible letters, numbers and signs. Write it again.")
        )
    alias = SPACES.sub(" ", unicodedata.normalize("NFKC", text)).strip()
    scripts = {_script(char) for char in alias if char.isalpha()} - {""}
    if len(scripts) > 1:
        raise DomainError(
            _("Use one alphabet in your alias, so no one can mistake it for another member's.")
        )
    return alias


def _script(char: str) -> str:
    name = unicodedata.name(char, "")
    return next((script for script in LOOKALIKE_SCRIPTS if name.startswith(script)), "")
