"""Three years of an organisation's life at national size, for the dashboard and report
benchmark (bench/reports.py): on top of the generated members (``matching.bench``), a fifth of
them in one large municipality, 5,000 volunteers, memberships, activities with sign-ups,
courses with attendance, matches, følgeskab, applications and volunteer hours. Written in bulk,
not through the services. Never on a real site."""

import random
from datetime import datetime, timedelta
from decimal import Decimal

from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.db import transaction
from django.utils import timezone

from ligesind.accounts.consent import current_version
from ligesind.accounts.models import ConsentRecord, Profile, Role, RoleAssignment, User
from ligesind.activities.models import (
    Accompaniment,
    AccompanimentStatus,
    Activity,
    Attendance,
    CourseRun,
    CourseSession,
    CourseTemplate,
    Enrolment,
    EnrolmentStatus,
    Signup,
    SignupStatus,
)
from ligesind.core.models import Municipality
from ligesind.demo.bench_members import DOMAIN
from ligesind.matching.models import ExitReason, Match, MatchKind, MatchProfile, MatchStatus
from ligesind.organisations.models import Organisation, OrganisationMembership
from ligesind.volunteers.models import (
    ApplicationStatus,
    HoursKind,
    VolunteerApplication,
    VolunteerHours,
)

YEARS = 3
LARGEST = "København"
VOLUNTEERS = 5000
ACTIVITIES = 30_000
COURSES = 300
MATCHES = 15_000
ACCOMPANIMENTS = 6000
APPLICATIONS = 3000
HOURS_PER_VOLUNTEER = 50
BATCH = 5000


def _when(rng: random.Random, now: datetime) -> datetime:
    return now - timedelta(seconds=rng.randint(0, YEARS * 365 * 86400))


def _bulk(model: type, rows: list) -> list:
    return model.objects.bulk_create(rows, batch_size=BATCH)  # type: ignore[attr-defined]


