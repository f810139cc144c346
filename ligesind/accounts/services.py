"""Business operations on accounts, profiles, roles, blocks and consent."""

import hashlib
import secrets
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from ligesind.core.errors import DomainError, NotAllowed
from ligesind.core.memo import forget
from ligesind.core.models import Municipality
from ligesind.core.notifications import source_text
from ligesind.core.privacy import run_erasers
from ligesind.core.services import notify
from ligesind.core.text_hooks import text_accepted

from . import permissions
from .aliases import clean_alias
from .avatars import clean_avatar
from .consent import CONSENT_TEXTS
from .events import role_changed
from .models import (
    AccessToken,
    Block,
    ConsentRecord,
    ExperienceCategory,
    Interest,
    Profile,
    ProfileExperience,
    Role,
    RoleAssignment,
    User,
    Visibility,
)


@dataclass(frozen=True)
class ProfileData:
    """Everything a member can say about themselves on the profile form."""

    alias: str
    listed_in_directory: bool = True
    real_name: str = ""
    real_name_visibility: int = Visibility.ONLY_ME
    municipality: Municipality | None = None
    municipality_visibility: int = Visibility.COORDINATORS
    experiences: Mapping[int, str] = field(default_factory=dict)  # category id -> perspective
    experiences_visibility: int = Visibility.COORDINATORS
    story: str = ""
    story_visibility: int = Visibility.ONLY_ME
    interests: tuple[Interest, ...] = ()
    interests_visibility: int = Visibility.CONTACTS
    languages: tuple[str, ...] = ()
    languages_visibility: int = Visibility.CONTACTS
    contact_preference: str = "online"
    contact_preference_visibility: int = Visibility.CONTACTS
    support_role: str = "seeks"
    support_role_visibility: int = Visibility.CONTACTS
    works_as_peer: bool = False
    peer_title: str = ""
    peer_title_visibility: int = Visibility.CONTACTS
    avatar_visibility: int = Visibility.CONTACTS


COPIED_FIELDS = (
    "listed_in_directory",
    "real_name",
    "real_name_visibility",
    "municipality",
    "municipality_visibility",
    "experiences_visibility",
    "story",
    "story_visibility",
    "interests_visibility",
    "languages_visibility",
    "contact_preference",
    "contact_preference_visibility",
    "support_role",
    "support_role_visibility",
    "works_as_peer",
    "peer_title",
    "peer_title_visibility",
    "avatar_visibility",
)


def ensure_profile(user: User) -> Profile:
    """The user's profile (created on first use), the same instance as ``user.profile``."""
    try:
        return user.profile
    except Profile.DoesNotExist:
        return Profile.objects.create(user=user)


def end_other_sessions(*, actor: User) -> None:
    """End every session of this account: the hash sessions carry changes with the epoch.
    A view keeps the request's own session with ``update_session_auth_hash``."""
    User.objects.filter(pk=actor.pk).update(session_epoch=F("session_epoch") + 1)
    actor.refresh_from_db(fields=["session_epoch"])


@transaction.atomic
def register_member(
    *, user: User, adult_confirmed: bool, consent_version: str, language: str
) -> ConsentRecord:
    """Complete a sign-up: the 18+ confirmation and the health-data consent are both required."""
    if not adult_confirmed:
        raise DomainError(_("You must be 18 or older to join."))
    user.adult_confirmed_at = timezone.now()
    user.save(update_fields=["adult_confirmed_at"])
    ensure_profile(user)
    return give_health_consent(actor=user, version=consent_version, language=language)


@transaction.atomic
def give_health_consent(*, actor: User, version: str, language: str) -> ConsentRecord:
    if version not in CONSENT_TEXTS:
        raise DomainError(_("That consent text is no longer current. Please read it again."))
    record, _created = ConsentRecord.objects.get_or_create(
        user=actor,
        version=version,
        withdrawn_at__isnull=True,
        defaults={"language": language[:5]},
    )
    forget(actor, "_ligesind_consent")
    return record


