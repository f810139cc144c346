"""Every activities page for each role that may and may not use it."""

import pytest
from django.urls import reverse

from ligesind.accounts import services as account_services
from ligesind.activities import services
from ligesind.activities.models import Audience, Signup
from tests.activities.conftest import activity_data
from tests.factories import UserFactory, municipality

ROLES = ["anonymous", "member", "other", "blocked", "guide", "coordinator", "far", "admin"]
A, M, OT, B, G, C, F, D = ROLES  # short names for the table below
LOGIN = 302


@pytest.fixture
def world(guide, coordinator, far_coordinator, admin_user, member, other, make_activity, run):
    blocked = UserFactory.create(member__alias="Blokeret")
    account_services.block_user(actor=blocked, target=guide)
    activity = make_activity()
    services.sign_up(actor=member, activity=activity)
    services.enrol(actor=member, run=run)
    item = services.request_accompaniment(
        actor=member,
        municipality=municipality("Odense"),
        what="Til lægen",
        where="Lægehuset",
        when=activity.starts_at,
    )
    people = {
        M: member,
        OT: other,
        B: blocked,
        G: guide,
        C: coordinator,
        F: far_coordinator,
        D: admin_user,
    }
    return people, activity, run, run.sessions.first(), item


def everyone_but(*roles, code=404):
    return {role: (code if role in roles else 200) for role in ROLES}


def table(activity, run, session, item):
    only_logged_in = everyone_but(A, code=LOGIN)
    return {
        reverse("activities:list"): everyone_but(),
        reverse("activities:courses"): everyone_but(),
        reverse("activities:course", args=[run.pk]): everyone_but(),
        reverse("activities:create"): {**everyone_but(M, OT, B), A: LOGIN},
        reverse("activities:mine"): only_logged_in,
        reverse("activities:calendar"): only_logged_in,
        reverse("activities:accompaniments"): only_logged_in,
        reverse("activities:accompaniment_new"): only_logged_in,
        reverse("activities:detail", args=[activity.pk]): everyone_but(A, B),
        reverse("activities:edit", args=[activity.pk]): {**everyone_but(M, OT, B, F), A: LOGIN},
        reverse("activities:cancel", args=[activity.pk]): {**everyone_but(M, OT, B, F), A: LOGIN},
        reverse("activities:course_create"): {**everyone_but(M, OT, B, G), A: LOGIN},
        reverse("activities:session", args=[session.pk]): {**everyone_but(M, OT, B, F), A: LOGIN},
        reverse("activities:accompaniment", args=[item.pk]): {**everyone_but(OT, B, F), A: LOGIN},
    }


def test_every_page_for_every_role(client, world):
    people, activity, run, session, item = world
    for url, expected in table(activity, run, session, item).items():
        for role in ROLES:
            client.logout()
            if role != A:
                client.force_login(people[role])
            status = client.get(url).status_code
            assert status == expected[role], f"{url} as {role}: {status}"


def test_post_only_actions_refuse_get(client, world):
    people, activity, run, _session, _item = world
    client.force_login(people[M])
    for name in ("sign_up", "leave", "attendance"):
        assert client.get(reverse(f"activities:{name}", args=[activity.pk])).status_code == 405
    for name in ("course_enrol", "course_withdraw"):
        assert client.get(reverse(f"activities:{name}", args=[run.pk])).status_code == 405


def test_attendee_data_only_for_organisers(client, world, make_activity):
    people, activity, *_ = world
    client.force_login(people[OT])
    page = client.get(reverse("activities:detail", args=[activity.pk])).content.decode()
    assert "Solhjerte" not in page  # the member who signed up
    client.force_login(people[G])
    page = client.get(reverse("activities:detail", args=[activity.pk])).content.decode()
    assert "Solhjerte" in page
    public = make_activity(audience=Audience.EVERYONE)
    services.sign_up(actor=people[M], activity=public)
    client.logout()
    page = client.get(reverse("activities:detail", args=[public.pk])).content.decode()
    assert "Solhjerte" not in page and "Log ind for at tilmelde dig" in page


