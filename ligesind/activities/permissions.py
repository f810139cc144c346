"""Who may see, sign up for, organise and lead what: one function per rule."""

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db.models import Q, QuerySet

from ligesind.accounts.models import Profile, Role
from ligesind.accounts.permissions import (
    acts_for_organisation,
    blocked_user_ids,
    coordinated_municipality_ids,
    coordinates,
    coordinates_anywhere,
    coordinator_organisation_ids,
    has_role,
    is_admin,
    is_local_coordinator,
    is_member,
    role_municipality_ids,
)
from ligesind.community.models import Group
from ligesind.community.permissions import (
    can_moderate_group,
    is_forum_moderator,
    is_group_member,
    member_group_ids,
)
from ligesind.membership.entitlements import Feature, has_feature
from ligesind.organisations.models import Organisation, OrganisationMembership
from ligesind.organisations.permissions import has_joined
from ligesind.volunteers.training import is_qualified_guide

from .models import (
    Accompaniment,
    AccompanimentStatus,
    Activity,
    Audience,
    CourseRun,
    Signup,
    SignupStatus,
)

AnyUser = AbstractBaseUser | AnonymousUser


def is_volunteer(user: AnyUser) -> bool:
    """Peer guides and coordinators (and admins) organise activities and lead courses."""
    return is_member(user) and (
        has_role(user, Role.PEER_GUIDE) or has_role(user, Role.COORDINATOR) or is_admin(user)
    )


def works_as_peer(user: AnyUser) -> bool:
    if user.pk is None or not is_member(user):
        return False
    return Profile.objects.filter(user_id=user.pk, works_as_peer=True).exists()


def audiences_for(user: AnyUser) -> list[str]:
    audiences = [Audience.EVERYONE.value]
    if is_member(user):
        audiences.append(Audience.MEMBERS.value)
    if is_volunteer(user):
        audiences.append(Audience.VOLUNTEERS.value)
    if is_volunteer(user) or works_as_peer(user):
        audiences.append(Audience.WORKING_PEERS.value)
    return audiences


def visible_activities_q(user: AnyUser) -> Q:
    """The activities this viewer may see: by audience (a group's events: its members), not
    hidden by a moderator (but still to its organiser), never from someone with a block."""
    allowed = Q(audience__in=audiences_for(user), hidden_at__isnull=True)
    if is_forum_moderator(user):
        allowed |= Q(audience=Audience.GROUP, hidden_at__isnull=True)
    elif groups := member_group_ids(user):
        allowed |= Q(audience=Audience.GROUP, group__in=groups, hidden_at__isnull=True)
    if user.pk is not None:
        allowed |= Q(organiser_id=user.pk)
    blocked = blocked_user_ids(user)
    return allowed & ~Q(organiser_id__in=blocked) if blocked else allowed


def can_view_activity(user: AnyUser, activity: Activity) -> bool:
    return Activity.objects.filter(visible_activities_q(user), pk=activity.pk).exists()


def can_sign_up(user: AnyUser, activity: Activity) -> bool:
    return (
        has_feature(user, Feature.ACTIVITIES)
        and not activity.is_cancelled
        and can_view_activity(user, activity)
    )


def can_create_activity(user: AnyUser) -> bool:
    return is_volunteer(user)


def can_create_group_activity(user: AnyUser, group: Group) -> bool:
    """A group's events are planned by its moderators and by volunteers in it."""
    return has_feature(user, Feature.ACTIVITIES) and (
        can_moderate_group(user, group) or (is_volunteer(user) and is_group_member(user, group))
    )


def can_manage_activity(user: AnyUser, activity: Activity) -> bool:
    """The organiser, a coordinator of its municipality acting for its organisation, or an
    admin: attendees, changes."""
    return is_member(user) and (
        activity.organiser_id == user.pk
        or is_admin(user)
        or coordinates(user, activity.municipality_id, activity.organisation_id)
    )


