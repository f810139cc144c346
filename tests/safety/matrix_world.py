"""The people and things the authorization matrix probes every URL with.

Roles: anonymous, member (Alice, who owns the things), another member (Eve), a member Alice
blocked, a peer guide (Odense, organises the activity and leads the course), a coordinator of
another municipality (Aalborg), a coordinator of another organisation in the same municipality
(Peer-Partnerskabet in Odense), staff of another organisation (its treasurer), a moderator, an
admin. The activity, course, følgeskab and match belong to Peer to Peer Odense.
"""

from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal
from typing import Any

from django.utils import timezone

from ligesind.accounts import services as accounts
from ligesind.accounts.models import ExperienceCategory, Role, RoleAssignment, User
from ligesind.activities import services as activities
from ligesind.activities.models import CourseTemplate
from ligesind.community import services as community
from ligesind.community.models import Category
from ligesind.core.services import notify
from ligesind.matching import services as matching
from ligesind.matching.models import CheckIn
from ligesind.membership import services as fees
from ligesind.membership.features import Feature
from ligesind.membership.models import FeeLevel, Provider, StatementLine
from ligesind.messaging import services as messaging
from ligesind.organisations import services as organisations
from ligesind.organisations.models import ContactRequest, Place
from ligesind.research import services as research
from ligesind.research.models import TeamMember
from ligesind.safety import services as safety
from ligesind.safety.models import CrisisAlert, CrisisTerm
from ligesind.volunteers import services as volunteers
from ligesind.workplaces.models import WorkplaceRequest
from tests.activities.conftest import activity_data
from tests.factories import UserFactory, make_admin, make_organisation, make_staff, municipality
from tests.matching.conftest import prefs

ROLES = (
    "anonymous",
    "member",
    "another_member",
    "blocked_member",
    "peer_guide",
    "far_coordinator",
    "other_coordinator",
    "other_staff",
    "moderator",
    "admin",
)


@dataclass
class World:
    users: dict[str, User | None]
    ids: dict[str, Any] = field(default_factory=dict)
    clients: dict[str, Any] = field(default_factory=dict)


