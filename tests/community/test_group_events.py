"""A group's own events: planned by its moderators (and volunteers in it), seen and joined by
its members only, announced to them; never in lists, pages or calendars of outsiders."""

import pytest
from django.urls import reverse

from ligesind.activities import permissions as activity_rules
from ligesind.activities import services as activities
from ligesind.activities.models import Activity, Audience
from ligesind.activities.services.calendar import feed_activities
from ligesind.community import services
from ligesind.core.errors import DomainError, NotAllowed
from ligesind.core.models import Notification
from tests.activities.conftest import activity_data
from tests.factories import municipality


@pytest.fixture
def walkers(make_group, member, other):
    group = make_group(name="Gåturs-netværket", visibility="request")
    asked = services.join_group(actor=other, group=group)
    services.answer_join_request(actor=member, membership=asked, approve=True)
    return group


def _event(owner, group, **changes):
    data = activity_data(group=group, audience=Audience.GROUP, title="Gåtur ved åen", **changes)
    return activities.create_activity(actor=owner, data=data)[0]


def test_a_group_moderator_plans_an_event_members_are_told(walkers, member, other):
    event = _event(member, walkers)
    assert event.group == walkers and event.audience == Audience.GROUP
    told = Notification.objects.filter(kind="group_event")
    assert [n.recipient_id for n in told] == [other.pk]
    assert activity_rules.can_view_activity(other, event)
    activities.sign_up(actor=other, activity=event)


def test_outsiders_never_see_a_group_event(walkers, member, third, client):
    event = _event(member, walkers)
    assert not activity_rules.can_view_activity(third, event)
    assert not Activity.objects.filter(activity_rules.visible_activities_q(third)).exists()
    client.force_login(third)
    assert client.get(reverse("activities:detail", args=[event.pk])).status_code == 404
    assert "Gåtur ved åen" not in client.get(reverse("activities:list")).content.decode()
    feed = activities.create_calendar_feed(actor=third, municipality=municipality("Odense"))
    assert feed_activities(feed) == []
    with pytest.raises(NotAllowed):
        activities.sign_up(actor=third, activity=event)


def test_only_moderators_and_volunteers_in_the_group_plan_events(walkers, other, guide):
    with pytest.raises(NotAllowed):
        _event(other, walkers)
    with pytest.raises(NotAllowed):
        _event(guide, walkers)  # a peer guide, but not in the group
    services.join_group(actor=guide, group=walkers)
    services.answer_join_request(
        actor=walkers.created_by,
        membership=walkers.memberships.get(user=guide),
        approve=True,
    )
    from ligesind.community.permissions import forget_groups

    forget_groups(guide)
    assert _event(guide, walkers).group == walkers


def test_group_audience_needs_a_group(member, guide):
    with pytest.raises(DomainError):
        activities.create_activity(actor=guide, data=activity_data(audience=Audience.GROUP))


def test_the_group_page_lists_events_and_the_form_knows_the_group(client, walkers, member, other):
    _event(member, walkers)
    client.force_login(other)
    page = client.get(reverse("community:group", args=[walkers.pk])).content.decode()
    assert "Gåtur ved åen" in page and "Planlæg" not in page
    assert client.get(reverse("activities:create") + f"?group={walkers.pk}").status_code == 404
    client.force_login(member)
    page = client.get(reverse("community:group", args=[walkers.pk])).content.decode()
    assert "?group=" in page
    form = client.get(reverse("activities:create") + f"?group={walkers.pk}").content.decode()
    assert 'name="group"' in form and 'name="audience"' not in form