def can_see_meeting_link(user: AnyUser, activity: Activity) -> bool:
    if user.pk is None:
        return False
    return (
        can_manage_activity(user, activity)
        or Signup.objects.filter(
            activity=activity, user_id=user.pk, status=SignupStatus.CONFIRMED
        ).exists()
    )


# Courses


def can_plan_courses(user: AnyUser) -> bool:
    return coordinates_anywhere(user)


def can_plan_course_in(user: AnyUser, municipality_id: int, organisation_id: int | None) -> bool:
    return coordinates(user, municipality_id, organisation_id)


def coordinates_run(user: AnyUser, run: CourseRun) -> bool:
    """A coordinator of its municipality acting for its organisation, or an admin."""
    return coordinates(user, run.municipality_id, run.organisation_id)


def may_lead(user: AnyUser) -> bool:
    """Coordinators, admins, and peer guides who completed any required training."""
    return has_role(user, Role.COORDINATOR) or is_admin(user) or is_qualified_guide(user)


def leads_run(user: AnyUser, run: CourseRun) -> bool:
    return is_member(user) and run.leaders.filter(pk=user.pk).exists()


def can_enrol(user: AnyUser, run: CourseRun) -> bool:
    return has_feature(user, Feature.COURSES) and not leads_run(user, run)


def can_take_attendance(user: AnyUser, run: CourseRun) -> bool:
    return leads_run(user, run) or coordinates_run(user, run)


def can_read_session_notes(user: AnyUser, run: CourseRun) -> bool:
    """Leaders' notes are for the leaders and the coordinators of the municipality only."""
    return leads_run(user, run) or (
        is_member(user) and is_local_coordinator(user, run.municipality_id, run.organisation_id)
    )


def can_move_session(user: AnyUser, run: CourseRun) -> bool:
    return coordinates_run(user, run)


# Følgeskab


def can_ask_for_accompaniment(user: AnyUser) -> bool:
    return has_feature(user, Feature.ACTIVITIES)


def volunteer_municipality_ids(user: AnyUser) -> frozenset[int]:
    return role_municipality_ids(user, Role.PEER_GUIDE) | coordinated_municipality_ids(user)


def coordinates_accompaniment(user: AnyUser, item: Accompaniment) -> bool:
    return coordinates(user, item.municipality_id, item.organisation_id)


def can_offer_accompaniment(user: AnyUser, item: Accompaniment) -> bool:
    return (
        item.status == AccompanimentStatus.OPEN
        and item.member_id != user.pk
        and has_role(user, Role.PEER_GUIDE)
        and is_member(user)
        and item.municipality_id in volunteer_municipality_ids(user)
        and acts_for_organisation(user, Role.PEER_GUIDE, item.organisation_id)
        and is_qualified_guide(user)
        and item.member_id not in blocked_user_ids(user)
    )


def can_view_accompaniment(user: AnyUser, item: Accompaniment) -> bool:
    return (
        (user.pk is not None and user.pk in (item.member_id, item.volunteer_id))
        or coordinates_accompaniment(user, item)
        or can_offer_accompaniment(user, item)
    )


def can_plan_for_organisation(user: AnyUser, organisation: Organisation) -> bool:
    """An activity is planned for an organisation by someone who belongs to it (or an admin)."""
    return is_admin(user) or has_joined(user, organisation)


def must_name_organisation(user: AnyUser) -> bool:
    """A coordinator who acts for some organisations plans for one of them, not for none."""
    return coordinator_organisation_ids(user) is not None


def organisations_to_plan_for(user: AnyUser) -> QuerySet[Organisation]:
    if is_admin(user):
        return Organisation.objects.all()
    if user.pk is None:
        return Organisation.objects.none()
    # A subquery, not a join: callers add "or the activity's own" (an OR across a join read
    # every membership there is).
    joined = OrganisationMembership.objects.filter(user_id=user.pk).values("organisation_id")
    return Organisation.objects.filter(pk__in=joined)