@transaction.atomic
def withdraw_health_consent(*, actor: User) -> None:
    """Withdrawing consent to health data means we can no longer hold the account: delete it."""
    ConsentRecord.objects.filter(user=actor, withdrawn_at__isnull=True).update(
        withdrawn_at=timezone.now()
    )
    delete_account(actor=actor)


@transaction.atomic
def delete_account(*, actor: User) -> None:
    """Erase the member: every app's erasers run (authors become "deleted member"), then the
    account and everything that cascades from it (profile, story, e-mail addresses) go."""
    run_erasers(actor)
    profile = Profile.objects.filter(user=actor).first()
    if profile and profile.avatar.name:
        name, storage = profile.avatar.name, profile.avatar.storage
        transaction.on_commit(lambda: storage.delete(name))
    actor.delete()


ProfileListener = Callable[[User], None]
_profile_listeners: list[ProfileListener] = []


def register_profile_listener(listener: ProfileListener) -> None:
    """Later apps that keep a summary of the profile (matching) hear about every change."""
    if listener not in _profile_listeners:
        _profile_listeners.append(listener)


@transaction.atomic
def update_profile(*, actor: User, data: ProfileData) -> Profile:
    profile = ensure_profile(actor)
    alias = clean_alias(data.alias)
    if not alias:
        raise DomainError(_("Please choose an alias."))
    if Profile.objects.filter(alias__iexact=alias).exclude(pk=profile.pk).exists():
        raise DomainError(_("That alias is taken. Please choose another."))
    if data.real_name_visibility > Visibility.COORDINATORS:
        raise DomainError(_("Your real name is never shown to other members."))
    story_before = profile.story
    for name in COPIED_FIELDS:
        setattr(profile, name, getattr(data, name))
    profile.alias = alias
    profile.languages = list(data.languages)
    try:
        with transaction.atomic():
            profile.save()
    except IntegrityError as error:
        raise DomainError(_("That alias is taken. Please choose another.")) from error
    profile.interests.set(data.interests)
    _set_experiences(profile, data.experiences)
    for listener in _profile_listeners:
        listener(actor)
    if profile.story and profile.story != story_before:
        text_accepted(author=actor, text=profile.story, where="profile")
    return profile


def _set_experiences(profile: Profile, experiences: Mapping[int, str]) -> None:
    valid = set(ExperienceCategory.objects.filter(pk__in=experiences).values_list("pk", flat=True))
    profile.experiences.exclude(category_id__in=valid).delete()
    for category_id in valid:
        ProfileExperience.objects.update_or_create(
            profile=profile,
            category_id=category_id,
            defaults={"perspective": experiences[category_id]},
        )


@transaction.atomic
def set_avatar(*, actor: User, upload: UploadedFile) -> Profile:
    profile = ensure_profile(actor)
    content = clean_avatar(upload)
    old = profile.avatar.name if profile.avatar else ""
    profile.avatar.save("avatar.png", content, save=True)
    if old:
        storage = profile.avatar.storage
        transaction.on_commit(lambda: storage.delete(old))
    return profile


@transaction.atomic
def remove_avatar(*, actor: User) -> Profile:
    profile = ensure_profile(actor)
    if profile.avatar.name:
        name, storage = profile.avatar.name, profile.avatar.storage
        profile.avatar = ""
        profile.save(update_fields=["avatar", "updated_at"])
        transaction.on_commit(lambda: storage.delete(name))
    return profile


@transaction.atomic
def block_user(*, actor: User, target: User) -> Block:
    if not permissions.can_block(actor, target):
        raise NotAllowed(_("You cannot block this member."))
    block, _created = Block.objects.get_or_create(blocker=actor, blocked=target)
    _forget_blocks(actor, target)
    return block


def _forget_blocks(*people: User) -> None:
    """Pages may keep a member's blocks for one request on the user object (the forums do)."""
    for person in people:
        forget(person, "_ligesind_blocked")


@transaction.atomic
def unblock_user(*, actor: User, target: User) -> None:
    Block.objects.filter(blocker=actor, blocked=target).delete()
    _forget_blocks(actor, target)


