"""iCal feeds, read back with an independent parser (vobject)."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import vobject
from django.urls import reverse

from ligesind.activities import services
from ligesind.activities.models import Audience, CalendarFeed, Recurrence
from tests.activities.conftest import activity_data
from tests.factories import municipality

CPH = ZoneInfo("Europe/Copenhagen")


def read(client, feed):
    response = client.get(reverse("activities:feed", args=[feed.token]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return vobject.readOne(response.content.decode())


def events(calendar):
    return {event.uid.value: event for event in calendar.contents.get("vevent", [])}


def test_personal_feed_has_my_places_and_course_sessions(client, guide, member, other, run):
    start = datetime(2027, 10, 28, 19, 0, tzinfo=CPH)  # after the October clock change
    mine, not_mine = services.create_activity(
        actor=guide,
        data=activity_data(
            starts_at=start,
            ends_at=start + timedelta(hours=2),
            recurrence=Recurrence.WEEKLY,
            occurrences=2,
        ),
    )
    services.sign_up(actor=member, activity=mine)
    services.enrol(actor=member, run=run)
    feed = services.create_calendar_feed(actor=member)
    found = events(read(client, feed))
    assert f"activity-{mine.pk}@ligesind" in found
    assert f"activity-{not_mine.pk}@ligesind" not in found
    sessions = [uid for uid in found if uid.startswith("course-session-")]
    assert len(sessions) == 10
    event = found[f"activity-{mine.pk}@ligesind"]
    assert event.dtstart.value.astimezone(CPH) == datetime(2027, 10, 28, 19, tzinfo=CPH)
    assert event.summary.value == "Peer-café"
    assert "Biblioteket" in event.location.value


def test_municipality_feed_shows_what_the_owner_may_see(client, make_activity, member):
    public = make_activity(audience=Audience.EVERYONE)
    volunteers = make_activity(audience=Audience.VOLUNTEERS)
    elsewhere = make_activity(municipality=municipality("Aarhus"))
    feed = services.create_calendar_feed(actor=member, municipality=municipality("Odense"))
    found = events(read(client, feed))
    assert f"activity-{public.pk}@ligesind" in found
    assert f"activity-{volunteers.pk}@ligesind" not in found
    assert f"activity-{elsewhere.pk}@ligesind" not in found


def test_meeting_link_only_in_the_feed_of_people_with_a_place(client, make_activity, member, other):
    online = make_activity(
        online=True, municipality=None, place="", meeting_link="https://meet.example.org/abc"
    )
    services.sign_up(actor=member, activity=online)
    mine = read(client, services.create_calendar_feed(actor=member))
    assert (
        "meet.example.org/abc" in events(mine)[f"activity-{online.pk}@ligesind"].description.value
    )
    services.create_calendar_feed(actor=other)  # other has no place: not in their feed at all
    organiser_view = read(client, services.create_calendar_feed(actor=online.organiser))
    assert f"activity-{online.pk}@ligesind" in events(organiser_view)


def test_a_new_address_replaces_the_old_and_revoked_addresses_stop(client, member):
    first = services.create_calendar_feed(actor=member)
    second = services.create_calendar_feed(actor=member)
    assert client.get(reverse("activities:feed", args=[first.token])).status_code == 404
    assert client.get(reverse("activities:feed", args=[second.token])).status_code == 200
    services.revoke_calendar_feed(actor=member, feed=second)
    assert client.get(reverse("activities:feed", args=[second.token])).status_code == 404
    assert not CalendarFeed.objects.exists()


def test_feeds_stop_when_the_owner_is_no_longer_a_member(client, member):
    feed = services.create_calendar_feed(actor=member)
    member.is_active = False
    member.save()
    assert client.get(reverse("activities:feed", args=[feed.token])).status_code == 404


def test_calendar_pages(client, member, other):
    client.force_login(member)
    response = client.post(reverse("activities:calendar_create"), {"municipality": ""})
    assert response.status_code == 302
    feed = CalendarFeed.objects.get(owner=member)
    page = client.get(reverse("activities:calendar")).content.decode()
    assert feed.token in page
    client.force_login(other)
    assert client.post(reverse("activities:calendar_revoke", args=[feed.pk])).status_code == 404
    assert CalendarFeed.objects.filter(pk=feed.pk).exists()
    assert feed.token not in client.get(reverse("activities:calendar")).content.decode()


def test_links_in_a_feed_point_where_the_feed_was_fetched(client, make_activity, member, settings):
    settings.ALLOWED_HOSTS = ["ligesind.example.dk"]
    activity = make_activity()
    services.sign_up(actor=member, activity=activity)
    feed = services.create_calendar_feed(actor=member)
    response = client.get(
        reverse("activities:feed", args=[feed.token]), HTTP_HOST="ligesind.example.dk"
    )
    event = events(vobject.readOne(response.content.decode()))[f"activity-{activity.pk}@ligesind"]
    assert event.url.value == f"http://ligesind.example.dk/activities/{activity.pk}/"