def build_world() -> World:
    shared = {ExperienceCategory.objects.get(slug="addiction").pk: "affected"}
    odense = municipality("Odense")

    def person(alias: str) -> User:
        return UserFactory.create(
            member__alias=alias, member__experiences=shared, member__municipality=odense
        )

    admin = make_admin()
    alice, bob, eve, blocked = (person(a) for a in ["Alice", "Bob", "Eve", "Spærret"])
    organisation = make_organisation(
        "Peer to Peer Odense", "p2p-odense", "Odense", kind="volunteer_project"
    )
    partnership = make_organisation("Peer-Partnerskabet", "partnerskabet", "Odense")
    ours, theirs = [organisation], [partnership]
    guide = make_staff(Role.PEER_GUIDE, "Odense", admin=admin, alias="Guide", organisations=ours)
    organisations.join_organisation(actor=guide, organisation=organisation)
    far = make_staff(Role.COORDINATOR, "Aalborg", admin=admin, alias="Nordkoordinator")
    near = make_staff(
        Role.COORDINATOR, "Odense", admin=admin, alias="Odensekoordinator", organisations=ours
    )
    other_coordinator = make_staff(
        Role.COORDINATOR, "Odense", admin=admin, alias="Partnerkoordinator", organisations=theirs
    )
    other_staff = make_staff(Role.TREASURER, admin=admin, alias="Kasserer", organisations=theirs)
    moderator = make_staff(Role.MODERATOR, admin=admin, alias="Moderator")
    accounts.block_user(actor=alice, target=blocked)
    ids: dict[str, Any] = {}

    chat = messaging.open_conversation(people=[alice, bob], kind="direct")
    ids["conversation"] = chat.pk
    ids["alice_message"] = messaging.send_message(actor=alice, conversation=chat, body="Hej").pk
    bob_message = messaging.send_message(actor=bob, conversation=chat, body="Hej med dig")
    ids["bob_message"] = bob_message.pk
    ids["request"] = messaging.send_message_request(actor=eve, receiver=alice, body="Må jeg?").pk
    ids["notification"] = notify(alice, "role_granted", params={"role": "x"}).pk
    ids["token"] = accounts.create_access_token(actor=alice, name="Min app")[0].pk
    ids["feed_token"] = activities.create_calendar_feed(actor=alice).token
    ids["feed"] = alice.calendar_feeds.get().pk

    start = timezone.now() + timedelta(days=3)
    activity = activities.create_activity(
        actor=guide, data=activity_data(starts_at=start, organisation=organisation)
    )[0]
    ids["activity"] = activity.pk
    run = activities.create_course_run(
        actor=near,
        template=CourseTemplate.objects.get(name="Vejen til hverdagslivet"),
        municipality=odense,
        place="Frivilligcenteret",
        first_session_at=start + timedelta(days=4),
        leaders=[guide],
        capacity=5,
        organisation=organisation,
    )
    ids["course"] = run.pk
    ids["session"] = run.sessions.earliest("starts_at").pk
    ids["accompaniment"] = activities.request_accompaniment(
        actor=alice,
        municipality=odense,
        what="Lægebesøg",
        where="Odense",
        when=start,
        organisation=organisation,
    ).pk

    accounts.update_profile(
        actor=guide,
        data=accounts.ProfileData(alias="Guide", experiences=shared, municipality=odense),
    )
    prefs(alice, seeking=True, hope="guide")
    prefs(guide, offers_support=True, capacity=2)
    match = matching.request_match(actor=alice, partner=guide)
    match = matching.accept_match(actor=guide, match=match)
    if match.status == "awaiting_approval":
        match = matching.approve_match(actor=near, match=match)
    ids["match"] = match.pk
    check_in = CheckIn.objects.filter(match=match, user=alice).first()
    ids["check_in"] = check_in.pk if check_in else 0

    thread = community.start_thread(
        actor=alice, category=Category.objects.get(slug="everyday-life"), title="Tråd", body="Hej"
    )
    ids["thread"] = thread.pk
    ids["alice_post"] = thread.posts.get().pk
    ids["bob_post"] = community.reply_to_thread(actor=bob, thread=thread, body="Hej Alice").pk
    group = community.create_group(
        actor=alice, name="Alices lukkede gruppe", kind="community", visibility="hidden"
    )
    ids["group"] = group.pk
    community.invite_to_group(actor=alice, group=group, alias="Bob")
    community.join_group(actor=bob, group=group)
    ids["group_membership"] = group.memberships.get(user=bob).pk

    messaging.send_message(actor=alice, conversation=chat, body="Jeg vil ikke leve mere")
    ids["alert"] = CrisisAlert.objects.get(author=alice).pk
    ids["term"] = CrisisTerm.objects.first().pk  # type: ignore[union-attr]
    report = safety.report_content(
        actor=bob, kind="message", object_id=ids["alice_message"], reason="spam"
    )
    ids["report"] = report.pk
    decision = safety.take_decision(actor=moderator, report=report, kind="warn", reason="Husk")
    ids["decision"] = decision.pk
    ids["appeal"] = safety.appeal_decision(actor=alice, action=decision, text="Uenig").pk
    ids["role"] = RoleAssignment.objects.get(user=guide).pk
    ids.update(bob=bob.pk, eve=eve.pk, guide=guide.pk)
    ids["alice_public_id"] = alice.profile.public_id
    ids["alice_profile"] = alice.profile.pk
    ids["bob_public_id"] = bob.profile.public_id
    ids["guide_public_id"] = guide.profile.public_id
    ids["organisation"] = organisation.slug
    ids["application"] = volunteers.apply_to_volunteer(
        actor=alice,
        data=volunteers.ApplicationData(
            organisation=organisation,
            municipality=odense,
            experience="Depression",
            motivation="Give videre",
            wishes=["activities"],
        ),
    ).pk
    ids["training"] = volunteers.create_training(
        actor=admin,
        organisation=organisation,
        name="Peerguide-uddannelsen",
        description="",
        qualifies=True,
    ).pk
    ids["hours"] = volunteers.log_hours(
        actor=guide,
        data=volunteers.HoursData(
            kind="supervision",
            on=timezone.localdate(),
            hours=Decimal("2"),
            organisation=organisation,
        ),
    ).pk
    ids["place"] = Place.objects.create(
        organisation=organisation, municipality=odense, name="Lokale 2", address="Vej 1"
    ).pk
    ids["workplace_request"] = WorkplaceRequest.objects.create(
        organisation=organisation, workplace="Jobcentret", contact_name="Ib", reach="ib@ex.org"
    ).pk
    ids["contact_request"] = ContactRequest.objects.create(
        organisation=organisation, topic="other", sender=alice, text="Hej"
    ).pk
    ids.update(fees_world(partnership, [alice, bob, eve, blocked], other_staff))
    ids.update(research_world(partnership, alice, other_staff, admin))
    users: dict[str, User | None] = {
        "anonymous": None,
        "member": alice,
        "another_member": eve,
        "blocked_member": blocked,
        "peer_guide": guide,
        "far_coordinator": far,
        "other_coordinator": other_coordinator,
        "other_staff": other_staff,
        "moderator": moderator,
        "admin": admin,
    }
    return World(users=users, ids=ids)


