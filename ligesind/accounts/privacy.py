"""What accounts holds about a member, registered for export and erasure."""

import base64
from typing import Any

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _

from ligesind.core.models import AccessLog, EmailMode
from ligesind.core.notifications import NotificationKind, register_kind
from ligesind.core.privacy import alias_of, register_erasure, register_export, register_labels

from .models import (
    Block,
    ConsentRecord,
    Language,
    Profile,
    RoleAssignment,
    User,
    Visibility,
    role_labels,
)
from .permissions import PROFILE_FIELDS


def _iso(value: Any) -> str | None:
    return value.isoformat() if value else None


def export_account(user: User) -> dict[str, Any]:
    return {
        "email": user.email,
        "email_addresses": [
            {"email": a.email, "verified": a.verified, "primary": a.primary}
            for a in EmailAddress.objects.filter(user=user)
        ],
        "joined": _iso(user.date_joined),
        "last_login": _iso(user.last_login),
        "confirmed_18_or_older_at": _iso(user.adult_confirmed_at),
        "two_factor": [
            {"type": a.type, "created": _iso(a.created_at)}
            for a in Authenticator.objects.filter(user=user)
        ],
    }


def export_profile(user: User) -> dict[str, Any]:
    profile = Profile.objects.filter(user=user).first()
    if profile is None:
        return {}
    avatar = None
    if profile.avatar.name:
        with profile.avatar.open("rb") as handle:
            avatar = "data:image/png;base64," + base64.b64encode(handle.read()).decode()
    return {
        "alias": profile.alias,
        "listed_in_directory": profile.listed_in_directory,
        "real_name": profile.real_name,
        "municipality": str(profile.municipality or ""),
        "lived_experience": [
            {"category": e.category.name, "perspective": e.get_perspective_display()}
            for e in profile.experiences.select_related("category")
        ],
        "story": profile.story,
        "interests": [i.name for i in profile.interests.all()],
        "languages": [str(Language(c).label) for c in profile.languages if c in Language],
        "contact_preference": profile.get_contact_preference_display(),
        "support": profile.get_support_role_display(),
        "works_as_peer": profile.works_as_peer,
        "peer_title": profile.peer_title,
        "picture": avatar,
        "visibility": {
            field: str(Visibility(getattr(profile, f"{field}_visibility")).label)
            for field in PROFILE_FIELDS
        },
        "updated": _iso(profile.updated_at),
    }


def export_roles(user: User) -> list[dict[str, Any]]:
    return [
        {
            "role": a.get_role_display(),
            "municipalities": [str(m) for m in a.municipalities.all()],
            "granted": _iso(a.granted_at),
        }
        for a in RoleAssignment.objects.filter(user=user).prefetch_related("municipalities")
    ]


def export_blocks(user: User) -> list[dict[str, Any]]:
    return [
        {
            "blocked": alias_of(b.blocked),
            "since": _iso(b.created_at),
        }
        for b in Block.objects.filter(blocker=user).select_related("blocked__profile")
    ]


def export_consents(user: User) -> list[dict[str, Any]]:
    return [
        {"version": c.version, "language": c.language, "given": _iso(c.given_at),
         "withdrawn": _iso(c.withdrawn_at)}
        for c in ConsentRecord.objects.filter(user=user)
    ]  # fmt: skip


def export_access_log(user: User) -> list[dict[str, Any]]:
    return [
        {"when": _iso(e.at), "who": e.actor_alias, "roles": role_labels(e.actor_roles),
         "what": e.what, "why": e.purpose}
        for e in AccessLog.objects.filter(subject_id=user.pk)
    ]  # fmt: skip


def export_tokens(user: User) -> list[dict[str, Any]]:
    return [
        {"name": t.name, "begins_with": t.prefix, "created": _iso(t.created_at),
         "last_used": _iso(t.last_used_at), "revoked": _iso(t.revoked_at)}
        for t in user.access_tokens.all()
    ]  # fmt: skip


