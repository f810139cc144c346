"""Every access rule about users, profiles, roles and blocks: one function per rule."""

from collections.abc import Collection
from dataclasses import dataclass
from importlib import import_module
from typing import Any

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib.auth import HASH_SESSION_KEY, SESSION_KEY
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db.models import Q
from django.utils.crypto import constant_time_compare

from ligesind.core.memo import recall, remember

from .consent import current_version
from .contacts import contact_ids
from .models import (
    AccessToken,
    Block,
    ConsentRecord,
    Profile,
    Role,
    RoleAssignment,
    User,
    Visibility,
)

AnyUser = AbstractBaseUser | AnonymousUser

PROFILE_FIELDS = (
    "real_name",
    "municipality",
    "experiences",
    "story",
    "interests",
    "languages",
    "contact_preference",
    "support_role",
    "peer_title",
    "avatar",
)
# Fields that are never shown to other members, whatever the owner chooses.
MEMBER_HIDDEN_FIELDS = frozenset({"real_name"})
# What a moderator's "hide" takes away from other members: what the member wrote or uploaded.
MODERATOR_HIDDEN_FIELDS = frozenset({"story", "avatar", "interests", "peer_title"})


def _user(user: AnyUser) -> User | None:
    """A signed-in, active account in good standing: every rule starts here."""
    if isinstance(user, User) and user.is_authenticated and user.is_active:
        return None if user.is_restricted else user
    return None


def is_session_current(user_id: int, session_key: str | None) -> bool:
    """Whether this session is still signed in as this member, as Django checks on every page:
    not signed out, and not ended by a new password or e-mail, a suspension or a ban (each
    changes the hash the session carries). Open WebSockets ask it again."""
    if not session_key:
        return False
    store = import_module(settings.SESSION_ENGINE).SessionStore(session_key)
    if str(store.get(SESSION_KEY)) != str(user_id):
        return False
    user = User.objects.filter(pk=user_id, is_active=True).first()
    return user is not None and constant_time_compare(
        store.get(HASH_SESSION_KEY, ""), user.get_session_auth_hash()
    )


def is_restricted(user: AnyUser) -> bool:
    """Suspended or banned: may only read why, appeal, sign out and find help."""
    return isinstance(user, User) and user.is_authenticated and user.is_restricted


def roles_of(user: AnyUser) -> frozenset[str]:
    member = _user(user)
    if member is None:
        return frozenset()
    cached: frozenset[str] | None = getattr(member, "_ligesind_roles", None)
    if cached is None:
        cached = frozenset(
            RoleAssignment.objects.filter(user=member).values_list("role", flat=True)
        )
        member._ligesind_roles = cached  # type: ignore[attr-defined]
    return cached


def has_role(user: AnyUser, role: Role) -> bool:
    return role in roles_of(user)


def is_admin(user: AnyUser) -> bool:
    member = _user(user)
    return member is not None and (member.is_superuser or has_role(member, Role.ADMIN))


def has_current_consent(user: AnyUser) -> bool:
    member = _user(user)
    if member is None:
        return False
    cached: bool | None = getattr(member, "_ligesind_consent", None)
    if cached is None:
        cached = ConsentRecord.objects.filter(
            user=member, version=current_version(), withdrawn_at__isnull=True
        ).exists()
        member._ligesind_consent = cached  # type: ignore[attr-defined]
    return cached


def staff_roles(user: AnyUser) -> list[str]:
    """The staff roles ``user`` holds, admin first: written with every audit entry."""
    from ligesind.core.audit import STAFF_ROLES

    roles = [role for role in STAFF_ROLES if role in roles_of(user)]
    if is_admin(user) and "admin" not in roles:
        roles.insert(0, "admin")
    return roles


def is_member(user: AnyUser) -> bool:
    """An active, signed-in account that has consented to the current text."""
    return has_current_consent(user)


ROLE_SCOPES = "_ligesind_role_scopes"
NO_SCOPE: tuple[frozenset[int], frozenset[int | None]] = (frozenset(), frozenset())


