"""Demo forum threads and groups, so the forums are not empty when someone tries the demo
(idempotent)."""

from datetime import datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from ligesind.accounts.models import User
from ligesind.community import services
from ligesind.community.models import Category, Group, GroupKind, Thread, Visibility

DOMAIN = "demo.ligesind.dk"

# category, author, title, opening post, anonymous, [(member, reply)]
THREADS = [
    ("welcome", 4, "Hej fra en ny her", "Hej alle sammen. Jeg er ny her og lidt nervøs for at skrive. Jeg har selv haft angst i mange år og er også pårørende til min bror.", False, [
        (1, "Velkommen! Det er helt i orden at være nervøs. Skriv lige så meget eller lidt, du har lyst til."),
        (5, "Velkommen til. Jeg kender godt det med at være både selv ramt og pårørende."),
    ]),
    ("everyday-life", 1, "Små ting, der hjælper på en tung dag", "Hvad gør I på de dage, hvor alt føles tungt? Jeg prøver at gå en lille tur, selv hvis det kun er rundt om blokken.", False, [
        (2, "Jeg skriver tre små ting ned, jeg har nået. Også bare at have lavet kaffe."),
        (3, "Musik. Og at sige det højt til nogen, at det er en tung dag."),
        (6, "Jeg har en aftale med en ven om at sende en sms hver morgen. Det hjælper mig ud af sengen."),
    ]),
    ("addiction", 7, "Et år uden alkohol", "I dag er det et år siden, jeg drak sidst. Misbruget fyldte alt i ti år. Jeg ville bare dele det med nogen, der forstår.", False, [
        (8, "Stort tillykke! Det giver mig håb. Jeg er på dag 40."),
        (2, "Tak fordi du deler. Mit eget misbrug fylder mindre nu, og det er rart at læse om andres vej."),
    ]),
    ("relatives", 9, "Når ens barn ikke vil have hjælp", "Min datter på 24 er syg, men vil ikke tale med nogen. Jeg er så træt. Er der andre forældre, der kender det?", True, [
        (10, "Ja, det kender jeg. Det hjalp mig at finde andre pårørende, så jeg ikke stod alene med det."),
    ]),
    ("loneliness", 11, "Søndage er de værste", "Om søndagen er der så stille. Alle andre ser ud til at have nogen at være sammen med.", True, [
        (3, "Jeg genkender det meget. Måske kunne vi lave en søndagstråd, hvor vi skriver hvad vi laver?"),
    ]),
    ("creative-corner", 12, "Digt: Efter stormen", "Efter stormen\ner havet stille\nog jeg tør igen\nse mig selv i vandet.", False, []),
]  # fmt: skip

GROUPS = [
    (1, "Gåturs-netværket på Fyn", GroupKind.NETWORK, Visibility.OPEN,
     "Vi går ture sammen rundt på Fyn og skriver sammen om, hvor vi går næste gang.", [2, 3, 5]),
    (2, "Erfagruppe: angst i hverdagen", GroupKind.EXPERIENCE, Visibility.REQUEST,
     "En lille erfagruppe for dig med angst. Vi deler erfaringer, ikke råd.", [6, 7]),
    (9, "Forældre til unge med psykisk sygdom", GroupKind.COMMUNITY, Visibility.HIDDEN,
     "Et lukket fællesskab for forældre. Kun efter invitation.", [10]),
]  # fmt: skip


def _walk_event(group: Group) -> None:
    """The walking network's own event, for its members only."""
    from ligesind.activities import services as activities
    from ligesind.activities.models import ActivityKind, Audience
    from ligesind.core.models import Municipality

    day = timezone.localdate() + timedelta(days=4)
    start = timezone.make_aware(datetime.combine(day, time(10, 0)))
    activities.create_activity(
        actor=_member(1),
        data=activities.ActivityData(
            kind=ActivityKind.ACTIVITY,
            title="Gåtur langs Odense Å",
            description="Vi mødes ved Munke Mose og går i roligt tempo. Kun for netværkets medlemmer.",
            municipality=Municipality.objects.get(name="Odense"),
            place="Munke Mose, Odense C",
            starts_at=start,
            ends_at=start + timedelta(hours=2),
            capacity=10,
            audience=Audience.GROUP,
            group=group,
        ),
    )


def _member(n: int) -> User:
    return User.objects.get(email=f"medlem{n}@{DOMAIN}")


@transaction.atomic
def load_demo_community() -> None:
    if Thread.objects.filter(author__email__endswith=DOMAIN).exists():
        return
    for slug, author, title, body, anonymous, replies in THREADS:
        thread = services.start_thread(
            actor=_member(author),
            category=Category.objects.get(slug=slug),
            title=title,
            body=body,
            anonymous=anonymous,
        )
        for who, text in replies:
            services.reply_to_thread(actor=_member(who), thread=thread, body=text)
        first = thread.posts.get(number=1)
        for who, _text in replies[:2]:
            services.toggle_reaction(actor=_member(who), post=first, kind="recognise")
    for owner, name, kind, visibility, about, members in GROUPS:
        group = services.create_group(
            actor=_member(owner), name=name, kind=kind, visibility=visibility, description=about
        )
        for n in members:
            if visibility == Visibility.HIDDEN:
                services.invite_to_group(
                    actor=_member(owner), group=group, alias=_member(n).profile.alias
                )
            services.join_group(actor=_member(n), group=group)
    walks = Group.objects.get(name=GROUPS[0][1])
    _walk_event(walks)
    services.start_thread(
        actor=_member(2),
        group=walks,
        title="Tur langs Odense Å på lørdag?",
        body="Er der nogen, der har lyst til en tur langs åen lørdag kl. 10? Vi mødes ved Munke Mose.",
    )
