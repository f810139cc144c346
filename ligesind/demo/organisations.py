"""The four organisations of the seeds, with their municipalities and local contacts (the
people are invented; the demo coordinators' accounts are linked, never shown)."""

from typing import Any

from django.db.models import Q

from ligesind.accounts.events import role_changed
from ligesind.accounts.models import Interest, Role, RoleAssignment, User
from ligesind.activities.models import Accompaniment, Activity, CourseRun
from ligesind.community.models import Category, Group, GroupKind
from ligesind.core.models import Municipality
from ligesind.demo.people import DOMAIN, MEMBER_LOGIN
from ligesind.matching.models import Match
from ligesind.organisations.models import (
    LocalContact,
    Organisation,
    OrganisationKind,
    OrganisationMembership,
    Place,
)

ORGANISATIONS: list[dict[str, Any]] = [
    {
        "slug": "foreningen-peer-to-peer",
        "name": "Foreningen Peer to Peer",
        "kind": OrganisationKind.ASSOCIATION,
        "summary": "Det online fællesskab mellem ligestillede: chat, fora, netværksgrupper og"
        " fællesskaber for dig, der er ramt, pårørende eller begge dele.",
        "description": "Peer betyder ligestillet – én, der har prøvet det samme som dig.\n\n"
        "I fællesskabet deler vi livserfaringer med fx hjemløshed, misbrug, ensomhed,"
        " omsorgssvigt, overgreb, alvorlig sygdom eller psykiske problemer. Mange af os har"
        " begge kasketter på: både som ramt og som pårørende.\n\n"
        "Kontingentet går til foreningen, der driver og betaler for siden.",
        "municipalities": [],
        "contacts": [],
    },
    {
        "slug": "peer-to-peer-odense",
        "name": "Peer to Peer Odense",
        "kind": OrganisationKind.VOLUNTEER_PROJECT,
        "summary": "Et frivilligt projekt under Stoppestedet i Odense: aktiviteter, som"
        " frivillige laver ud fra deres interesser, og PeerMatch.",
        "description": "Peer to Peer Odense er et tilbud til dig, der ser dig selv som psykisk"
        " sårbar. Du vælger de aktiviteter, du synes om, eller du kan få et PeerMatch med en"
        " frivillig peer guide.\n\n"
        "De frivillige har selv en psykisk sårbarhed. De bestemmer retningen, og de har et"
        " arbejdsfællesskab, hvor de bruger hinanden til sparring.",
        "municipalities": ["Odense"],
        "contacts": [("Odense", "Anne Holm", f"koordinator.odense@{DOMAIN}")],
    },
    {
        "slug": "peer-netvaerket",
        "name": "Peer-Netværket",
        "kind": OrganisationKind.NETWORK,
        "summary": "Et landsdækkende netværk for dig, der arbejder som peer og bruger dine egne"
        " erfaringer til at støtte andre. Medlemskab er gratis.",
        "description": "Peer-Netværket blev sat i gang af frivillige foreninger, blandt andre"
        " LAP, SIND og Outsideren.\n\n"
        "Vi har netværks- og erfagrupper, fyraftensmøder, peer-caféer og medlemstræf, og vi"
        " rådgiver og holder oplæg og workshops på arbejdspladser.\n\n"
        "Medlemskab er gratis for lønnede og frivillige peers og for dig, der er under"
        " uddannelse eller søger job som peer.",
        "municipalities": [],
        "contacts": [],
    },
    {
        "slug": "peer-partnerskabet",
        "name": "Peer-Partnerskabet",
        "kind": OrganisationKind.PARTNERSHIP,
        "summary": "Gratis gruppeforløb (“Vejen til hverdagslivet”, 10 uger), følgeskab og"
        " forskning i fem kommuner.",
        "description": "Vi mødes to timer om ugen i 10 uger i små grupper, som frivillige med"
        " egen erfaring leder. Du kan også få følgeskab: en frivillig, der følger dig et stykke"
        " af vejen.\n\n"
        "Alle, du møder – forskere, medarbejdere og frivillige – har selv erfaring med psykiske"
        " kriser og sårbarhed.",
        "municipalities": ["Fredericia", "Helsingør", "København", "Gladsaxe", "Rødovre"],
        "contacts": [
            ("Fredericia", "Anne Holm", f"koordinator.odense@{DOMAIN}"),
            ("København", "Sara Nielsen", f"koordinator.kbh@{DOMAIN}"),
            ("Rødovre", "Sara Nielsen", f"koordinator.kbh@{DOMAIN}"),
            ("Helsingør", "Mads Krogh", f"koordinator.nord@{DOMAIN}"),
            ("Gladsaxe", "Mads Krogh", f"koordinator.nord@{DOMAIN}"),
        ],
    },
]