def _role_scopes(member: User) -> dict[str, tuple[frozenset[int], frozenset[int | None]]]:
    """Every role's municipalities and organisations (None: a role scoped to no organisation),
    in one query, remembered for the request."""
    scopes = recall(member, ROLE_SCOPES)
    if scopes is None:
        found: dict[str, tuple[set[int], set[int | None]]] = {}
        rows = RoleAssignment.objects.filter(user=member).values_list(
            "role", "municipalities", "organisations"
        )
        for role, place, organisation in rows:
            places, organisations = found.setdefault(role, (set(), set()))
            if place is not None:
                places.add(place)
            organisations.add(organisation)
        scopes = remember(
            member,
            ROLE_SCOPES,
            {role: (frozenset(a), frozenset(b)) for role, (a, b) in found.items()},
        )
    return scopes


def role_municipality_ids(user: AnyUser, role: Role) -> frozenset[int]:
    """The municipalities a scoped role (coordinator, peer guide) covers for this user."""
    member = _user(user)
    if member is None or not has_role(member, role):
        return frozenset()
    return _role_scopes(member).get(role, NO_SCOPE)[0]


def role_organisation_ids(user: AnyUser, role: Role) -> frozenset[int] | None:
    """The organisations a role acts for (None: every organisation; empty: no such role)."""
    member = _user(user)
    if member is None or not has_role(member, role):
        return frozenset()
    ids = _role_scopes(member).get(role, NO_SCOPE)[1]
    return None if ids == {None} else frozenset(pk for pk in ids if pk is not None)


def acts_for_organisation(user: AnyUser, role: Role, organisation_id: int | None) -> bool:
    """Whether the user's role covers this organisation (something of no organisation is
    covered by every holder of the role)."""
    covered = role_organisation_ids(user, role)
    return covered is None or organisation_id is None or organisation_id in covered


def coordinated_municipality_ids(user: AnyUser) -> frozenset[int]:
    return role_municipality_ids(user, Role.COORDINATOR)


def coordinates_anywhere(user: AnyUser) -> bool:
    """An admin, or a coordinator of at least one municipality (their pages and lists)."""
    return is_member(user) and (is_admin(user) or bool(coordinated_municipality_ids(user)))


def coordinator_organisation_ids(user: AnyUser) -> frozenset[int] | None:
    """The organisations a coordinator acts for; ``None`` for all of them (and admins)."""
    return None if is_admin(user) else role_organisation_ids(user, Role.COORDINATOR)


def is_local_coordinator(
    user: AnyUser, municipality_id: int | None, organisation_id: int | None
) -> bool:
    """A coordinator whose role covers this municipality and acts for this organisation
    (something of no organisation is every local coordinator's). Admins are not, by this."""
    return municipality_id in coordinated_municipality_ids(user) and acts_for_organisation(
        user, Role.COORDINATOR, organisation_id
    )


def coordinates(user: AnyUser, municipality_id: int | None, organisation_id: int | None) -> bool:
    """An admin, or the local coordinator of this municipality and organisation."""
    return is_member(user) and (
        is_admin(user) or is_local_coordinator(user, municipality_id, organisation_id)
    )


def scope_q(
    user: AnyUser,
    role: Role = Role.COORDINATOR,
    *,
    municipality: str = "municipality",
    organisation: str = "organisation",
) -> Q | None:
    """What a role holder's scope covers, as a filter on ``municipality`` and ``organisation``
    fields: None for an admin (everything), nothing for someone without the role."""
    if is_admin(user):
        return None
    places = role_municipality_ids(user, role)
    if not places:
        return Q(pk__in=[])
    return covered_q(
        places,
        role_organisation_ids(user, role),
        municipality=municipality,
        organisation=organisation,
    )


