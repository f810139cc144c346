"""Demo conversations, so the chat is not empty when someone tries the demo (idempotent)."""

from django.db import transaction

from ligesind.accounts.models import User
from ligesind.messaging import services
from ligesind.messaging.models import MessageRequest, Participant

DOMAIN = "demo.ligesind.dk"

TALKS = [
    (2, [
        (1, "Hej! Jeg så, at du også kender til ensomhed. Har du lyst til at skrive lidt?"),
        (2, "Ja, meget gerne. Det er rart at skrive med en, der forstår det."),
        (1, "Hvad plejer at hjælpe dig på de tunge dage?"),
        (2, "Gåture, faktisk. Og at have en aftale med nogen, så jeg kommer ud af døren."),
    ]),
    (3, [
        (3, "Tak for din besked i går. Jeg tænkte over det, du skrev om at være pårørende."),
        (1, "Det var godt at høre. Jeg lytter gerne, hvis du vil fortælle mere."),
    ]),
]  # fmt: skip


def _member(n: int) -> User:
    return User.objects.get(email=f"medlem{n}@{DOMAIN}")


@transaction.atomic
def load_demo_messages() -> None:
    first = _member(1)
    if Participant.objects.filter(user=first).exists():
        return
    for other, lines in TALKS:
        people = {1: first, other: _member(other)}
        conversation = services.open_conversation(people=list(people.values()), kind="direct")
        for n, (who, text) in enumerate(lines):
            services.send_message(
                actor=people[who],
                conversation=conversation,
                body=text,
                client_key=f"demo-{other}-{n}",
            )
    guide = User.objects.get(email=f"peerguide1@{DOMAIN}")
    group = services.open_conversation(
        people=[guide, first, _member(5), _member(6)], title="Fyraftensmøde Odense"
    )
    services.send_message(
        actor=guide,
        conversation=group,
        body="Velkommen til gruppen! Vi mødes torsdag kl. 16.30 på biblioteket. Alle er velkomne.",
        client_key="demo-group-0",
    )
    if not MessageRequest.objects.filter(receiver=first).exists():
        MessageRequest.objects.create(
            sender=_member(4),
            receiver=first,
            body="Hej, jeg læste din profil og kunne godt tænke mig at skrive med dig.",
        )
