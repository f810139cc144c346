"""Who may do what in research: one function per rule."""

from ligesind.accounts.models import Role
from ligesind.accounts.permissions import AnyUser, has_role, is_admin, is_member

from .models import Participant, Study, StudyStatus, TeamMember


def is_researcher_of(user: AnyUser, study: Study) -> bool:
    """A researcher on the study's team (the role reaches no other study), or an admin."""
    if not is_member(user):
        return False
    if is_admin(user):
        return True
    return (
        has_role(user, Role.RESEARCHER)
        and TeamMember.objects.filter(study=study, user_id=user.pk or 0).exists()
    )


def works_on_studies(user: AnyUser) -> bool:
    """A researcher, whose studies are listed for them (on their team only)."""
    return is_member(user) and has_role(user, Role.RESEARCHER)


def can_take_part(user: AnyUser, study: Study) -> bool:
    return is_member(user) and study.status == StudyStatus.RECRUITING


def can_see_study(user: AnyUser, study: Study) -> bool:
    """A study being prepared is seen only by its team."""
    return study.status != StudyStatus.DRAFT or is_researcher_of(user, study)


def takes_part(user: AnyUser, participant: Participant) -> bool:
    return is_member(user) and participant.user_id == user.pk


def can_create_study(user: AnyUser) -> bool:
    """An organisation's admin creates a study and puts its researchers on the team."""
    return is_member(user) and is_admin(user)


def can_manage_team(user: AnyUser, study: Study) -> bool:
    """Who is on a study's team (and so reads its participants' data) is an admin's choice."""
    return is_member(user) and is_admin(user)