def covered_q(
    municipalities: Collection[int] | None,
    organisations: Collection[int] | None,
    *,
    municipality: str = "municipality",
    organisation: str = "organisation",
) -> Q:
    """Things in these municipalities that belong to one of these organisations or to none;
    ``None`` for either: no condition on it; an empty field name leaves that field out."""
    condition = Q()
    if municipality and municipalities is not None:
        condition &= Q(**{f"{municipality}__in": municipalities})
    if organisation and organisations is not None:
        condition &= Q(**{f"{organisation}__isnull": True}) | Q(
            **{f"{organisation}__in": organisations}
        )
    return condition


def coordinates_municipality(user: AnyUser, municipality_id: int | None) -> bool:
    """An admin, or a coordinator whose role covers this municipality."""
    return is_member(user) and (
        is_admin(user)
        or (municipality_id is not None and municipality_id in coordinated_municipality_ids(user))
    )


def acting_for(organisations: Any) -> Q:
    """Role assignments that act for an organisation (an id or an expression such as
    ``OuterRef``), or for one of a collection of ids; those scoped to none act for all.
    ``None``: no condition."""
    if organisations is None:
        return Q()
    if isinstance(organisations, Collection):
        return Q(organisations__isnull=True) | Q(organisations__in=organisations)
    return Q(organisations__isnull=True) | Q(organisations=organisations)


def coordinators_of(municipality_id: int | None, organisation_id: int | None = None) -> list[User]:
    """The active coordinators of a municipality who act for the organisation (to tell them
    about work waiting there)."""
    if municipality_id is None:
        return []
    roles = RoleAssignment.objects.filter(
        acting_for(organisation_id), role=Role.COORDINATOR, municipalities=municipality_id
    )
    return list(User.objects.filter(pk__in=roles.values("user_id"), is_active=True))


def blocked_user_ids(user: AnyUser) -> frozenset[int]:
    """Everyone this user blocked or was blocked by: they are hidden from each other."""
    member = _user(user)
    if member is None:
        return frozenset()
    return frozenset(blocked_ids_of({member.pk}).get(member.pk, set()))


def blocked_ids_of(user_ids: set[int]) -> dict[int, set[int]]:
    """``blocked_user_ids`` for many users at once (one query), by user id."""
    found: dict[int, set[int]] = {}
    if not user_ids:
        return found
    pairs = Block.objects.filter(Q(blocker_id__in=user_ids) | Q(blocked_id__in=user_ids))
    for blocker, blocked in pairs.values_list("blocker_id", "blocked_id"):
        if blocker in user_ids:
            found.setdefault(blocker, set()).add(blocked)
        if blocked in user_ids:
            found.setdefault(blocked, set()).add(blocker)
    return found


def is_blocked_between(a: AnyUser, b: AnyUser) -> bool:
    if a.pk is None or b.pk is None or a.pk == b.pk:
        return False
    return Block.objects.filter(
        Q(blocker_id=a.pk, blocked_id=b.pk) | Q(blocker_id=b.pk, blocked_id=a.pk)
    ).exists()


