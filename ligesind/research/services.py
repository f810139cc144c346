"""Taking part in a study and running one: screening, consent (versioned), questionnaires,
randomisation after the baseline, withdrawal, and new consent versions."""

import json
import secrets
from collections.abc import Collection, Sequence
from datetime import datetime
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import Exists, Min, OuterRef
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ligesind.accounts.models import User
from ligesind.activities.models import CourseRun, CourseSession, Enrolment, EnrolmentStatus
from ligesind.core.errors import DomainError, NotAllowed
from ligesind.core.services import notify, queue_email
from ligesind.core.text_hooks import text_accepted
from ligesind.organisations.contact import check_reach, take_rate

from . import instruments, permissions, who5
from .models import (
    Allocation,
    Anchor,
    ArmKind,
    Consent,
    ConsentVersion,
    Instrument,
    Participant,
    ParticipantStatus,
    Question,
    Referral,
    Response,
    Study,
    StudyStatus,
    Timepoint,
)
from .randomisation import allocate


def current_consent(study: Study) -> ConsentVersion | None:
    return study.consent_versions.order_by("-number").first()


def needs_consent(participant: Participant) -> bool:
    """Not yet consented, or consented to an older version than the current one."""
    if participant.status in (ParticipantStatus.WITHDRAWN, ParticipantStatus.NOT_ELIGIBLE):
        return False
    current = current_consent(participant.study)
    given = participant.consents.order_by("-version__number").first()
    return current is not None and (given is None or given.version_id != current.pk)


def participation(user: User, study: Study) -> Participant | None:
    return Participant.objects.filter(study=study, user_id=user.pk).first()


def _code(study: Study) -> str:
    return f"{study.slug[:6].upper()}-{Participant.objects.filter(study=study).count() + 1:04d}"


@transaction.atomic
def screen(*, actor: User, study: Study, answers: dict[int, bool]) -> Participant:
    """The eligibility questions answered yes or no: the person can take part or not (and
    is told kindly). Their answers are not stored, only the outcome."""
    if not permissions.can_take_part(actor, study):
        raise NotAllowed(_("This study does not recruit at the moment."))
    questions = list(Question.objects.filter(study=study))
    if any(q.pk not in answers for q in questions):
        raise DomainError(_("Answer every question."))
    eligible = all(answers[q.pk] == q.eligible_answer for q in questions)
    status = ParticipantStatus.SCREENED if eligible else ParticipantStatus.NOT_ELIGIBLE
    found = participation(actor, study)
    if found is not None:
        if found.status not in (ParticipantStatus.SCREENED, ParticipantStatus.NOT_ELIGIBLE):
            raise DomainError(_("You already take part in this study."))
        found.status = status
        found.save(update_fields=["status"])
        return found
    stratum = ""
    if study.strata == "municipality":
        profile = getattr(actor, "profile", None)
        stratum = str(getattr(profile, "municipality_id", "") or "")
    for _attempt in range(3):
        try:
            with transaction.atomic():
                return Participant.objects.create(
                    study=study, user=actor, code=_code(study), status=status, stratum=stratum
                )
        except IntegrityError:
            continue
    raise DomainError(_("Something went wrong. Nothing you typed is lost: try again."))


@transaction.atomic
def give_consent(
    *, actor: User, participant: Participant, statements: Collection[int], typed_name: str
) -> Consent:
    """Every statement of the current version ticked and the name typed: stored with the
    version and the time."""
    if not permissions.takes_part(actor, participant):
        raise NotAllowed(_("This is not your participation."))
    if participant.status not in (ParticipantStatus.SCREENED, ParticipantStatus.CONSENTED):
        raise DomainError(_("You cannot consent to this study now."))
    version = current_consent(participant.study)
    if version is None:
        raise DomainError(_("The study has no consent text yet."))
    if set(statements) != set(range(len(version.statements))):
        raise DomainError(_("Tick every statement to take part."))
    if not typed_name.strip():
        raise DomainError(_("Type your name to sign."))
    consent = Consent.objects.create(
        participant=participant,
        version=version,
        statements=sorted(statements),
        typed_name=typed_name.strip(),
    )
    if participant.status != ParticipantStatus.CONSENTED:
        participant.status = ParticipantStatus.CONSENTED
        participant.enrolled_at = timezone.now()
        participant.save(update_fields=["status", "enrolled_at"])
    return consent


def course_starts(study: Study, user_ids: Collection[int] | None = None) -> dict[int, datetime]:
    """When the course each participant is enrolled in (of the course the study evaluates)
    starts: its first session."""
    if study.course_template_id is None:
        return {}
    rows = Enrolment.objects.filter(
        run__template_id=study.course_template_id,
        run__organisation_id=study.organisation_id,
        status=EnrolmentStatus.ENROLLED,
    )
    if user_ids is not None:
        rows = rows.filter(user_id__in=user_ids)
    found: dict[int, datetime] = {}
    for user_id, first in rows.values_list("user_id").annotate(
        first=Min("run__sessions__starts_at")
    ):
        if first is not None and (user_id not in found or first < found[user_id]):
            found[user_id] = first
    return found


