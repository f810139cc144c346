"""Groups: create, join (open, by request, by invitation), approve, invite, leave, moderators,
and the volunteers' group every municipality with peer guides gets automatically."""

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ligesind.accounts.models import Profile, Role, RoleAssignment, User
from ligesind.accounts.permissions import acting_for, is_blocked_between
from ligesind.core.errors import DomainError, NotAllowed
from ligesind.core.models import Municipality
from ligesind.core.services import notify
from ligesind.core.text_hooks import text_accepted
from ligesind.organisations.models import Organisation
from ligesind.organisations.permissions import is_open_to

from .. import permissions, search
from ..models import Group, GroupKind, GroupMembership, MembershipStatus, Visibility


def group_url(group: Group) -> str:
    return reverse("community:group", args=[group.pk])


def _count_members(group: Group) -> None:
    group.member_count = group.memberships.filter(status=MembershipStatus.MEMBER).count()
    group.save(update_fields=["member_count"])


def _checked(name: str, kind: str, visibility: str, description: str) -> dict[str, str]:
    if kind not in GroupKind.values or kind == GroupKind.VOLUNTEERS:
        raise DomainError(_("Please choose the type of group."))
    if visibility not in Visibility.values:
        raise DomainError(_("Please choose who can join."))
    name = (name or "").strip()
    if not name:
        raise DomainError(_("Please give the group a name."))
    return {
        "name": name[:80],
        "description": (description or "").strip()[:2000],
        "kind": kind,
        "visibility": visibility,
    }


@transaction.atomic
def create_group(
    *,
    actor: User,
    name: str,
    kind: str,
    visibility: str,
    description: str = "",
    organisation: Organisation | None = None,
) -> Group:
    if not permissions.can_use_community(actor):
        raise NotAllowed(_("Groups are for members."))
    fields = _checked(name, kind, visibility, description)
    _check_organisation(actor, organisation)
    group = Group.objects.create(created_by=actor, organisation=organisation, **fields)
    GroupMembership.objects.create(
        group=group, user=actor, status=MembershipStatus.MEMBER, is_moderator=True
    )
    _count_members(group)
    permissions.forget_groups(actor)
    search.index_group(group)
    text_accepted(author=actor, text=f"{group.name}\n{group.description}", where="group")
    return group


def _moderators(group: Group) -> list[User]:
    return list(
        User.objects.filter(
            group_memberships__group=group,
            group_memberships__status=MembershipStatus.MEMBER,
            group_memberships__is_moderator=True,
        )
    )


@transaction.atomic
def update_group(
    *,
    actor: User,
    group: Group,
    name: str,
    kind: str,
    visibility: str,
    description: str = "",
    organisation: Organisation | None = None,
) -> Group:
    """A group moderator changes the name, description, type, who can join, or keeps it to an
    organisation's members. Making a group open lets those who asked in; members stay members
    whatever the change."""
    if group.kind == GroupKind.VOLUNTEERS or not permissions.can_moderate_group(actor, group):
        raise NotAllowed(_("Only the group's moderators can change the group."))
    for field, value in _checked(name, kind, visibility, description).items():
        setattr(group, field, value)
    if organisation is not None and organisation.pk != group.organisation_id:
        _check_organisation(actor, organisation)
    group.organisation = organisation
    group.save(update_fields=["name", "description", "kind", "visibility", "organisation"])
    if group.visibility == Visibility.OPEN:
        group.memberships.filter(status=MembershipStatus.REQUESTED).update(
            status=MembershipStatus.MEMBER
        )
        _count_members(group)
    search.index_group(group)
    text_accepted(author=actor, text=f"{group.name}\n{group.description}", where="group")
    return group


def _check_organisation(actor: User, organisation: Organisation | None) -> None:
    if organisation is not None and not (
        is_open_to(actor, organisation.pk) or permissions.is_forum_moderator(actor)
    ):
        raise DomainError(
            _("Only members of %(name)s can keep a group to its members.")
            % {"name": organisation.name}
        )


