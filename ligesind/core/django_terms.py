"""Django's own messages whose Danish we word ourselves ("Denne værdi må højst have …" is a
machine speaking). Marking them here puts them in our catalogue, consulted before Django's."""

from django.utils.translation import ngettext_lazy

DJANGO_TERMS = [
    ngettext_lazy(
        "Ensure this value has at most %(limit_value)d character (it has %(show_value)d).",
        "Ensure this value has at most %(limit_value)d characters (it has %(show_value)d).",
        "limit_value",
    ),
]
