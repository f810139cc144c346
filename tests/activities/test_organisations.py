"""Activities belong to an organisation and are about interests: the national calendar filters
by both, as a page and as a public iCal feed."""

from datetime import timedelta

import pytest
from django.urls import reverse
from icalendar import Calendar

from ligesind.accounts.models import Interest
from ligesind.activities import services
from ligesind.activities.models import Audience
from ligesind.core.errors import NotAllowed
from ligesind.organisations import services as organisations
from ligesind.organisations.models import Organisation
from tests.activities.conftest import activity_data
from tests.factories import UserFactory


@pytest.fixture
def project(guide) -> Organisation:
    organisation = Organisation.objects.create(
        name="Peer to Peer Odense", slug="p2p-odense", kind="volunteer_project", summary="Odense"
    )
    organisations.join_organisation(actor=guide, organisation=organisation)
    return organisation


@pytest.fixture
def network() -> Organisation:
    return Organisation.objects.create(
        name="Peer-Netværket", slug="peer-netvaerket", kind="network", summary="For peers"
    )


def test_a_guide_plans_for_their_organisation_only(guide, project, network):
    walking = list(Interest.objects.all()[:2])
    activity = services.create_activity(
        actor=guide,
        data=activity_data(organisation=project, interests=tuple(walking), occurrences=1),
    )[0]
    assert activity.organisation == project
    assert set(activity.interests.all()) == set(walking)
    with pytest.raises(NotAllowed):
        services.create_activity(actor=guide, data=activity_data(organisation=network))


def test_a_series_gets_its_interests_on_every_occurrence(guide, project):
    interest = Interest.objects.all()[0]
    series = services.create_activity(
        actor=guide,
        data=activity_data(recurrence="weekly", occurrences=3, interests=(interest,)),
    )
    assert [list(a.interests.all()) for a in series] == [[interest]] * 3


def test_editing_keeps_an_organisation_the_editor_does_not_belong_to(
    guide, project, network, coordinator, client
):
    activity = services.create_activity(actor=guide, data=activity_data(organisation=project))[0]
    client.force_login(coordinator)  # coordinates Odense, is not a member of the project
    page = client.get(reverse("activities:edit", args=[activity.pk])).content.decode()
    assert f'<option value="{project.pk}" selected>' in page
    changed = services.update_activity(
        actor=coordinator,
        activity=activity,
        data=activity_data(organisation=project, title="Ny titel"),
    )
    assert (changed.title, changed.organisation) == ("Ny titel", project)
    with pytest.raises(NotAllowed):
        services.update_activity(
            actor=coordinator, activity=activity, data=activity_data(organisation=network)
        )


def test_the_calendar_filters_by_organisation_and_interest(client, guide, project):
    about = Interest.objects.all()[0]
    services.create_activity(
        actor=guide, data=activity_data(title="Gåtur", organisation=project, interests=(about,))
    )
    services.create_activity(actor=guide, data=activity_data(title="Strikkecafé"))
    client.force_login(guide)
    url = reverse("activities:list")
    page = client.get(url, {"organisation": project.pk}).content.decode()
    assert "Gåtur" in page and "Strikkecafé" not in page and "Peer to Peer Odense" in page
    page = client.get(url, {"interest": about.pk}).content.decode()
    assert "Gåtur" in page and "Strikkecafé" not in page
    page = client.get(url, {"organisation": "999999"}).content.decode()
    assert "Marker en gyldig valgmulighed" in page  # a clear error, not a crash


def test_the_public_feed_holds_only_public_activities_and_honours_the_filters(
    client, guide, project
):
    services.create_activity(
        actor=guide,
        data=activity_data(title="Åben café", audience=Audience.EVERYONE, organisation=project),
    )
    services.create_activity(actor=guide, data=activity_data(title="Kun medlemmer"))
    services.create_activity(
        actor=guide,
        data=activity_data(
            title="Anden åben",
            audience=Audience.EVERYONE,
            starts_at=activity_data().starts_at + timedelta(days=1),
            ends_at=activity_data().ends_at + timedelta(days=1),
        ),
    )
    answer = client.get(reverse("activities:public_feed"))
    assert answer["Content-Type"].startswith("text/calendar")
    titles = {str(e["summary"]) for e in Calendar.from_ical(answer.content).walk("VEVENT")}
    assert titles == {"Åben café", "Anden åben"}
    answer = client.get(reverse("activities:public_feed"), {"organisation": project.pk})
    titles = {str(e["summary"]) for e in Calendar.from_ical(answer.content).walk("VEVENT")}
    assert titles == {"Åben café"}


def test_the_api_lists_the_calendar_with_the_same_filters_and_rules(client, guide, project):
    about = Interest.objects.all()[0]
    services.create_activity(
        actor=guide, data=activity_data(title="Gåtur", organisation=project, interests=(about,))
    )
    services.create_activity(
        actor=guide, data=activity_data(title="Kun frivillige", audience=Audience.VOLUNTEERS)
    )
    member = UserFactory.create(member__alias="Medlem")
    client.force_login(member)
    rows = client.get("/api/v1/activities").json()["items"]
    assert [row["title"] for row in rows] == ["Gåtur"]  # not the volunteers' own
    assert rows[0]["organisation"] == "p2p-odense" and rows[0]["interests"] == [about.slug]
    assert rows[0]["municipality"] == "odense"
    assert client.get("/api/v1/activities", {"organisation": "nobody"}).json()["items"] == []
    assert client.get("/api/v1/activities", {"interest": about.slug}).json()["count"] == 1
    assert client.get("/api/v1/activities", {"mode": "online"}).json()["count"] == 0
    assert client.get("/api/v1/activities", {"kind": "no-such"}).status_code == 422