def timepoint_base(
    timepoint: Timepoint, enrolled_at: datetime | None, course_start: datetime | None
) -> datetime | None:
    return enrolled_at if timepoint.anchor == Anchor.ENROLMENT else course_start


def due_timepoints(participant: Participant) -> list[Timepoint]:
    """The questionnaires that are due now and not yet answered."""
    if participant.status != ParticipantStatus.CONSENTED or participant.enrolled_at is None:
        return []
    now = timezone.now()
    timepoints = list(Timepoint.objects.filter(study_id=participant.study_id))
    start = None
    if participant.user_id and any(t.anchor == Anchor.COURSE_START for t in timepoints):
        start = course_starts(participant.study, [participant.user_id]).get(participant.user_id)
    answered = set(participant.responses.values_list("timepoint_id", flat=True))
    due = []
    for timepoint in timepoints:
        base = timepoint_base(timepoint, participant.enrolled_at, start)
        if (
            base is not None
            and (now - base).days >= timepoint.days
            and timepoint.pk not in answered
        ):
            due.append(timepoint)
    return due


def instrument_of(timepoint: Timepoint) -> Instrument | None:
    """The team's instrument a timepoint asks, or None for the built-in WHO-5."""
    if timepoint.instrument == who5.KEY:
        return None
    return Instrument.objects.filter(study_id=timepoint.study_id, key=timepoint.instrument).first()


@transaction.atomic
def answer_questionnaire(
    *, actor: User, participant: Participant, timepoint: Timepoint, answers: dict[str, Any]
) -> Response:
    """A questionnaire answered: stored encrypted with its score (WHO-5: raw and percentage;
    a team's instrument: the sum of its likert items). Free text goes through crisis
    detection. After the first answer the participant is randomised."""
    if not permissions.takes_part(actor, participant):
        raise NotAllowed(_("This is not your participation."))
    if needs_consent(participant):
        raise DomainError(_("Give your consent to the current version first."))
    if timepoint not in due_timepoints(participant):
        raise DomainError(_("This questionnaire is not open to you now."))
    instrument = instrument_of(timepoint)
    raw: int | None
    percentage: int | None
    if instrument is None:
        result = who5.score(answers)
        raw, percentage = result.raw, result.percentage
    else:
        raw, percentage = instruments.score(instrument.items, answers), None
        for item in instrument.items:
            text = answers.get(item["key"])
            if item["kind"] == "text" and isinstance(text, str) and text.strip():
                text_accepted(author=actor, text=text, where="research")
    response = Response.objects.create(
        participant=participant,
        timepoint=timepoint,
        answers=json.dumps(answers),
        raw_score=raw,
        score=percentage,
    )
    if participant.study.arms.count() >= 2 and not hasattr(participant, "allocation"):
        allocate(participant)
    return response


@transaction.atomic
def save_instrument(
    *, actor: User, study: Study, name: str, key: str, lines: str, instrument: Instrument | None
) -> Instrument:
    """The team defines or changes a questionnaire (``instruments`` reads the lines)."""
    if not permissions.is_researcher_of(actor, study):
        raise NotAllowed(_("Only the study's researchers define its questionnaires."))
    items = instruments.parse_items(lines)
    if key == who5.KEY or (
        Instrument.objects.filter(study=study, key=key)
        .exclude(pk=instrument.pk if instrument else 0)
        .exists()
    ):
        raise DomainError(_("The study already has a questionnaire with that short name."))
    old_key = instrument.key if instrument is not None else key
    if old_key != key and Timepoint.objects.filter(study=study, instrument=old_key).exists():
        raise DomainError(_("Timepoints use this short name: keep it."))
    item = instrument or Instrument(study=study)
    item.name, item.key, item.items, item.updated_at = name.strip(), key, items, timezone.now()
    item.save()
    return item


@transaction.atomic
def withdraw(*, actor: User, participant: Participant, keep_answers: bool) -> Participant:
    """Out of the study at any time, no reason needed; the answers so far are kept only if
    the participant says so. The allocation log keeps its line (it is the study's record)."""
    if not permissions.takes_part(actor, participant):
        raise NotAllowed(_("This is not your participation."))
    if participant.status == ParticipantStatus.WITHDRAWN:
        raise DomainError(_("You have already left the study."))
    participant.status = ParticipantStatus.WITHDRAWN
    participant.withdrawn_at = timezone.now()
    participant.keep_answers = keep_answers
    participant.save(update_fields=["status", "withdrawn_at", "keep_answers"])
    if not keep_answers:
        participant.responses.all().delete()
    return participant