def load_demo_organisations() -> None:
    for data in ORGANISATIONS:
        organisation, _created = Organisation.objects.update_or_create(
            slug=data["slug"],
            defaults={key: data[key] for key in ("name", "kind", "summary", "description")},
        )
        places = {m.name: m for m in Municipality.objects.filter(name__in=data["municipalities"])}
        organisation.municipalities.set(places.values())
        for place, name, email in data["contacts"]:
            LocalContact.objects.update_or_create(
                organisation=organisation,
                municipality=places[place],
                name=name,
                defaults={"email": email, "user": User.objects.filter(email=email).first()},
            )

    _place_demo_activities()
    _keep_working_peers_forum()
    _demo_places()


def _demo_places() -> None:
    """Peer to Peer Odense meets in a partner's rooms (seed 001: the library, the volunteer
    centre)."""
    odense = Organisation.objects.get(slug="peer-to-peer-odense")
    town = Municipality.objects.get(name="Odense")
    for name, partner, address, access, notes in [
        (
            "Lokale 2",
            "Borgernes Hus, Odense Bibliotekerne",
            "Østre Stationsvej 15, 5000 Odense C",
            ["step_free", "toilet", "hearing_loop"],
            "Elevatoren er lige inden for hovedindgangen.",
        ),
        (
            "Mødelokalet",
            "Frivilligcenter Odense",
            "Vindegade 95, 5000 Odense C",
            ["step_free", "quiet_room"],
            "",
        ),
    ]:
        Place.objects.get_or_create(
            organisation=odense,
            name=name,
            defaults={
                "municipality": town,
                "partner": partner,
                "address": address,
                "access": access,
                "access_notes": notes,
            },
        )


def _keep_working_peers_forum() -> None:
    """Peer-Netværket keeps the "Working as a peer" forum to its members (seed 003); the
    demo's working peers are members of it, and so is the demo member medlem1."""
    network = Organisation.objects.get(slug="peer-netvaerket")
    Category.objects.filter(slug="working-peers").update(organisation=network)
    peers = User.objects.filter(Q(profile__works_as_peer=True) | Q(email=MEMBER_LOGIN))
    OrganisationMembership.objects.bulk_create(
        [OrganisationMembership(user=user, organisation=network) for user in peers],
        ignore_conflicts=True,
    )


def _place_demo_activities() -> None:
    """The demo's activities, courses, følgeskab and matches belong to the organisation working
    where they are (online activities to the association), each activity about one or two
    interests; staff join their organisations and act for them."""
    by_slug = {o.slug: o for o in Organisation.objects.prefetch_related("municipalities")}
    where = {m.pk: o for o in by_slug.values() for m in o.municipalities.all()}
    interests = list(Interest.objects.all())
    for n, activity in enumerate(Activity.objects.filter(organisation__isnull=True)):
        owner = where.get(activity.municipality_id or 0) or by_slug["foreningen-peer-to-peer"]
        activity.organisation = owner
        activity.save(update_fields=["organisation"])
        if interests:
            activity.interests.set(
                [interests[n % len(interests)], interests[(n * 7) % len(interests)]]
            )
    for assignment in RoleAssignment.objects.prefetch_related("municipalities"):
        mine = {where[p.pk] for p in assignment.municipalities.all() if p.pk in where}
        for organisation in mine:
            OrganisationMembership.objects.get_or_create(
                user_id=assignment.user_id, organisation=organisation
            )
        if assignment.role in (Role.COORDINATOR, Role.PEER_GUIDE, Role.EDITOR) and mine:
            assignment.organisations.set(mine)  # volunteers and staff act for theirs
            role_changed.send(sender=RoleAssignment, user=assignment.user)
    # The volunteers' groups made before the roles were scoped: now the organisations' own.
    shared = Group.objects.filter(kind=GroupKind.VOLUNTEERS, organisation__isnull=True)
    shared.filter(thread_count=0, activities__isnull=True).delete()
    for model in (CourseRun, Accompaniment, Match):  # courses, følgeskab and matches too
        for item in model.objects.filter(organisation__isnull=True, municipality__isnull=False):
            item.organisation = where.get(item.municipality_id or 0)
            item.save(update_fields=["organisation"])