def test_sign_up_and_leave_without_javascript(client, world):
    people, activity, *_ = world
    client.force_login(people[OT])
    response = client.post(reverse("activities:sign_up", args=[activity.pk]), follow=True)
    assert "Du har en plads" in response.content.decode()
    response = client.post(reverse("activities:sign_up", args=[activity.pk]), follow=True)
    assert Signup.objects.filter(activity=activity, user=people[OT]).count() == 1
    client.force_login(people[G])
    response = client.post(reverse("activities:sign_up", args=[activity.pk]), follow=True)
    assert "venteliste" in response.content.decode()  # two places, both taken
    client.force_login(people[OT])
    client.post(reverse("activities:leave", args=[activity.pk]))
    assert Signup.objects.get(activity=activity, user=people[G]).status == "confirmed"
    client.force_login(people[B])
    assert client.post(reverse("activities:sign_up", args=[activity.pk])).status_code == 404


def test_only_managers_record_attendance(client, world):
    people, activity, *_ = world
    url = reverse("activities:attendance", args=[activity.pk])
    client.force_login(people[OT])
    assert client.post(url, {"present": [people[M].pk]}).status_code == 404
    client.force_login(people[C])
    client.post(url, {"present": [people[M].pk]})
    assert Signup.objects.get(activity=activity, user=people[M]).attended is True


def test_create_form_keeps_input_and_explains_errors(client, guide):
    client.force_login(guide)
    data: dict[str, object] = {
        "kind": "activity",
        "title": "Gåtur",
        "description": "Vi går en tur",
        "day": "2030-05-01",
        "start": "10:00",
        "end": "09:00",
        "audience": "members",
        "recurrence": "none",
    }
    page = client.post(reverse("activities:create"), data).content.decode()
    assert "Aktiviteten skal slutte efter, den starter." in page
    assert "En aktivitet et sted skal have en kommune og en adresse." in page
    assert 'value="Gåtur"' in page and "Vi går en tur" in page
    data.update(end="11:30", municipality=municipality("Odense").pk, place="Skoven")
    response = client.post(reverse("activities:create"), data)
    assert response.status_code == 302


def test_course_page_and_session_flow(client, world):
    people, _activity, run, session, _item = world
    client.force_login(people[OT])
    client.post(reverse("activities:course_enrol", args=[run.pk]))
    page = client.get(reverse("activities:course", args=[run.pk])).content.decode()
    assert "Du er optaget" in page and "Gruppeforløbets samtale" in page
    client.force_login(people[G])
    url = reverse("activities:session", args=[session.pk])
    client.post(url, {"action": "attendance", "present": [people[OT].pk]})
    client.post(url, {"action": "notes", "notes": "God stemning"})
    session.refresh_from_db()
    assert session.notes == "God stemning"
    client.force_login(people[OT])
    page = client.get(reverse("activities:course", args=[run.pk])).content.decode()
    assert "Du har været med 1 gang." in page
    assert "God stemning" not in page


def test_organiser_changes_an_activity_and_people_are_told(client, world):
    people, activity, *_ = world
    client.force_login(people[G])
    url = reverse("activities:edit", args=[activity.pk])
    page = client.get(url).content.decode()
    assert 'value="Peer-café"' in page and "Gentages" not in page
    data = {
        "kind": "peer_cafe",
        "title": "Peer-café (nyt lokale)",
        "municipality": municipality("Odense").pk,
        "place": "Borgernes Hus",
        "day": "2031-02-03",
        "start": "16:00",
        "end": "18:00",
        "capacity": "",
        "audience": "members",
    }
    assert client.post(url, data).status_code == 302
    activity.refresh_from_db()
    assert (activity.title, activity.place, activity.capacity) == (
        "Peer-café (nyt lokale)",
        "Borgernes Hus",
        None,
    )
    assert people[M].notifications.filter(kind="activity_changed").exists()


def test_list_filters(client, world, make_activity):
    people, activity, *_ = world
    online = make_activity(title="Online-café", online=True, municipality=None, place="")
    client.force_login(people[M])
    url = reverse("activities:list")
    page = client.get(url, {"mode": "online"}).content.decode()
    link = f'href="/activities/{activity.pk}/"'
    assert "Online-café" in page and link not in page
    page = client.get(url, {"municipality": municipality("Odense").pk}).content.decode()
    assert link in page and "Online-café" not in page
    page = client.get(url, {"after": "2099-01-01"}).content.decode()
    assert "Ingen aktiviteter passer lige nu" in page
    assert online.pk


def test_a_series_links_its_other_dates(client, guide):
    first, second, third = services.create_activity(
        actor=guide, data=activity_data(recurrence="weekly", occurrences=3)
    )
    client.force_login(guide)
    page = client.get(reverse("activities:detail", args=[second.pk])).content.decode()
    assert "Andre datoer" in page
    assert f'href="/activities/{first.pk}/"' in page and f'href="/activities/{third.pk}/"' in page