@dataclass(frozen=True)
class ViewerContext:
    """What decides how close a viewer is to other members, read once per request."""

    user_id: int | None
    member: bool
    admin: bool
    coordinated: frozenset[int]
    contacts: frozenset[int]
    blocked: frozenset[int]

    @classmethod
    def of(cls, viewer: AnyUser, *, as_peer: bool = False) -> "ViewerContext":
        """``as_peer`` leaves out staff powers: what the viewer sees as an ordinary member."""
        member = _user(viewer)
        if member is None:
            return cls(None, False, False, frozenset(), frozenset(), frozenset())
        return cls(
            user_id=member.pk,
            member=is_member(member),
            admin=not as_peer and is_admin(member),
            coordinated=frozenset() if as_peer else coordinated_municipality_ids(member),
            contacts=frozenset(contact_ids(member)),
            blocked=blocked_user_ids(member),
        )

    def coordinates(self, profile: Profile) -> bool:
        return self.admin or (
            profile.municipality_id is not None and profile.municipality_id in self.coordinated
        )

    def level(self, profile: Profile) -> int | None:
        """The closest relation to the profile's owner as a ``Visibility`` level, or ``None``
        when the viewer may not see the profile at all."""
        if self.user_id is None:
            return None
        if self.user_id == profile.user_id:
            return Visibility.ONLY_ME
        if not self.member or not profile.is_complete:
            return None
        if self.coordinates(profile):
            return Visibility.COORDINATORS
        if profile.user_id in self.blocked:
            return None
        if profile.user_id in self.contacts:
            return Visibility.CONTACTS
        return Visibility.MEMBERS

    def visible_fields(self, profile: Profile) -> frozenset[str]:
        level = self.level(profile)
        if level is None:
            return frozenset()
        fields = {f for f in PROFILE_FIELDS if getattr(profile, f"{f}_visibility") >= level}
        if level >= Visibility.CONTACTS:
            fields -= MEMBER_HIDDEN_FIELDS
            if profile.hidden_at is not None:
                fields -= MODERATOR_HIDDEN_FIELDS
        return frozenset(fields)

    def field_visible_q(self, field: str) -> Q:
        """A filter matching the profiles whose ``field`` this viewer may see (not their own)."""
        name = f"{field}_visibility"
        allowed = Q(**{name: Visibility.MEMBERS})
        if self.contacts:
            allowed |= Q(**{f"{name}__gte": Visibility.CONTACTS, "user_id__in": self.contacts})
        if self.admin:
            allowed |= Q(**{f"{name}__gte": Visibility.COORDINATORS})
        elif self.coordinated:
            allowed |= Q(
                **{f"{name}__gte": Visibility.COORDINATORS, "municipality_id__in": self.coordinated}
            )
        return allowed


def viewer_level(viewer: AnyUser, profile: Profile) -> int | None:
    return ViewerContext.of(viewer).level(profile)


def can_view_profile(viewer: AnyUser, profile: Profile) -> bool:
    return viewer_level(viewer, profile) is not None


def visible_fields(viewer: AnyUser, profile: Profile) -> frozenset[str]:
    """The profile fields the viewer may see."""
    return ViewerContext.of(viewer).visible_fields(profile)


def staff_only_fields(viewer: AnyUser, profile: Profile) -> frozenset[str]:
    """The fields the viewer sees only because of a staff role: opening them is audited."""
    if profile.user_id == viewer.pk:
        return frozenset()
    full = ViewerContext.of(viewer).visible_fields(profile)
    return full - ViewerContext.of(viewer, as_peer=True).visible_fields(profile)


def can_see_field(viewer: AnyUser, profile: Profile, field: str) -> bool:
    return field in visible_fields(viewer, profile)


def can_use_directory(user: AnyUser) -> bool:
    return is_member(user)


def can_block(viewer: AnyUser, target: User) -> bool:
    member = _user(viewer)
    return member is not None and is_member(member) and member.pk != target.pk


def can_manage_roles(user: AnyUser) -> bool:
    return is_admin(user)


def can_use_api(user: AnyUser) -> bool:
    """Members may use the API; an account whose role needs two-factor only once it has it."""
    if not is_member(user):
        return False
    if needs_two_factor(user):
        return has_two_factor(user)
    return True


def has_two_factor(user: AnyUser) -> bool:
    """The account has a TOTP authenticator (required for every role)."""
    return (
        user.pk is not None
        and Authenticator.objects.filter(user_id=user.pk, type=Authenticator.Type.TOTP).exists()
    )


def needs_two_factor(user: AnyUser) -> bool:
    """Every role beyond member (peer guide and all staff) requires two-factor login."""
    return bool(roles_of(user)) or bool(getattr(user, "is_staff", False))


def is_staff_member(user: AnyUser) -> bool:
    """Staff (admin, coordinator, moderator, researcher, treasurer, Django admin access): their
    sessions are short, because they open other members' data."""
    from ligesind.core.audit import STAFF_ROLES

    member = _user(user)
    if member is None:
        return False
    return member.is_staff or is_admin(member) or bool(roles_of(member) & set(STAFF_ROLES))


def can_revoke_token(user: AnyUser, token: AccessToken) -> bool:
    return is_member(user) and token.user_id == user.pk