def fees_world(organisation: Any, people: list[User], treasurer: User) -> dict[str, Any]:
    """Peer-Partnerskabet asks a fee (its treasurer is "other_staff"); the members pay for
    every feature, so the rest of the matrix sees them as before."""
    full = FeeLevel.objects.create(
        organisation=organisation,
        name="Fuldt fællesskab",
        description="Alt",
        price=Decimal(300),
        period="year",
        features=list(Feature.values),
    )
    free = FeeLevel.objects.create(
        organisation=organisation,
        name="Peer-netværk",
        description="Gratis",
        period="free",
        on_declaration=True,
        features=["community"],
    )
    payments = [
        fees.register_payment(
            actor=treasurer,
            subscription=fees.join_level(actor=person, level=full),
            amount=Decimal(300),
            paid_on=timezone.localdate(),
            provider=Provider.MANUAL,
        )
        for person in people
    ]
    line = StatementLine.objects.create(
        organisation=organisation,
        booked_on=timezone.localdate(),
        amount=Decimal(50),
        text="Gave",
        fingerprint="gift",
    )
    declaration = fees.declare_for_free(actor=people[0], level=free, kind="student", text="Læser")
    return {
        "fee_organisation": organisation.slug,
        "level": full.pk,
        "free_level": free.pk,
        "payment": payments[0].pk,
        "line": line.pk,
        "declaration": declaration.pk,
    }


def research_world(organisation: Any, alice: User, researcher: User, admin: User) -> dict[str, Any]:
    """Peer-Partnerskabet's study; "other_staff" is also a researcher on its team; Alice has
    consented and her baseline questionnaire is due."""
    from tests.research.conftest import make_study

    study = make_study(organisation)
    accounts.grant_role(
        actor=admin, user=researcher, role=Role.RESEARCHER, organisations=[organisation]
    )
    TeamMember.objects.create(study=study, user=researcher)
    questions = {q.pk: q.eligible_answer for q in study.questions.all()}
    participant = research.screen(actor=alice, study=study, answers=questions)
    research.give_consent(
        actor=alice, participant=participant, statements=[0, 1], typed_name="Alice A"
    )
    instrument = research.save_instrument(
        actor=researcher,
        study=study,
        name="Søvn",
        key="sleep",
        lines="sleep | likert | Hvor godt har du sovet? | 0=Dårligt; 1=Godt | required",
        instrument=None,
    )
    return {
        "study": study.slug,
        "baseline": study.timepoints.get(days=0).pk,
        "instrument": instrument.pk,
    }