@transaction.atomic
def join_group(*, actor: User, group: Group) -> GroupMembership:
    """Open groups: in at once. By request: the group's moderators decide. Hidden groups:
    only by accepting an invitation."""
    if not permissions.can_use_community(actor) or group.kind == GroupKind.VOLUNTEERS:
        raise NotAllowed(_("You cannot join this group."))
    if not permissions.can_join_group(actor, group):
        raise DomainError(
            _("This group is for the members of %(name)s. Become a member on its page first.")
            % {"name": group.organisation}
        )
    existing = GroupMembership.objects.filter(group=group, user=actor).first()
    if existing and existing.status == MembershipStatus.MEMBER:
        return existing
    if existing and existing.status == MembershipStatus.INVITED:
        existing.status = MembershipStatus.MEMBER
        existing.save(update_fields=["status"])
    elif group.visibility == Visibility.OPEN:
        existing = GroupMembership.objects.create(
            group=group, user=actor, status=MembershipStatus.MEMBER
        )
    elif group.visibility == Visibility.REQUEST:
        if existing is None:
            existing = GroupMembership.objects.create(
                group=group, user=actor, status=MembershipStatus.REQUESTED
            )
            url = reverse("community:group_requests", args=[group.pk])
            for moderator in _moderators(group):
                notify(moderator, "group_join_request", params={"group": group.name}, url=url)
        return existing
    else:
        raise NotAllowed(_("You cannot join this group."))
    _count_members(group)
    permissions.forget_groups(actor)
    return existing


@transaction.atomic
def answer_join_request(
    *, actor: User, membership: GroupMembership, approve: bool
) -> GroupMembership | None:
    group = membership.group
    if not permissions.can_moderate_group(actor, group):
        raise NotAllowed(_("Only the group's moderators can answer requests."))
    if membership.status != MembershipStatus.REQUESTED:
        raise DomainError(_("This request has already been answered."))
    if not approve:
        membership.delete()
        return None
    membership.status = MembershipStatus.MEMBER
    membership.save(update_fields=["status"])
    _count_members(group)
    notify(membership.user, "group_welcome", params={"group": group.name}, url=group_url(group))
    return membership


@transaction.atomic
def invite_to_group(*, actor: User, group: Group, alias: str) -> GroupMembership:
    if not permissions.can_moderate_group(actor, group) or group.kind == GroupKind.VOLUNTEERS:
        raise NotAllowed(_("Only the group's moderators can invite."))
    profile = (
        Profile.objects.filter(alias__iexact=(alias or "").strip(), user__is_active=True)
        .select_related("user")
        .first()
    )
    if profile is None or is_blocked_between(actor, profile.user):
        raise DomainError(_("We could not find a member with that alias."))
    invitee = profile.user
    if not permissions.can_use_community(invitee):
        raise DomainError(_("We could not find a member with that alias."))
    membership, created = GroupMembership.objects.get_or_create(
        group=group, user=invitee, defaults={"status": MembershipStatus.INVITED}
    )
    if membership.status == MembershipStatus.MEMBER:
        raise DomainError(_("%(alias)s is already in the group.") % {"alias": profile.alias})
    if membership.status == MembershipStatus.REQUESTED:
        return answer_join_request(actor=actor, membership=membership, approve=True) or membership
    if created:
        notify(invitee, "group_invitation", params={"group": group.name}, url=group_url(group))
    return membership


@transaction.atomic
def leave_group(*, actor: User, group: Group) -> None:
    """Leave (or withdraw a request, or decline an invitation). When the last group moderator
    leaves, the longest-standing member takes over, so no group is left without one."""
    membership = GroupMembership.objects.filter(group=group, user=actor).first()
    if membership is None:
        return
    membership.delete()
    remaining = group.memberships.filter(status=MembershipStatus.MEMBER)
    if membership.is_moderator and not remaining.filter(is_moderator=True).exists():
        successor = remaining.order_by("created_at", "pk").first()
        if successor is not None:
            successor.is_moderator = True
            successor.save(update_fields=["is_moderator"])
    _count_members(group)
    permissions.forget_groups(actor)


