"""Members report what they can see; moderators get it in a queue; rules per role."""

import pytest
from django.test import override_settings
from django.urls import reverse

from ligesind.accounts.models import Role
from ligesind.accounts.services import block_user
from ligesind.core.errors import DomainError, NotAllowed
from ligesind.core.models import AccessLog, Notification
from ligesind.safety import services
from ligesind.safety.models import AlertStatus, Report
from tests.factories import UserFactory, make_staff


def report(actor, message, reason="harassment", details=""):
    return services.report_content(
        actor=actor, kind="message", object_id=message.pk, reason=reason, details=details
    )


def test_a_member_reports_a_message_and_moderators_are_told(member, rude_message, moderator):
    made = report(member, rude_message, details="Det gør ondt")
    assert (made.member_id, made.status, made.details) == (
        rude_message.sender_id,
        "new",
        "Det gør ondt",
    )
    told = Notification.objects.get(recipient=moderator, kind="report_new")
    assert told.params == {} and told.url.endswith(f"/reports/{made.pk}/")
    assert not Notification.objects.filter(recipient=rude_message.sender).exists()


def test_the_same_report_twice_gives_the_first_back(member, rude_message):
    assert report(member, rude_message) == report(member, rude_message)
    assert Report.objects.count() == 1


def test_members_cannot_report_what_they_cannot_see_or_wrote(member, other, rude_message):
    outsider = UserFactory.create(member__alias="Udenfor")
    with pytest.raises(NotAllowed):
        report(outsider, rude_message)
    with pytest.raises(NotAllowed):
        report(other, rude_message)  # their own message


def test_unknown_things_and_reasons_get_clear_errors(member, rude_message):
    with pytest.raises(DomainError, match="ikke fundet|not found"):
        services.report_content(actor=member, kind="nothing", object_id=1, reason="spam")
    with pytest.raises(DomainError):
        report(member, rude_message, reason="because")
    with pytest.raises(DomainError):
        report(member, rude_message, details="x" * 2001)


@override_settings(LIGESIND_REPORTS_PER_DAY=2)
def test_reports_are_rate_limited(member, chat, other):
    from ligesind.messaging import services as messaging

    for n in range(2):
        report(member, messaging.send_message(actor=other, conversation=chat, body=f"hej {n}"))
    third = messaging.send_message(actor=other, conversation=chat, body="hej igen")
    with pytest.raises(DomainError, match="112"):
        report(member, third)


def test_a_profile_and_an_activity_can_be_reported(member, other, admin_user):
    from ligesind.activities import services as activities
    from tests.activities.conftest import activity_data

    guide = make_staff(Role.PEER_GUIDE, "Odense", admin=admin_user, alias="Guide")
    made = services.report_content(
        actor=member, kind="profile", object_id=other.profile.pk, reason="spam"
    )
    assert made.member == other
    event = activities.create_activity(actor=guide, data=activity_data())[0]
    made = services.report_content(actor=member, kind="activity", object_id=event.pk, reason="spam")
    assert made.member == guide


def test_a_blocked_member_cannot_be_reported_through_their_hidden_profile(member, other):
    block_user(actor=member, target=other)
    with pytest.raises(NotAllowed):
        services.report_content(
            actor=member, kind="profile", object_id=other.profile.pk, reason="spam"
        )


# Views, per role


def test_report_page_for_a_member_who_can_see_it(client, member, rude_message):
    client.force_login(member)
    url = reverse("safety:report", args=["message", rude_message.pk])
    page = client.get(url).content.decode()
    assert "Du er dum og grim" in page and "112" in page
    response = client.post(url, {"reason": "harassment", "details": "", "next": "/beskeder/"})
    assert response.status_code == 200 and "Tak" in response.content.decode()
    assert Report.objects.filter(reporter=member).count() == 1


def test_report_page_keeps_what_was_written_on_a_bad_reason(client, member, rude_message):
    client.force_login(member)
    url = reverse("safety:report", args=["message", rude_message.pk])
    page = client.post(url, {"reason": "", "details": "Min forklaring"}).content.decode()
    assert "Min forklaring" in page and "has-error" in page
    assert not Report.objects.exists()


def test_report_page_refuses_others(client, rude_message, other):
    url = reverse("safety:report", args=["message", rude_message.pk])
    assert client.get(url).status_code == 302  # anonymous: sign in first
    client.force_login(UserFactory.create(member__alias="Udenfor"))
    assert client.get(url).status_code == 404
    client.force_login(other)  # the author
    assert client.get(url).status_code == 404
    assert client.get(reverse("safety:report", args=["message", 999999])).status_code == 404


def test_unsafe_next_is_ignored(client, member, rude_message):
    client.force_login(member)
    url = reverse("safety:report", args=["message", rude_message.pk])
    page = client.post(url, {"reason": "spam", "next": "https://evil.example/"}).content
    assert b"evil.example" not in page


def test_only_moderators_see_the_queue_and_reading_is_audited(
    client, member, other, rude_message, moderator, coordinator
):
    made = report(member, rude_message)
    for url in [reverse("safety:reports"), reverse("safety:report_detail", args=[made.pk])]:
        for user in [member, other, coordinator]:
            client.force_login(user)
            assert client.get(url).status_code == 404
    client.force_login(moderator)
    queue = client.get(reverse("safety:reports")).content.decode()
    assert reverse("safety:report_detail", args=[made.pk]) in queue
    page = client.get(reverse("safety:report_detail", args=[made.pk])).content.decode()
    assert "Du er dum og grim" in page and "Solhjerte" in page
    assert AccessLog.objects.filter(actor_id=moderator.pk, subject_id=other.pk).exists()
    client.post(reverse("safety:report_detail", args=[made.pk]), {"status": "in_progress"})
    made.refresh_from_db()
    assert made.status == AlertStatus.IN_PROGRESS and made.handled_by == moderator


def test_report_links_are_on_messages_profiles_and_activities(client, member, rude_message, other):
    client.force_login(member)
    page = client.get(reverse("messaging:conversation", args=[rude_message.conversation_id]))
    assert reverse("safety:report", args=["message", rude_message.pk]) in page.content.decode()
    page = client.get(reverse("accounts:profile_detail", args=[other.profile.public_id]))
    assert reverse("safety:report", args=["profile", other.profile.pk]) in page.content.decode()
