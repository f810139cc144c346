"""Export and erasure of a member's data, written once for every app.

Each app registers what it holds about a user:

    register_export("profile", label=_("Profile"), models=["accounts.Profile"], collect=fn)
    register_erasure(fn)  # for data that must be anonymised instead of deleted by cascade

A test fails when a model linked to a user is neither exported nor on ``EXPORT_EXCLUDED``.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

DELETED_MEMBER = _("deleted member")

# Models linked to a user that are deliberately not in the export, each with the reason.
EXPORT_EXCLUDED: dict[str, str] = {
    "admin.LogEntry": "Django admin's record of what staff changed; not data about the member.",
    "account.EmailConfirmation": "Short-lived e-mail verification keys; the address is exported.",
    "mfa.Authenticator": "Two-factor secrets must never leave the server; its type and date are "
    "exported under 'account'.",
    **dict.fromkeys(
        (
            "wagtailadmin.EditingSession",
            "wagtailadmin.FormState",
            "wagtailcore.Comment",
            "wagtailcore.CommentReply",
            "wagtailcore.ModelLogEntry",
            "wagtailcore.PageLogEntry",
            "wagtailcore.PageSubscription",
            "wagtailcore.TaskState",
            "wagtailcore.UploadedFile",
            "wagtailcore.WorkflowState",
            "wagtailusers.UserProfile",
        ),
        "The page editor's (Wagtail's) own record of staff work on the public pages; "
        "what a staff member wrote and uploaded is exported under 'pages'.",
    ),
}


@dataclass(frozen=True)
class ExportSection:
    key: str
    label: str | Promise
    models: tuple[str, ...]
    collect: Callable[[Any], Any]


_sections: dict[str, ExportSection] = {}
_labels: dict[str, str | Promise] = {}
_erasers: list[Callable[[Any], None]] = []


def register_export(
    key: str, *, label: str | Promise, models: list[str], collect: Callable[[Any], Any]
) -> None:
    _sections[key] = ExportSection(key, label, tuple(models), collect)


def register_labels(labels: dict[str, str | Promise]) -> None:
    """Readable, translated names for the keys an app's export uses."""
    _labels.update(labels)


def label_for(key: str) -> str:
    return str(_labels.get(key) or key.replace("_", " ").capitalize())


def register_erasure(eraser: Callable[[Any], None]) -> None:
    """``eraser(user)`` runs before the account is deleted, inside the same transaction."""
    if eraser not in _erasers:
        _erasers.append(eraser)


def export_sections() -> list[ExportSection]:
    return list(_sections.values())


def exported_models() -> set[str]:
    return {label for section in _sections.values() for label in section.models}


def collect_export(user: AbstractBaseUser) -> dict[str, Any]:
    return {section.key: section.collect(user) for section in _sections.values()}


def run_erasers(user: AbstractBaseUser) -> None:
    for eraser in _erasers:
        eraser(user)


def alias_of(user: AbstractBaseUser | None) -> str:
    """The member's alias, or "" when there is no account or no alias yet."""
    return getattr(getattr(user, "profile", None), "alias", "") if user else ""


def display_alias(user: AbstractBaseUser | None) -> str:
    """What to show as the author of something whose author has left."""
    return shown_alias(alias_of(user))


def shown_alias(alias: str | None) -> str:
    """``display_alias`` for an alias loaded as a column (None: no account or no profile)."""
    return alias or str(DELETED_MEMBER)
