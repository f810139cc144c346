"""Danish demo data: realistic, varied and safe to load again (idempotent).

Every demo account has the password ``DEMO_PASSWORD``. Staff accounts have two-factor login with a
fixed demo secret; ``python -m ligesind democode EMAIL`` prints their current code.
"""

import base64
import hashlib
import random
from dataclasses import dataclass

from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth.hashers import make_password
from django.db import transaction

from ligesind.accounts import services
from ligesind.accounts.consent import current_version
from ligesind.accounts.models import (
    ContactPreference,
    ExperienceCategory,
    Interest,
    Perspective,
    Role,
    SupportRole,
    User,
    Visibility,
)
from ligesind.accounts.permissions import has_two_factor
from ligesind.core.models import Municipality

DEMO_PASSWORD = "ligesind-demo"  # noqa: S105 - printed on purpose: demo only
DOMAIN = "demo.ligesind.dk"
DEMO_MUNICIPALITIES = ["Odense", "København", "Helsingør", "Fredericia", "Gladsaxe", "Rødovre"]

FIRST = [
    "Sol",
    "Hav",
    "Skov",
    "Eng",
    "Fjord",
    "Lyng",
    "Birke",
    "Storm",
    "Regn",
    "Strand",
    "Bølge",
    "Kilde",
    "Måne",
    "Stjerne",
    "Vinter",
    "Sommer",
    "Morgen",
    "Aften",
    "Klit",
    "Bakke",
]
SECOND = ["sti", "fugl", "lys", "hjerte", "drøm", "vind", "blomst", "ræv", "sang", "gnist"]
REAL_FIRST = [
    "Anne",
    "Mette",
    "Lars",
    "Søren",
    "Hanne",
    "Jens",
    "Louise",
    "Mads",
    "Camilla",
    "Peter",
    "Sofie",
    "Niels",
    "Ida",
    "Rasmus",
    "Line",
    "Henrik",
    "Maria",
    "Jonas",
]
REAL_LAST = [
    "Jensen",
    "Nielsen",
    "Hansen",
    "Pedersen",
    "Andersen",
    "Christensen",
    "Larsen",
    "Sørensen",
    "Rasmussen",
    "Jørgensen",
    "Petersen",
    "Madsen",
    "Kristensen",
]

OPENINGS = {
    "mental-vulnerability": [
        "Jeg fik en diagnose som 24-årig og har siden lært meget om, hvad der hjælper mig.",
        "Jeg har levet med angst og depression i mange år og har haft perioder med indlæggelse.",
    ],
    "addiction": [
        "Jeg har været ude i et misbrug og har nu været clean i nogle år.",
        "Min søn har kæmpet med misbrug, og jeg har lært, hvor ensomt det kan være som pårørende.",
    ],
    "homelessness": ["I en periode boede jeg på gaden og på herberg."],
    "loneliness": ["Ensomheden har fyldt meget, især efter jeg mistede mit arbejde."],
    "neglect": ["Jeg voksede op med omsorgssvigt og har brugt mange år på at forstå det."],
    "abuse": ["Jeg har været udsat for overgreb og er i dag et bedre sted."],
    "serious-illness": ["Jeg blev syg med kræft for nogle år siden og er nu i bedring."],
    "social-vulnerability": ["Jeg har haft svært ved at få hverdagen til at hænge sammen."],
    "trauma": ["Et traume har præget mit liv, men det definerer mig ikke."],
    "crisis": ["Jeg gik ned med stress og stod pludselig uden fodfæste."],
}
CLOSINGS = [
    "Gåture og kaffe med andre, der forstår, har betydet meget for mig.",
    "Jeg vil gerne dele mine erfaringer og lytte til dine.",
    "I dag har jeg et arbejde igen, og jeg vil gerne give noget videre.",
    "Jeg søger nogen at tale med, som har prøvet noget lignende.",
    "Det har hjulpet mig at møde andre i samme situation.",
]


@dataclass(frozen=True)
class DemoLogin:
    email: str
    role: str
    municipalities: tuple[str, ...] = ()


