"""The privacy rules: each visibility level × each kind of viewer."""

import pytest
from django.contrib.auth.models import AnonymousUser

from ligesind.accounts import permissions, services
from ligesind.accounts.contacts import register_contact_source, unregister_contact_source
from ligesind.accounts.models import Role, Visibility
from tests.factories import UserFactory, make_staff, municipality

ALL_FIELDS_AT = {
    f"{field}_visibility": None
    for field in permissions.PROFILE_FIELDS
    if field not in permissions.MEMBER_HIDDEN_FIELDS
}


def owner_with(level: Visibility):
    fields = dict.fromkeys(ALL_FIELDS_AT, level)
    fields["real_name_visibility"] = min(level, Visibility.COORDINATORS)
    return UserFactory.create(
        member__alias="Owner",
        member__real_name="Anne Jensen",
        member__municipality=municipality("Odense"),
        member__story="Min historie",
        **{f"member__{k}": v for k, v in fields.items()},
    )


@pytest.fixture
def contact_of_owner():
    """Registers a contact source, as messaging and matching will."""
    pairs: set[tuple[int, int]] = set()

    def source(user_id: int):
        return [b for a, b in pairs if a == user_id] + [a for a, b in pairs if b == user_id]

    register_contact_source(source)
    yield pairs
    unregister_contact_source(source)


VIEWERS = ["self", "coordinator_here", "coordinator_elsewhere", "contact", "member", "visitor"]
# Which viewers see a field at each level (real name aside).
EXPECTED = {
    Visibility.ONLY_ME: {"self"},
    Visibility.COORDINATORS: {"self", "coordinator_here"},
    Visibility.CONTACTS: {"self", "coordinator_here", "contact"},
    Visibility.MEMBERS: {"self", "coordinator_here", "contact", "member", "coordinator_elsewhere"},
}


def viewer(kind: str, owner, admin_user, contacts):
    if kind == "self":
        return owner
    if kind == "visitor":
        return AnonymousUser()
    if kind == "coordinator_here":
        return make_staff(Role.COORDINATOR, "Odense", admin=admin_user)
    if kind == "coordinator_elsewhere":
        return make_staff(Role.COORDINATOR, "Gladsaxe", admin=admin_user)
    user = UserFactory.create()
    if kind == "contact":
        contacts.add((owner.pk, user.pk))
    return user


@pytest.mark.parametrize("level", list(Visibility))
@pytest.mark.parametrize("kind", VIEWERS)
def test_visibility_matrix(level, kind, admin_user, contact_of_owner):
    owner = owner_with(level)
    who = viewer(kind, owner, admin_user, contact_of_owner)
    visible = permissions.visible_fields(who, owner.profile)
    expected = set(ALL_FIELDS_AT) if kind in EXPECTED[level] else set()
    assert {f"{f}_visibility" for f in visible} - {"real_name_visibility"} == expected
    assert permissions.can_view_profile(who, owner.profile) == (kind != "visitor")


@pytest.mark.parametrize("kind", VIEWERS)
def test_real_name_never_reaches_other_members(kind, admin_user, contact_of_owner):
    owner = owner_with(Visibility.MEMBERS)
    who = viewer(kind, owner, admin_user, contact_of_owner)
    sees = permissions.can_see_field(who, owner.profile, "real_name")
    assert sees == (kind in {"self", "coordinator_here"})


def test_admin_sees_coordinator_level_everywhere(admin_user):
    owner = owner_with(Visibility.COORDINATORS)
    assert "story" in permissions.visible_fields(admin_user, owner.profile)


def test_block_hides_both_ways(member, other):
    services.block_user(actor=member, target=other)
    assert permissions.is_blocked_between(member, other)
    assert permissions.is_blocked_between(other, member)
    assert not permissions.can_view_profile(member, other.profile)
    assert not permissions.can_view_profile(other, member.profile)


def test_member_without_consent_sees_nobody(member):
    newcomer = UserFactory.create(member=False)
    assert not permissions.can_view_profile(newcomer, member.profile)
    assert not permissions.can_use_directory(newcomer)


def test_incomplete_profiles_are_invisible(member):
    fresh = UserFactory.create(member__alias="")
    assert not permissions.can_view_profile(member, fresh.profile)
    assert permissions.can_view_profile(fresh, fresh.profile)


def test_every_role_needs_two_factor(admin_user, member):
    assert permissions.needs_two_factor(admin_user)
    assert not permissions.needs_two_factor(member)
    guide = make_staff(Role.PEER_GUIDE, "Odense", admin=admin_user)
    assert permissions.needs_two_factor(guide)
