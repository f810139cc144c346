"""Every app that asks for a feature shows a member without it the way to it, never an error;
a level that opens a feature opens it in every app."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from ligesind.accounts.models import Role
from ligesind.activities import services as activities
from ligesind.activities.models import CourseTemplate
from ligesind.membership import services
from tests.activities.conftest import activity_data
from tests.factories import make_staff, municipality
from tests.membership.test_views import pay

LOCKED = "membership/locked.html"


@pytest.fixture
def activity(admin_user):
    guide = make_staff(Role.PEER_GUIDE, "Odense", admin=admin_user, alias="Guide")
    return activities.create_activity(actor=guide, data=activity_data())[0]


@pytest.fixture
def run(coordinator, admin_user):
    guide = make_staff(Role.PEER_GUIDE, "Odense", admin=admin_user, alias="Leder")
    return activities.create_course_run(
        actor=coordinator,
        template=CourseTemplate.objects.get(name="Vejen til hverdagslivet"),
        municipality=municipality("Odense"),
        place="Frivilligcenteret",
        first_session_at=timezone.now() + timedelta(days=7),
        leaders=[guide],
        capacity=2,
    )


def templates(response):
    return [t.name for t in response.templates]


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("messaging:inbox", []),
        ("community:groups", []),
        ("community:category", ["everyday-life"]),
        ("matching:home", []),
        ("activities:accompaniment_new", []),
    ],
)
def test_a_gated_page_is_the_calm_page_with_the_way_to_it(client, member, chat_level, name, args):
    client.force_login(member)
    response = client.get(reverse(name, args=args))
    assert response.status_code == 200
    assert LOCKED in templates(response)


def test_the_forum_index_names_the_levels_to_a_member_without_them(client, member, chat_level):
    client.force_login(member)
    page = client.get(reverse("community:index")).content.decode()
    assert "Foraene hører til et andet medlemskabsniveau." in page


def test_signing_up_and_enrolling_show_the_way_instead_of_the_button(
    client, member, chat_level, activity, run
):
    client.force_login(member)
    page = client.get(reverse("activities:detail", args=[activity.pk])).content.decode()
    assert "Tilmelding til aktiviteter hører til et andet medlemskabsniveau." in page
    assert reverse("activities:sign_up", args=[activity.pk]) not in page
    page = client.get(reverse("activities:course", args=[run.pk])).content.decode()
    assert "Forløb hører til et andet medlemskabsniveau." in page


def test_a_level_that_opens_a_feature_opens_it_in_every_app(
    client, member, full_level, treasurer, activity
):
    pay(treasurer, services.join_level(actor=member, level=full_level), 25)
    client.force_login(member)
    for name in ("messaging:inbox", "community:groups"):
        assert LOCKED not in templates(client.get(reverse(name)))
    assert LOCKED in templates(client.get(reverse("matching:home")))  # not in this level
    page = client.get(reverse("activities:detail", args=[activity.pk])).content.decode()
    assert reverse("activities:sign_up", args=[activity.pk]) in page