STAFF = (
    [
        DemoLogin(f"admin@{DOMAIN}", Role.ADMIN),
        DemoLogin(f"koordinator.odense@{DOMAIN}", Role.COORDINATOR, ("Odense", "Fredericia")),
        DemoLogin(f"koordinator.kbh@{DOMAIN}", Role.COORDINATOR, ("København", "Rødovre")),
        DemoLogin(f"koordinator.nord@{DOMAIN}", Role.COORDINATOR, ("Helsingør", "Gladsaxe")),
        DemoLogin(f"moderator@{DOMAIN}", Role.MODERATOR),
        DemoLogin(f"forsker@{DOMAIN}", Role.RESEARCHER),
        DemoLogin(f"kasserer@{DOMAIN}", Role.TREASURER),
    ]
    + [
        DemoLogin(f"peerguide{n}@{DOMAIN}", Role.PEER_GUIDE, (place,))
        for n, place in enumerate(DEMO_MUNICIPALITIES * 2, start=1)
    ]
    + [DemoLogin(f"redaktoer@{DOMAIN}", Role.EDITOR, ("Fredericia",))]
)
MEMBER_COUNT = 64
MEMBER_LOGIN = f"medlem1@{DOMAIN}"


def demo_totp_secret(email: str) -> str:
    """A fixed, per-account demo secret (base32), so codes keep working across reloads."""
    digest = hashlib.sha256(f"ligesind-demo:{email}".encode()).digest()
    return base64.b32encode(digest[:20]).decode()


def _account(email: str, password_hash: str) -> User:
    user, _created = User.objects.get_or_create(email=email)
    user.password = password_hash
    user.is_active = True
    user.save()
    EmailAddress.objects.update_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    services.register_member(
        user=user, adult_confirmed=True, consent_version=current_version(), language="da"
    )
    return user


def _profile_data(
    rng: random.Random, alias: str, staff: bool, home: Municipality | None = None
) -> services.ProfileData:
    categories = list(ExperienceCategory.objects.all())
    interests = list(Interest.objects.all())
    places = list(Municipality.objects.filter(name__in=DEMO_MUNICIPALITIES))
    chosen = rng.sample(categories, rng.choice([1, 1, 2, 2, 3]))
    experiences = {
        c.pk: rng.choice(
            [Perspective.AFFECTED, Perspective.AFFECTED, Perspective.RELATIVE, Perspective.BOTH]
        )
        for c in chosen
    }
    story = " ".join([rng.choice(OPENINGS[c.slug]) for c in chosen[:2]] + [rng.choice(CLOSINGS)])
    open_level = [
        Visibility.MEMBERS,
        Visibility.MEMBERS,
        Visibility.CONTACTS,
        Visibility.COORDINATORS,
    ]
    return services.ProfileData(
        alias=alias,
        real_name=f"{rng.choice(REAL_FIRST)} {rng.choice(REAL_LAST)}",
        real_name_visibility=rng.choice([Visibility.ONLY_ME, Visibility.COORDINATORS]),
        municipality=home or rng.choice(places),
        municipality_visibility=rng.choice(open_level),
        experiences=experiences,
        experiences_visibility=rng.choice(open_level),
        story=story,
        story_visibility=rng.choice([Visibility.MEMBERS, Visibility.CONTACTS, Visibility.ONLY_ME]),
        interests=tuple(rng.sample(interests, rng.randint(1, 4))),
        interests_visibility=rng.choice(open_level),
        languages=("da",) + (("en",) if rng.random() < 0.5 else ()),
        languages_visibility=Visibility.MEMBERS,
        contact_preference=rng.choice(list(ContactPreference)),
        contact_preference_visibility=rng.choice(open_level),
        support_role=SupportRole.OFFERS if staff else rng.choice(list(SupportRole)),
        support_role_visibility=rng.choice(open_level),
        works_as_peer=staff or len(alias) % 3 == 0,  # about a third; leaves the rng untouched
    )


@transaction.atomic
def load_demo() -> list[DemoLogin]:
    rng = random.Random(2016)  # the year Peer to Peer Odense started
    password_hash = make_password(DEMO_PASSWORD)
    aliases = [a + b for a in FIRST for b in SECOND]
    rng.shuffle(aliases)
    admin = _account(STAFF[0].email, password_hash)
    User.objects.filter(pk=admin.pk).update(is_staff=True, is_superuser=True)
    admin.refresh_from_db()
    logins = []
    for n, login in enumerate(STAFF):
        user = _account(login.email, password_hash)
        if not has_two_factor(user):
            TOTP.activate(user, demo_totp_secret(login.email))
        places = list(Municipality.objects.filter(name__in=login.municipalities))
        services.grant_role(actor=admin, user=user, role=Role(login.role), municipalities=places)
        data = _profile_data(rng, aliases[n], staff=True, home=places[0] if places else None)
        services.update_profile(actor=user, data=data)
        logins.append(login)
    for n in range(1, MEMBER_COUNT + 1):
        user = _account(f"medlem{n}@{DOMAIN}", password_hash)
        data = _profile_data(rng, aliases[len(STAFF) + n], staff=False)
        services.update_profile(actor=user, data=data)
    return logins