@transaction.atomic
def publish_consent_version(
    *, actor: User, study: Study, text: str, statements: list[str]
) -> ConsentVersion:
    """A new version of the consent text: everyone taking part is asked to consent again."""
    if not permissions.is_researcher_of(actor, study):
        raise NotAllowed(_("Only the study's researchers can change the consent text."))
    statements = [s.strip() for s in statements if s.strip()]
    if not text.strip() or not statements:
        raise DomainError(_("Write the information and at least one statement to tick."))
    latest = current_consent(study)
    version = ConsentVersion.objects.create(
        study=study,
        number=(latest.number + 1) if latest else 1,
        text=text.strip(),
        statements=statements,
    )
    taking_part = Participant.objects.filter(
        study=study, status=ParticipantStatus.CONSENTED, user__isnull=False
    ).select_related("user")
    url = reverse("research:consent", args=[study.slug])
    for participant in taking_part:
        if participant.user is not None:
            notify(participant.user, "research_consent", url=url)
    return version


def who5_keys() -> list[str]:
    return [key for key, _label in who5.ITEMS]


def allocation_of(participant: Participant) -> Allocation | None:
    return Allocation.objects.filter(participant=participant).select_related("arm").first()


def offered_runs(participant: Participant) -> Sequence[CourseRun]:
    """The course runs to offer a seat in: to the intervention group at once, to the waiting
    list once their last questionnaire counted from enrolment is due (they have no course
    start to count from); the participant's own municipality first."""
    allocation = allocation_of(participant)
    study = participant.study
    if (
        allocation is None
        or participant.status != ParticipantStatus.CONSENTED
        or study.course_template_id is None
        or participant.enrolled_at is None
    ):
        return []
    if allocation.arm.kind == ArmKind.WAITING_LIST:
        last = (
            Timepoint.objects.filter(study=study, anchor=Anchor.ENROLMENT).order_by("-days").first()
        )
        if last and (timezone.now() - participant.enrolled_at).days < last.days:
            return []
    upcoming = CourseSession.objects.filter(run=OuterRef("pk"), starts_at__gt=timezone.now())
    runs = (
        CourseRun.objects.filter(
            Exists(upcoming),
            template_id=study.course_template_id,
            organisation_id=study.organisation_id,
        )
        .select_related("municipality", "template")
        .annotate(first=Min("sessions__starts_at"))
        .order_by("first")
    )
    home = getattr(getattr(participant.user, "profile", None), "municipality_id", None)
    return sorted(runs[:20], key=lambda run: run.municipality_id != home)[:3]


@transaction.atomic
def refer_person(
    *,
    study: Study,
    referrer_name: str,
    referrer_workplace: str,
    referrer_email: str,
    person_name: str,
    person_reach: str,
    agreed: bool,
    address: str,
) -> Referral:
    """A professional refers someone who has agreed to be contacted. With an e-mail address
    the person gets an invitation at once (they decide themselves); with a phone number the
    study's team calls them. At most a few referrals an hour from one address."""
    if study.status != StudyStatus.RECRUITING:
        raise DomainError(_("This study does not recruit at the moment."))
    if not agreed:
        raise DomainError(_("Refer only someone who has agreed to be contacted."))
    if not person_name.strip():
        raise DomainError(_("Write the name of the person you refer."))
    reach = check_reach(person_reach, required=True)
    take_rate(f"referral:{address}")
    referral = Referral.objects.create(
        study=study,
        referrer_name=referrer_name.strip(),
        referrer_workplace=referrer_workplace.strip(),
        referrer_email=referrer_email.strip(),
        person_name=person_name.strip(),
        person_reach=reach,
        token=secrets.token_urlsafe(24),
    )
    if "@" in reach:
        link = settings.LIGESIND_SITE_URL + reverse("research:study", args=[study.slug])
        body = render_to_string(
            "research/email/invitation.txt",
            {"study": study, "name": person_name.strip(), "link": link, "referral": referral},
        )
        subject = _("An invitation to take part in research")
        transaction.on_commit(lambda: queue_email(EmailMessage(str(subject), body, to=[reach])))
        referral.invited_at = timezone.now()
        referral.save(update_fields=["invited_at"])
    return referral


def mark_contacted(*, actor: User, referral: Referral) -> Referral:
    if not permissions.is_researcher_of(actor, referral.study):
        raise NotAllowed(_("Only the study's researchers see referrals."))
    referral.contacted_at = timezone.now()
    referral.save(update_fields=["contacted_at"])
    return referral


def send_questionnaire_reminders() -> int:
    """Tell each participant once per timepoint that a questionnaire is due (a notification,
    and an e-mail that says only that something waits on the site)."""
    sent = 0
    taking_part = Participant.objects.filter(
        status=ParticipantStatus.CONSENTED, user__isnull=False
    ).select_related("study", "user")
    for participant in taking_part:
        due = [t for t in due_timepoints(participant) if t.pk not in participant.reminded]
        if not due or participant.user is None:
            continue
        notify(
            participant.user,
            "research_due",
            url=reverse("research:participation", args=[participant.study.slug]),
        )
        participant.reminded = [*participant.reminded, *(t.pk for t in due)]
        participant.save(update_fields=["reminded"])
        sent += 1
    return sent