@transaction.atomic
def grant_role(
    *,
    actor: User,
    user: User,
    role: Role,
    municipalities: Iterable[Municipality] = (),
    organisations: Iterable[Any] = (),
) -> RoleAssignment:
    """Give ``user`` a role. Every role needs two-factor login on the account first."""
    if not permissions.can_manage_roles(actor):
        raise NotAllowed(_("Only administrators can grant roles."))
    if not permissions.has_two_factor(user):
        raise DomainError(
            _(
                "%(email)s has not turned on two-factor login. Roles can only be given to "
                "accounts that use two-factor login; ask them to turn it on under Security."
            )
            % {"email": user.email}
        )
    places = list(municipalities)
    if role == Role.COORDINATOR and not places:
        raise DomainError(_("A coordinator needs at least one municipality."))
    assignment, created = RoleAssignment.objects.get_or_create(
        user=user, role=role, defaults={"granted_by": actor}
    )
    assignment.municipalities.set(places)
    assignment.organisations.set(list(organisations))
    if role == Role.ADMIN:
        User.objects.filter(pk=user.pk).update(is_staff=True, is_superuser=True)
    _role_given(user, role, created)
    return assignment


def _role_given(user: User, role: Role, created: bool) -> None:
    """After a role is granted or widened: tell a new holder, forget what the request
    remembered, and let other apps follow (volunteers' groups, news editors)."""
    if created:
        notify(user, "role_granted", params={"role": source_text(Role(role).label)})
    forget(user, "_ligesind_roles", permissions.ROLE_SCOPES, "_ligesind_forum_moderator")
    role_changed.send(sender=RoleAssignment, user=user)


@transaction.atomic
def extend_role(
    *,
    granted_by: User,
    user: User,
    role: Role,
    municipality: Municipality,
    organisation: Any,
) -> RoleAssignment:
    """Add a municipality and an organisation to someone's role (made if they lack it), as a
    coordinator's approval of a volunteer does. The caller checks that ``granted_by`` may;
    like every role, it needs two-factor login on the account first."""
    if not permissions.has_two_factor(user):
        raise DomainError(_("Roles can only be given to accounts that use two-factor login."))
    assignment, created = RoleAssignment.objects.get_or_create(
        user=user, role=role, defaults={"granted_by": granted_by}
    )
    assignment.municipalities.add(municipality)
    if created or assignment.organisations.exists():  # one for every organisation stays so
        assignment.organisations.add(organisation)
    _role_given(user, role, created)
    return assignment


@transaction.atomic
def revoke_role(*, actor: User, assignment: RoleAssignment) -> None:
    if not permissions.can_manage_roles(actor):
        raise NotAllowed(_("Only administrators can remove roles."))
    if assignment.role == Role.ADMIN:
        if assignment.user_id == actor.pk:
            raise DomainError(_("You cannot remove your own administrator role."))
        User.objects.filter(pk=assignment.user_id).update(is_staff=False, is_superuser=False)
    assignment.delete()
    role_changed.send(sender=RoleAssignment, user=assignment.user)
    notify(
        assignment.user, "role_removed", params={"role": source_text(Role(assignment.role).label)}
    )


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def create_access_token(*, actor: User, name: str) -> tuple[AccessToken, str]:
    """Make a personal API token. The plaintext is returned once and never stored."""
    name = name.strip()
    if not name:
        raise DomainError(_("Give the token a name, so you know later what it is for."))
    if AccessToken.objects.filter(user=actor, revoked_at__isnull=True).count() >= 10:
        raise DomainError(_("You have 10 active tokens. Revoke one before making another."))
    token = "lgs_" + secrets.token_urlsafe(32)
    row = AccessToken.objects.create(
        user=actor, name=name[:80], token_hash=_token_hash(token), prefix=token[:10]
    )
    return row, token


@transaction.atomic
def revoke_access_token(*, actor: User, token_id: int) -> None:
    updated = AccessToken.objects.filter(pk=token_id, user=actor, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )
    if not updated:
        raise DomainError(_("That token was not found or is already revoked."))


def user_for_token(token: str) -> User | None:
    row = (
        AccessToken.objects.select_related("user")
        .filter(token_hash=_token_hash(token), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if row is None:
        return None
    AccessToken.objects.filter(pk=row.pk).update(last_used_at=timezone.now())
    return row.user
