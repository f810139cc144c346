"""Demo activities, a course and accompaniment requests (idempotent), always in the future."""

from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from ligesind.accounts.models import User
from ligesind.activities import services
from ligesind.activities.forms import local_datetime
from ligesind.activities.models import Activity, ActivityKind, Audience, CourseTemplate, Recurrence
from ligesind.core.models import Municipality

DOMAIN = "demo.ligesind.dk"

ACTIVITIES = [
    ("peerguide1", ActivityKind.PEER_CAFE, "Peer-café på biblioteket", "Odense", "Østre Stationsvej 15, Odense C", 3, time(16, 30), 120, 12, Audience.MEMBERS, Recurrence.WEEKLY, 8,
     "Kom forbi til en kop kaffe og en snak med andre, der kender til psykisk sårbarhed – selv eller som pårørende. Du behøver ikke sige noget. Vi lytter."),
    ("peerguide7", ActivityKind.ACTIVITY, "Gåtur i Fruens Bøge", "Odense", "P-pladsen ved Fruens Bøge Station", 5, time(10, 0), 90, 6, Audience.EVERYONE, Recurrence.NONE, 1,
     "En rolig gåtur i skoven. Vi går i det tempo, den langsomste har. Husk gode sko."),
    ("peerguide2", ActivityKind.AFTER_WORK, "Fyraftensmøde for arbejdende peers", "København", "Nørrebrogade 52, 2200 København N", 2, time(17, 0), 120, 20, Audience.WORKING_PEERS, Recurrence.FORTNIGHTLY, 6,
     "Et fyraftensmøde for dig, der bruger dine levede erfaringer i dit arbejde. Vi deler erfaringer og sparrer med hinanden."),
    ("peerguide8", ActivityKind.WORKSHOP, "Kreativt værksted: collage", "København", "Kulturhuset Islands Brygge", 6, time(13, 0), 180, 10, Audience.MEMBERS, Recurrence.NONE, 1,
     "Vi klipper, klistrer og hygger. Alle materialer er der. Ingen forudsætninger."),
    ("peerguide3", ActivityKind.GROUP_MEETING, "Online-samtalecafé for pårørende", None, "", 1, time(19, 30), 60, 15, Audience.MEMBERS, Recurrence.WEEKLY, 6,
     "En stille online-café for pårørende. Kamera er frivilligt."),
    ("peerguide6", ActivityKind.ACTIVITY, "Sparring for frivillige", "Rødovre", "Rødovre Bibliotek, mødelokale 2", 4, time(18, 0), 90, None, Audience.VOLUNTEERS, Recurrence.NONE, 1,
     "Frivillige bruger hinanden som sparringspartnere: hvad går godt, hvad er svært?"),
    ("koordinator.kbh", ActivityKind.MEMBER_MEETING, "Medlemstræf", "København", "Folkets Hus, Enghavevej 14", 20, time(11, 0), 300, 80, Audience.MEMBERS, Recurrence.NONE, 1,
     "Årets medlemstræf med oplæg, workshops og god mad. Alle medlemmer er velkomne."),
]  # fmt: skip


def _user(name: str) -> User:
    return User.objects.get(email=f"{name}@{DOMAIN}")


def _next(weekday: int, at: time, weeks_ahead: int = 0) -> datetime:
    """The next given weekday (0 = Monday) at a local time, at least a day from now."""
    today = timezone.localdate() + timedelta(days=1)
    day: date = today + timedelta(days=(weekday - today.weekday()) % 7, weeks=weeks_ahead)
    return local_datetime(day, at)


@transaction.atomic
def load_demo_activities() -> None:
    if Activity.objects.exists():
        return
    for (
        who,
        kind,
        title,
        place,
        address,
        weekday,
        at,
        minutes,
        cap,
        audience,
        rec,
        n,
        text,
    ) in ACTIVITIES:
        start = _next(weekday % 7, at)
        services.create_activity(
            actor=_user(who),
            data=services.ActivityData(
                kind=kind,
                title=title,
                description=text,
                online=place is None,
                municipality=Municipality.objects.get(name=place) if place else None,
                place=address,
                meeting_link="https://meet.jit.si/ligesind-demo-paaroerende" if not place else "",
                starts_at=start,
                ends_at=start + timedelta(minutes=minutes),
                capacity=cap,
                audience=audience,
                recurrence=rec,
                occurrences=n,
            ),
        )
    walk = Activity.objects.get(title="Gåtur i Fruens Bøge")
    for n in range(2, 10):  # six places: the last two wait
        services.sign_up(actor=_user(f"medlem{n}"), activity=walk)
    cafe = Activity.objects.filter(title="Peer-café på biblioteket").first()
    if cafe:
        services.sign_up(actor=_user("medlem1"), activity=cafe)
    _load_courses()
    _load_accompaniment()


def _load_courses() -> None:
    template = CourseTemplate.objects.get(name="Vejen til hverdagslivet")
    odense = services.create_course_run(
        actor=_user("koordinator.odense"),
        template=template,
        municipality=Municipality.objects.get(name="Odense"),
        place="Frivilligcenter Odense, Vindegade 37",
        first_session_at=_next(1, time(17, 0), weeks_ahead=1),
        leaders=[_user("peerguide1"), _user("peerguide7")],
    )
    for n in (1, *range(10, 18)):
        services.enrol(actor=_user(f"medlem{n}"), run=odense)
    services.create_course_run(
        actor=_user("koordinator.kbh"),
        template=template,
        municipality=Municipality.objects.get(name="København"),
        place="Nørrebrogade 52, 2200 København N",
        first_session_at=_next(2, time(10, 0), weeks_ahead=3),
        leaders=[_user("peerguide2")],
        capacity=8,
    )


def _load_accompaniment() -> None:
    odense = Municipality.objects.get(name="Odense")
    services.request_accompaniment(
        actor=_user("medlem1"),
        municipality=odense,
        what="Jeg vil gerne med til peer-caféen, men tør ikke gå derhen alene første gang.",
        where="Peer-café på biblioteket, Odense",
        when=_next(3, time(16, 15)),
    )
    item = services.request_accompaniment(
        actor=_user("medlem12"),
        municipality=odense,
        what="Følgeskab til en samtale på jobcentret.",
        where="Jobcenter Odense",
        when=_next(0, time(9, 30), weeks_ahead=1),
    )
    services.offer_accompaniment(actor=_user("peerguide7"), item=item)
