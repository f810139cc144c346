"""Demo volunteering: Peer to Peer Odense asks its peer guides to complete the peer-guide
education (seed 001), which the demo's peer guides there have done; a member's application
waits for the Odense coordinator. Safe to run again."""

from datetime import datetime, timedelta
from decimal import Decimal

from django.utils import timezone

from ligesind.accounts.models import Role, RoleAssignment, User
from ligesind.core.models import Municipality
from ligesind.demo.people import DOMAIN
from ligesind.organisations.models import Organisation
from ligesind.volunteers.models import (
    HoursKind,
    TrainingEnrolment,
    TrainingModule,
    TrainingProgramme,
    VolunteerApplication,
    VolunteerHours,
)
from ligesind.volunteers.services import fill_in_hours

# Hours the demo's peer guides logged themselves: (days ago, kind, hours, note).
LOGGED = [
    (9, HoursKind.MATCH, Decimal("1.5"), "Gåtur og kaffe med min match"),
    (23, HoursKind.MATCH, Decimal("1"), "Telefonsamtale"),
    (30, HoursKind.SUPERVISION, Decimal("2"), "Supervision i frivilliggruppen"),
    (75, HoursKind.TALK, Decimal("1.5"), "Oplæg på sprogskolen om peerstøtte"),
    (400, HoursKind.SUPERVISION, Decimal("2"), ""),
]

MODULES = [
    ("Peerstøtte og egen erfaring", 21),
    ("At lytte uden at give råd", 28),
    ("Grænser og at passe på sig selv", 35),
    ("Når det bliver svært: kriser og hvor man henviser til", 42),
]


def load_demo_volunteers() -> None:
    odense = Organisation.objects.filter(slug="peer-to-peer-odense").first()
    if odense is None:
        return
    programme, created = TrainingProgramme.objects.get_or_create(
        organisation=odense,
        name="Peerguide-uddannelsen",
        defaults={"description": "Fire aftener om at være peerguide.", "qualifies": True},
    )
    if created:
        start = timezone.now().replace(hour=17, minute=0, second=0, microsecond=0)
        for title, days in MODULES:
            TrainingModule.objects.create(
                programme=programme,
                title=title,
                starts_at=start + timedelta(days=days),
                place="Frivilligcenteret, Odense",
            )
    guides = RoleAssignment.objects.filter(role=Role.PEER_GUIDE, organisations=odense)
    for user_id in guides.values_list("user_id", flat=True):
        TrainingEnrolment.objects.get_or_create(
            programme=programme,
            volunteer_id=user_id,
            defaults={"completed_at": timezone.now() - timedelta(days=60)},
        )
    Organisation.objects.filter(pk=odense.pk).update(requires_training=True)
    applicant = User.objects.filter(email=f"medlem2@{DOMAIN}").first()
    place = Municipality.objects.filter(name="Odense").first()
    if applicant and place and not VolunteerApplication.objects.filter(applicant=applicant):
        VolunteerApplication.objects.create(
            applicant=applicant,
            organisation=odense,
            municipality=place,
            experience="Jeg har haft angst i mange år. I dag har jeg det meget bedre.",
            motivation="Jeg vil gerne vise andre, at det kan blive bedre.",
            wishes=["activities", "peermatch"],
            availability="Hverdagsaftener",
        )
    _load_demo_hours(odense)


def _load_demo_hours(odense: Organisation) -> None:
    guides = RoleAssignment.objects.filter(role=Role.PEER_GUIDE, organisations=odense)
    today = timezone.localdate()
    for user_id in guides.values_list("user_id", flat=True):
        if VolunteerHours.objects.filter(volunteer_id=user_id, source="").exists():
            continue
        VolunteerHours.objects.bulk_create(
            VolunteerHours(
                volunteer_id=user_id,
                organisation=odense,
                kind=kind,
                on=today - timedelta(days=days),
                hours=hours,
                note=note,
            )
            for days, kind, hours, note in LOGGED
        )
    fill_in_hours(since=datetime(2000, 1, 1, tzinfo=timezone.get_current_timezone()))