@transaction.atomic
def set_group_moderator(*, actor: User, membership: GroupMembership, moderator: bool) -> None:
    if not permissions.can_manage_member(actor, membership):
        raise NotAllowed(_("Only the group's moderators can choose moderators."))
    if membership.status != MembershipStatus.MEMBER:
        raise DomainError(_("Only members of the group can be moderators."))
    if not moderator and membership.user_id == actor.pk:
        others = membership.group.memberships.filter(is_moderator=True).exclude(pk=membership.pk)
        if not others.exists():
            raise DomainError(_("The group needs at least one moderator."))
    membership.is_moderator = moderator
    membership.save(update_fields=["is_moderator"])


@transaction.atomic
def remove_from_group(*, actor: User, membership: GroupMembership) -> None:
    """A group moderator takes someone out of the group (they are not told why; they can ask
    to join again, or be invited)."""
    if membership.user_id == actor.pk:
        raise DomainError(_("To leave the group yourself, use “Leave the group”."))
    if not permissions.can_manage_member(actor, membership):
        raise NotAllowed(_("Only the group's moderators can take members out of the group."))
    group = membership.group
    membership.delete()
    _count_members(group)


def set_group_hidden(*, group: Group, hidden: bool) -> None:
    """A moderator's decision (through the safety app's reports): a hidden group disappears
    from lists and search for everyone but its members."""
    group.hidden_at = timezone.now() if hidden else None
    group.save(update_fields=["hidden_at"])


def ensure_volunteer_group(
    municipality: Municipality, organisation: Organisation | None = None
) -> Group:
    """The private group of one municipality's peer guides and coordinators of an
    organisation (or of all of them), named in the site's language."""
    with translation.override(settings.LANGUAGE_CODE):
        return _volunteer_group(municipality, organisation)


def _volunteer_group(municipality: Municipality, organisation: Organisation | None) -> Group:
    name = _("Volunteers in %(municipality)s") % {"municipality": municipality.name}
    if organisation is not None:
        name = f"{name} – {organisation.name}"
    group, created = Group.objects.get_or_create(
        municipality=municipality,
        organisation=organisation,
        defaults={
            "name": name[:80],
            "kind": GroupKind.VOLUNTEERS,
            "visibility": Visibility.HIDDEN,
            "description": _(
                "For the peer guides and coordinators of %(municipality)s: use each other as "
                "sparring partners."
            )
            % {"municipality": municipality.name},
        },
    )
    if created:
        search.index_group(group)
    return group


def ensure_volunteer_groups_for(assignment: RoleAssignment) -> None:
    """A peer guide's municipalities each get a volunteers' group: one per organisation the
    role acts for that works there (a role for every organisation: one shared group)."""
    if assignment.role == Role.PEER_GUIDE:
        organisations = list(assignment.organisations.prefetch_related("municipalities"))
        for place in assignment.municipalities.all():
            if not organisations:
                ensure_volunteer_group(place)
            for organisation in organisations:
                places = organisation.municipalities.all()
                if not places or place in places:
                    ensure_volunteer_group(place, organisation)
    permissions.forget_groups(assignment.user)


def group_member_ids(group: Group) -> set[int]:
    """Everyone in the group now (for a volunteers' group: by their roles)."""
    if group.kind == GroupKind.VOLUNTEERS:
        return {user.pk for user in volunteer_members(group)}
    return set(
        group.memberships.filter(status=MembershipStatus.MEMBER).values_list("user_id", flat=True)
    )


def volunteer_members(group: Group) -> list[User]:
    roles = RoleAssignment.objects.filter(
        role__in=[Role.PEER_GUIDE, Role.COORDINATOR], municipalities=group.municipality_id
    )
    roles = roles.filter(acting_for(group.organisation_id))
    return list(
        User.objects.filter(is_active=True, pk__in=roles.values("user_id")).select_related(
            "profile"
        )
    )
