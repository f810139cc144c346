"""Activities: creation, recurrence over daylight-saving changes, sign-up, waiting list."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from ligesind.accounts import services as account_services
from ligesind.activities import permissions, services
from ligesind.activities.models import Activity, Audience, Recurrence, Signup, SignupStatus
from ligesind.core.errors import DomainError, NotAllowed
from ligesind.core.models import Notification
from tests.activities.conftest import activity_data
from tests.factories import UserFactory

CPH = ZoneInfo("Europe/Copenhagen")


def statuses(activity):
    return dict(Signup.objects.filter(activity=activity).values_list("user_id", "status"))


def test_only_volunteers_create_activities(member):
    with pytest.raises(NotAllowed):
        services.create_activity(actor=member, data=activity_data())


def test_bad_input_is_refused_with_a_message(guide):
    start = timezone.now() + timedelta(days=1)
    with pytest.raises(DomainError, match="slutte efter"):
        services.create_activity(actor=guide, data=activity_data(ends_at=start - timedelta(1)))
    with pytest.raises(DomainError, match="fremtiden"):
        past = timezone.now() - timedelta(hours=3)
        services.create_activity(
            actor=guide, data=activity_data(starts_at=past, ends_at=past + timedelta(hours=1))
        )
    with pytest.raises(DomainError, match="adresse"):
        services.create_activity(actor=guide, data=activity_data(place=""))
    assert Activity.objects.count() == 0


@pytest.mark.parametrize(
    ("first", "clock_change"),
    [
        (datetime(2027, 3, 18, 19, 0, tzinfo=CPH), "2027-03-28"),
        (datetime(2027, 10, 21, 19, 0, tzinfo=CPH), "2027-10-31"),
    ],
)
def test_weekly_series_keeps_local_time_over_daylight_saving(guide, first, clock_change):
    start = first
    created = services.create_activity(
        actor=guide,
        data=activity_data(
            starts_at=start,
            ends_at=start + timedelta(hours=2),
            recurrence=Recurrence.WEEKLY,
            occurrences=4,
        ),
    )
    local = [a.starts_at.astimezone(CPH) for a in created]
    assert [(t.hour, t.minute) for t in local] == [(19, 0)] * 4
    assert [(a.ends_at.astimezone(CPH).hour) for a in created] == [21] * 4
    assert [(b - a).days for a, b in zip(local, local[1:], strict=False)] == [7, 7, 7]
    offsets = {t.utcoffset() for t in local}
    assert len(offsets) == 2, f"the clocks change on {clock_change}"
    # In UTC the weekly step is an hour shorter or longer across the change.
    utc_steps = {b.starts_at - a.starts_at for a, b in zip(created, created[1:], strict=False)}
    assert utc_steps - {timedelta(days=7)} in (
        {timedelta(days=7, hours=-1)},
        {timedelta(days=7, hours=1)},
    )
    assert len({a.series for a in created}) == 1


def test_fortnightly_series(guide):
    created = services.create_activity(
        actor=guide, data=activity_data(recurrence=Recurrence.FORTNIGHTLY, occurrences=3)
    )
    assert [
        (b.starts_at - a.starts_at).days for a, b in zip(created, created[1:], strict=False)
    ] == [14, 14]


def test_sign_up_until_full_then_waiting_list_and_promotion(
    activity, django_capture_on_commit_callbacks
):
    a, b, c, d = UserFactory.create_batch(4)
    assert services.sign_up(actor=a, activity=activity).status == SignupStatus.CONFIRMED
    assert services.sign_up(actor=b, activity=activity).status == SignupStatus.CONFIRMED
    assert services.sign_up(actor=c, activity=activity).status == SignupStatus.WAITING
    assert services.sign_up(actor=d, activity=activity).status == SignupStatus.WAITING
    assert services.waiting_position(activity, d) == 2
    # Signing up twice changes nothing.
    assert services.sign_up(actor=a, activity=activity).status == SignupStatus.CONFIRMED
    assert Signup.objects.filter(activity=activity).count() == 4

    promoted = services.cancel_signup(actor=a, activity=activity)
    assert [s.user_id for s in promoted] == [c.pk]
    assert statuses(activity) == {
        a.pk: SignupStatus.CANCELLED,
        b.pk: SignupStatus.CONFIRMED,
        c.pk: SignupStatus.CONFIRMED,
        d.pk: SignupStatus.WAITING,
    }
    told = Notification.objects.get(recipient=c)
    assert told.kind == "activity_place_free" and told.params == {"title": "Peer-café"}
    # Leaving the waiting list promotes no one; signing up again joins at the back.
    services.cancel_signup(actor=d, activity=activity)
    assert services.sign_up(actor=a, activity=activity).status == SignupStatus.WAITING
    with pytest.raises(DomainError):
        services.cancel_signup(actor=d, activity=activity)


def test_more_places_promote_the_waiting(guide, activity):
    people = UserFactory.create_batch(3)
    for person in people:
        services.sign_up(actor=person, activity=activity)
    data = activity_data(capacity=3)
    services.update_activity(actor=guide, activity=activity, data=data)
    assert list(statuses(activity).values()) == [SignupStatus.CONFIRMED] * 3
    with pytest.raises(DomainError, match="allerede tilmeldt"):
        services.update_activity(actor=guide, activity=activity, data=activity_data(capacity=1))
    kinds = set(Notification.objects.filter(recipient=people[2]).values_list("kind", flat=True))
    assert kinds == {"activity_changed", "activity_place_free"}


def test_cancelling_tells_everyone_and_stops_sign_up(guide, activity, member, other):
    services.sign_up(actor=member, activity=activity)
    services.cancel_activity(actor=guide, activity=activity)
    assert Notification.objects.filter(recipient=member, kind="activity_cancelled").exists()
    with pytest.raises(NotAllowed):
        services.sign_up(actor=other, activity=activity)
    with pytest.raises(NotAllowed):
        services.cancel_activity(actor=member, activity=activity)


def test_audience_and_blocks_decide_who_sees_an_activity(make_activity, guide, member, client):
    public = make_activity(audience=Audience.EVERYONE)
    members = make_activity(audience=Audience.MEMBERS)
    volunteers = make_activity(audience=Audience.VOLUNTEERS)
    anonymous = client.get("/").wsgi_request.user
    assert permissions.can_view_activity(anonymous, public)
    assert not permissions.can_view_activity(anonymous, members)
    assert not permissions.can_sign_up(anonymous, public)
    assert permissions.can_view_activity(member, members)
    assert not permissions.can_view_activity(member, volunteers)
    assert permissions.can_view_activity(guide, volunteers)
    account_services.block_user(actor=member, target=guide)
    assert not permissions.can_view_activity(member, public)
    assert public.organiser_id == guide.pk
    assert permissions.can_view_activity(guide, public)  # one's own activity, blocked or not


def test_meeting_link_only_for_people_with_a_place(make_activity, member, other):
    online = make_activity(
        online=True,
        municipality=None,
        place="",
        meeting_link="https://meet.example.org/x",
        capacity=1,
    )
    services.sign_up(actor=member, activity=online)
    services.sign_up(actor=other, activity=online)
    assert permissions.can_see_meeting_link(member, online)
    assert not permissions.can_see_meeting_link(other, online)  # waiting


def test_attendance_is_kept_by_the_organiser(guide, activity, member, other):
    services.sign_up(actor=member, activity=activity)
    services.sign_up(actor=other, activity=activity)
    assert services.record_attendance(actor=guide, activity=activity, present_ids={member.pk}) == 1
    assert dict(activity.signups.values_list("user_id", "attended")) == {
        member.pk: True,
        other.pk: False,
    }
    with pytest.raises(NotAllowed):
        services.record_attendance(actor=member, activity=activity, present_ids=set())


def test_coordinators_manage_only_their_municipalities(activity, coordinator, far_coordinator):
    assert permissions.can_manage_activity(coordinator, activity)
    assert not permissions.can_manage_activity(far_coordinator, activity)


def test_reminder_the_day_before_is_sent_once(make_activity, member, other):
    soon = timezone.now() + timedelta(days=2)
    activity = make_activity(starts_at=soon, ends_at=soon + timedelta(hours=1))
    services.sign_up(actor=member, activity=activity)
    services.sign_up(actor=other, activity=activity)
    services.cancel_signup(actor=other, activity=activity)
    assert services.send_activity_reminders() == 0  # two days ahead: not yet
    later = timezone.now() + timedelta(days=1, hours=1)
    assert services.send_activity_reminders(now=later) == 1
    assert services.send_activity_reminders(now=later) == 0
    reminder = Notification.objects.get(recipient=member, kind="activity_reminder")
    assert reminder.params["title"] == "Peer-café"
    assert not Notification.objects.filter(recipient=other, kind="activity_reminder").exists()


def test_leaving_member_cancels_their_coming_activities(guide, activity, member):
    services.sign_up(actor=member, activity=activity)
    account_services.delete_account(actor=guide)
    activity.refresh_from_db()
    assert activity.is_cancelled and activity.organiser is None
    assert Notification.objects.filter(recipient=member, kind="activity_cancelled").exists()


def test_working_peer_activities_for_members_who_work_with_their_experience(
    make_activity, member, other, guide
):
    after_work = make_activity(audience=Audience.WORKING_PEERS)
    account_services.update_profile(
        actor=member, data=account_services.ProfileData(alias="Solhjerte", works_as_peer=True)
    )
    assert permissions.can_view_activity(member, after_work)
    assert not permissions.can_view_activity(other, after_work)
    assert permissions.can_view_activity(guide, after_work)


def test_the_list_shows_what_is_going_on_now_not_what_is_over(client, member, make_activity):
    from django.urls import reverse

    now = timezone.now()
    going_on = make_activity(title="Døgnvandring")
    over = make_activity(title="Morgenkaffe")
    # Planned earlier: a day-long walk that started 23 hours ago, a coffee that ended.
    Activity.objects.filter(pk=going_on.pk).update(
        starts_at=now - timedelta(hours=23), ends_at=now + timedelta(hours=1)
    )
    Activity.objects.filter(pk=over.pk).update(
        starts_at=now - timedelta(hours=3), ends_at=now - timedelta(hours=1)
    )
    client.force_login(member)
    page = client.get(reverse("activities:list")).content.decode()
    assert "Døgnvandring" in page and "Morgenkaffe" not in page