@transaction.atomic
def seed_organisation_life(seed: int = 11) -> dict[str, int]:
    """Returns the ids the benchmark needs: the organisation, the large municipality and
    its coordinator."""
    rng = random.Random(seed)
    now = timezone.now()
    largest = Municipality.objects.get(name=LARGEST)
    places = list(Municipality.objects.values_list("pk", flat=True))
    org, _ = Organisation.objects.get_or_create(
        slug="bench-foreningen", defaults={"name": "Bench-foreningen"}
    )
    org.municipalities.set(places)
    members = list(
        User.objects.filter(email__endswith=f"@{DOMAIN}")
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    # A fifth of everyone lives in the large municipality; everyone joined in the last 3 years.
    moved = members[::5]
    Profile.objects.filter(user_id__in=moved).update(municipality=largest)
    MatchProfile.objects.filter(user_id__in=moved).update(municipality=largest)
    for pk in members[::50]:  # a spread of join dates without one UPDATE per member
        User.objects.filter(pk__gte=pk, pk__lt=pk + 50).update(date_joined=_when(rng, now))
    home = dict(
        Profile.objects.filter(user_id__in=members).values_list("user_id", "municipality_id")
    )
    _bulk(
        OrganisationMembership,
        [
            OrganisationMembership(user_id=pk, organisation=org, joined_at=_when(rng, now))
            for pk in members
            if rng.random() < 0.6
        ],
    )
    volunteers = _volunteers(org, members, home, rng, now)
    coordinator = User.objects.create(email=f"coordinator@{DOMAIN}", last_login=now)
    Profile.objects.create(user=coordinator, alias="Benchkoordinator", municipality=largest)
    ConsentRecord.objects.create(user=coordinator, version=current_version(), language="da")
    TOTP.activate(coordinator, generate_totp_secret())  # staff sign in with two factors
    role = RoleAssignment.objects.create(user=coordinator, role=Role.COORDINATOR)
    role.municipalities.set([largest])
    role.organisations.set([org])
    _activities(org, volunteers, members, home, rng, now)
    _courses(org, volunteers, members, home, rng, now)
    _matches_and_more(org, volunteers, members, home, rng, now)
    return {"organisation": org.pk, "municipality": largest.pk, "coordinator": coordinator.pk}


def _volunteers(
    org: Organisation, members: list[int], home: dict[int, int], rng: random.Random, now: datetime
) -> list[int]:
    guides = set(
        RoleAssignment.objects.filter(role=Role.PEER_GUIDE, user_id__in=members).values_list(
            "user_id", flat=True
        )
    )
    others = [pk for pk in members if pk not in guides]
    guides |= set(rng.sample(others, max(0, min(len(others) // 2, VOLUNTEERS - len(guides)))))
    RoleAssignment.objects.filter(role=Role.PEER_GUIDE, user_id__in=guides).delete()
    roles = _bulk(
        RoleAssignment,
        [
            RoleAssignment(user_id=pk, role=Role.PEER_GUIDE, granted_at=_when(rng, now))
            for pk in guides
        ],
    )
    places = RoleAssignment.municipalities.through
    orgs = RoleAssignment.organisations.through
    _bulk(places, [places(roleassignment_id=r.pk, municipality_id=home[r.user_id]) for r in roles])
    _bulk(orgs, [orgs(roleassignment_id=r.pk, organisation_id=org.pk) for r in roles])
    User.objects.filter(pk__in=guides).update(last_login=now - timedelta(days=30))
    User.objects.filter(pk__in=list(guides)[::7]).update(last_login=now - timedelta(days=100))
    return sorted(guides)


def _activities(
    org: Organisation,
    volunteers: list[int],
    members: list[int],
    home: dict[int, int],
    rng: random.Random,
    now: datetime,
) -> None:
    rows = []
    for _ in range(ACTIVITIES):
        organiser = rng.choice(volunteers)
        starts = now + timedelta(days=rng.randint(-YEARS * 365, 14), hours=rng.randint(0, 23))
        rows.append(
            Activity(
                kind=rng.choice(["activity", "peer_cafe", "after_work", "workshop"]),
                title="Peer-café",
                organiser_id=organiser,
                organisation=org,
                municipality_id=home[organiser],
                starts_at=starts,
                ends_at=starts + timedelta(hours=2),
                capacity=12,
                cancelled_at=now if rng.random() < 0.03 else None,
            )
        )
    activities = _bulk(Activity, rows)
    signups = []
    for activity in activities:
        past = activity.starts_at < now
        for user_id in rng.sample(members, rng.randint(0, 12)):
            signups.append(
                Signup(
                    activity=activity,
                    user_id=user_id,
                    status=SignupStatus.CONFIRMED,
                    attended=(rng.random() < 0.8) if past else None,
                )
            )
    _bulk(Signup, signups)
    hours = []
    for volunteer in volunteers:
        for _ in range(rng.randint(HOURS_PER_VOLUNTEER // 2, HOURS_PER_VOLUNTEER * 3 // 2)):
            hours.append(
                VolunteerHours(
                    volunteer_id=volunteer,
                    organisation=org,
                    municipality_id=home[volunteer],
                    kind=rng.choice(list(HoursKind)),
                    on=timezone.localdate(_when(rng, now)),
                    hours=Decimal(rng.choice(["1", "1.5", "2", "3"])),
                )
            )
    _bulk(VolunteerHours, hours)


def _courses(
    org: Organisation,
    volunteers: list[int],
    members: list[int],
    home: dict[int, int],
    rng: random.Random,
    now: datetime,
) -> None:
    template, _ = CourseTemplate.objects.get_or_create(name="Bench-forløbet")
    runs, sessions, enrolments, attendance = [], [], [], []
    for _ in range(COURSES):
        leader = rng.choice(volunteers)
        runs.append(
            CourseRun(
                template=template, municipality_id=home[leader], organisation=org, place="Her"
            )
        )
    runs = _bulk(CourseRun, runs)
    leaders = CourseRun.leaders.through
    _bulk(leaders, [leaders(courserun_id=run.pk, user_id=rng.choice(volunteers)) for run in runs])
    for run in runs:
        first = now + timedelta(days=rng.randint(-YEARS * 365, 30))
        for number in range(1, 11):
            starts = first + timedelta(days=7 * (number - 1))
            sessions.append(
                CourseSession(
                    run=run, number=number, starts_at=starts, ends_at=starts + timedelta(hours=2)
                )
            )
        people = rng.sample(members, 14)
        for n, user_id in enumerate(people):
            status = EnrolmentStatus.ENROLLED if n < 10 else EnrolmentStatus.WAITING
            enrolments.append(Enrolment(run=run, user_id=user_id, status=status))
    sessions = _bulk(CourseSession, sessions)
    enrolled: dict[int, list[int]] = {}
    for enrolment in enrolments:
        if enrolment.status == EnrolmentStatus.ENROLLED:
            enrolled.setdefault(enrolment.run.pk, []).append(enrolment.user_id)
    _bulk(Enrolment, enrolments)
    for session in sessions:
        if session.starts_at < now:
            for user_id in enrolled[session.run.pk]:
                attendance.append(
                    Attendance(session=session, user_id=user_id, present=rng.random() < 0.8)
                )
    _bulk(Attendance, attendance)


def _matches_and_more(
    org: Organisation,
    volunteers: list[int],
    members: list[int],
    home: dict[int, int],
    rng: random.Random,
    now: datetime,
) -> None:
    matches = []
    for _ in range(MATCHES):
        seeker, guide = rng.choice(members), rng.choice(volunteers)
        started = _when(rng, now)
        ended = started + timedelta(days=rng.randint(30, 300))
        done = ended < now
        matches.append(
            Match(
                seeker_id=seeker,
                partner_id=guide,
                kind=MatchKind.GUIDE,
                status=MatchStatus.ENDED if done else MatchStatus.ACTIVE,
                municipality_id=home[seeker],
                organisation=org,
                created_at=started,
                started_at=started,
                ended_at=ended if done else None,
                exit_reason=rng.choice(list(ExitReason)) if done else "",
            )
        )
    _bulk(Match, matches)
    _bulk(
        Accompaniment,
        [
            Accompaniment(
                member_id=(member := rng.choice(members)),
                municipality_id=home[member],
                organisation=org,
                what="Lægen",
                where="Byen",
                when=(when := now + timedelta(days=rng.randint(-YEARS * 365, 14))),
                status=AccompanimentStatus.DONE if when < now else AccompanimentStatus.OPEN,
                volunteer_id=rng.choice(volunteers) if when < now else None,
                hours=Decimal("2") if when < now else None,
            )
            for _ in range(ACCOMPANIMENTS)
        ],
    )
    _bulk(
        VolunteerApplication,
        [
            VolunteerApplication(
                applicant_id=(applicant := rng.choice(members)),
                organisation=org,
                municipality_id=home[applicant],
                experience="Erfaring",
                motivation="Give videre",
                status=rng.choice(list(ApplicationStatus)),
                created_at=_when(rng, now),
            )
            for _ in range(APPLICATIONS)
        ],
    )