def erase_account_traces(user: User) -> None:
    """Remove what a cascade would leave behind: the access log about the member and the
    Django admin's change records that name them."""
    AccessLog.objects.erase_subject(user.pk)
    for model in (User, Profile):
        LogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(model),
            object_id__in=[str(user.pk), *[str(p.pk) for p in Profile.objects.filter(user=user)]],
        ).delete()


def register_notification_kinds() -> None:
    register_kind(
        NotificationKind(
            "role_granted",
            _("A role was given to me"),
            _("You have been given the role %(role)s."),
            EmailMode.IMMEDIATE,
        )
    )
    register_kind(
        NotificationKind(
            "role_removed",
            _("A role was taken from me"),
            _("Your role %(role)s has ended."),
            EmailMode.IMMEDIATE,
        )
    )


def register() -> None:
    register_notification_kinds()
    register_export(
        "account",
        label=_("Account"),
        models=["accounts.User", "account.EmailAddress"],
        collect=export_account,
    )
    register_export(
        "profile",
        label=_("Profile"),
        models=["accounts.Profile", "accounts.ProfileExperience"],
        collect=export_profile,
    )
    register_export(
        "roles", label=_("Roles"), models=["accounts.RoleAssignment"], collect=export_roles
    )
    register_export(
        "blocks",
        label=_("Members I have blocked"),
        models=["accounts.Block"],
        collect=export_blocks,
    )
    register_export(
        "consents", label=_("Consents"), models=["accounts.ConsentRecord"], collect=export_consents
    )
    register_export(
        "access_log",
        label=_("Who has looked at my data"),
        models=["core.AccessLog"],
        collect=export_access_log,
    )
    register_export(
        "tokens", label=_("My API tokens"), models=["accounts.AccessToken"], collect=export_tokens
    )
    register_erasure(erase_account_traces)
    register_labels(
        {
            "email": _("E-mail address"),
            "email_addresses": _("E-mail addresses"),
            "verified": _("Verified"),
            "primary": _("Primary"),
            "joined": _("Joined"),
            "last_login": _("Last login"),
            "confirmed_18_or_older_at": _("Confirmed 18 or older"),
            "two_factor": _("Two-factor login"),
            "type": _("Type"),
            "created": _("Created"),
            "alias": _("Alias"),
            "listed_in_directory": _("Show me in the member directory"),
            "real_name": _("Real name"),
            "municipality": _("Municipality"),
            "lived_experience": _("Lived experience"),
            "experiences": _("Lived experience"),
            "category": _("Category"),
            "perspective": _("Perspective"),
            "story": _("My story"),
            "interests": _("Interests"),
            "languages": _("Languages"),
            "contact_preference": _("How I like to meet"),
            "support": _("Support"),
            "support_role": _("Support"),
            "works_as_peer": _("I work with my lived experience"),
            "peer_title": _("My title as a working peer"),
            "picture": _("Picture"),
            "avatar": _("Picture"),
            "visibility": _("Who may see what"),
            "updated": _("Updated"),
            "role": _("Role"),
            "municipalities": _("Municipalities"),
            "granted": _("Granted"),
            "blocked": _("Blocked member"),
            "since": _("Since"),
            "version": _("Text version"),
            "language": _("Language"),
            "given": _("Given"),
            "withdrawn": _("Withdrawn"),
            "when": _("When"),
            "who": _("Who"),
            "roles": _("Roles"),
            "what": _("What"),
            "why": _("Why"),
            "notifications": _("Notifications"),
            "notification_email": _("E-mails about notifications"),
            "text": _("Text"),
            "read": _("Read"),
            "tokens": _("My API tokens"),
            "name": _("Name"),
            "begins_with": _("Begins with"),
            "last_used": _("Last used"),
            "revoked": _("Revoked"),
        }
    )
