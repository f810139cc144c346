"""Setting a study up: an admin creates it and chooses its team; the team writes what it is
about, the eligibility questions, the arms and the timepoints, and opens it for recruitment.
What randomisation and the answers depend on cannot change under them: arms are fixed once
someone is allocated, a timepoint stays once someone has answered it."""

from django.db import transaction
from django.utils.translation import gettext as _

from ligesind.accounts.models import Role, User
from ligesind.accounts.permissions import has_role
from ligesind.accounts.services import grant_role
from ligesind.activities.models import CourseTemplate
from ligesind.core.errors import DomainError, NotAllowed
from ligesind.core.municipalities import danish_slug
from ligesind.organisations.models import Organisation

from . import permissions, who5
from .models import (
    Allocation,
    Anchor,
    Arm,
    ArmKind,
    Instrument,
    Participant,
    Question,
    Response,
    Study,
    StudyStatus,
    TeamMember,
    Timepoint,
)
from .services import current_consent


def _may_set_up(actor: User, study: Study) -> None:
    if not permissions.is_researcher_of(actor, study):
        raise NotAllowed(_("Only the study's researchers set it up."))


def _free_slug(title: str) -> str:
    base = danish_slug(title)[:50] or "studie"
    slug, number = base, 1
    while slug == "new" or Study.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


@transaction.atomic
def create_study(*, actor: User, organisation: Organisation, title: str, summary: str) -> Study:
    """A new study, being prepared: no one but its team and admins sees it."""
    if not permissions.can_create_study(actor):
        raise NotAllowed(_("Only administrators create studies."))
    if not title.strip() or not summary.strip():
        raise DomainError(_("Give the study a title and say in one sentence what it is about."))
    return Study.objects.create(
        organisation=organisation,
        title=title.strip(),
        slug=_free_slug(title),
        summary=summary.strip(),
        description=summary.strip(),
    )


def is_allocating(study: Study) -> bool:
    return Allocation.objects.filter(participant__study=study).exists()


@transaction.atomic
def update_study(
    *,
    actor: User,
    study: Study,
    title: str,
    summary: str,
    description: str,
    strata: str,
    course_template: CourseTemplate | None,
) -> Study:
    _may_set_up(actor, study)
    if strata != study.strata and is_allocating(study):
        raise DomainError(
            _("People have been randomised already: what they are randomised within stays.")
        )
    if course_template is None and study.timepoints.filter(anchor=Anchor.COURSE_START).exists():
        raise DomainError(
            _("Timepoints count from the course start: keep the course the study evaluates.")
        )
    study.title, study.summary, study.description = title.strip(), summary.strip(), description
    study.strata, study.course_template = strata, course_template
    study.save(update_fields=["title", "summary", "description", "strata", "course_template"])
    return study


def add_question(*, actor: User, study: Study, text: str, eligible_answer: bool) -> Question:
    _may_set_up(actor, study)
    if not text.strip():
        raise DomainError(_("Write the question."))
    last = study.questions.order_by("-position").first()
    return Question.objects.create(
        study=study,
        text=text.strip(),
        eligible_answer=eligible_answer,
        position=(last.position + 1) if last else 0,
    )


def remove_question(*, actor: User, question: Question) -> None:
    _may_set_up(actor, question.study)
    question.delete()


def add_arm(*, actor: User, study: Study, name: str, kind: str) -> Arm:
    _may_set_up(actor, study)
    if is_allocating(study):
        raise DomainError(_("People have been randomised already: the groups stay as they are."))
    if not name.strip() or kind not in ArmKind.values:
        raise DomainError(_("Give the group a name and say what it gets."))
    return Arm.objects.create(study=study, name=name.strip(), kind=kind)


def remove_arm(*, actor: User, arm: Arm) -> None:
    _may_set_up(actor, arm.study)
    if is_allocating(arm.study):
        raise DomainError(_("People have been randomised already: the groups stay as they are."))
    arm.delete()


def instrument_choices(study: Study) -> list[tuple[str, str]]:
    """The questionnaires a timepoint can ask: WHO-5 and the team's own."""
    own = Instrument.objects.filter(study=study).values_list("key", "name")
    return [(who5.KEY, str(who5.TITLE)), *own]


def add_timepoint(
    *, actor: User, study: Study, name: str, instrument: str, days: int, anchor: str
) -> Timepoint:
    _may_set_up(actor, study)
    if not name.strip():
        raise DomainError(_("Give the timepoint a name, e.g. Week 10."))
    if instrument not in dict(instrument_choices(study)):
        raise DomainError(_("Choose one of the study's questionnaires."))
    if anchor not in Anchor.values or days < 0:
        raise DomainError(_("Say how many days after enrolment or the course start it is due."))
    if anchor == Anchor.COURSE_START and study.course_template_id is None:
        raise DomainError(_("Name the course the study evaluates before counting from its start."))
    return Timepoint.objects.create(
        study=study, name=name.strip(), instrument=instrument, days=days, anchor=anchor
    )


def remove_timepoint(*, actor: User, timepoint: Timepoint) -> None:
    _may_set_up(actor, timepoint.study)
    if Response.objects.filter(timepoint=timepoint).exists():
        raise DomainError(_("Participants have answered at this timepoint: it stays."))
    timepoint.delete()


def missing_for_recruitment(study: Study) -> list[str]:
    """What the study lacks before people can take part (empty: ready)."""
    missing = []
    if current_consent(study) is None:
        missing.append(_("a consent text"))
    if study.arms.count() < 2:
        missing.append(_("at least two groups to randomise between"))
    if not study.timepoints.filter(days=0, anchor=Anchor.ENROLMENT).exists():
        missing.append(_("a questionnaire at enrolment (0 days after enrolment)"))
    return missing


@transaction.atomic
def set_study_status(*, actor: User, study: Study, status: str) -> Study:
    """Open for recruitment once ready, close for new participants, open again; back to
    "being prepared" only while no one has taken part."""
    _may_set_up(actor, study)
    if status not in StudyStatus.values:
        raise DomainError(_("Choose what happens to the study."))
    if status == StudyStatus.RECRUITING:
        missing = missing_for_recruitment(study)
        if missing:
            raise DomainError(
                _("Before people can take part, the study needs %(what)s.")
                % {"what": ", ".join(missing)}
            )
    if status == StudyStatus.DRAFT and Participant.objects.filter(study=study).exists():
        raise DomainError(_("People have answered the study's questions: it cannot go back."))
    study.status = status
    study.save(update_fields=["status"])
    return study


@transaction.atomic
def add_team_member(*, actor: User, study: Study, email: str, peer_researcher: bool) -> TeamMember:
    """Put a person on the team; they get the researcher role for the study's organisation
    if they do not have it (which needs two-factor login on their account)."""
    if not permissions.can_manage_team(actor, study):
        raise NotAllowed(_("Only administrators choose a study's team."))
    user = User.objects.filter(email__iexact=email.strip(), is_active=True).first()
    if user is None:
        raise DomainError(_("No one has an account with that e-mail address."))
    if TeamMember.objects.filter(study=study, user=user).exists():
        raise DomainError(_("They are on the team already."))
    if not has_role(user, Role.RESEARCHER):
        grant_role(actor=actor, user=user, role=Role.RESEARCHER, organisations=[study.organisation])
    return TeamMember.objects.create(study=study, user=user, peer_researcher=peer_researcher)


def remove_team_member(*, actor: User, member: TeamMember) -> None:
    """Off the team: the study's data is closed to them at once (their role stays for any
    other study they are on)."""
    if not permissions.can_manage_team(actor, member.study):
        raise NotAllowed(_("Only administrators choose a study's team."))
    member.delete()
