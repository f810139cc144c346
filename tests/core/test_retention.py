"""Deleted content is purged after LIGESIND_PURGE_DELETED_DAYS (30); nothing else is touched."""

from datetime import timedelta
from io import StringIO

from django.core.management import call_command
from django.utils import timezone

from ligesind.core.services import purge_old_data
from ligesind.messaging import services as messaging
from ligesind.messaging.models import Message, MessageRequest


def test_deleted_messages_go_after_30_days_and_kept_ones_stay(member, other):
    chat = messaging.open_conversation(people=[member, other], kind="direct")
    kept = messaging.send_message(actor=member, conversation=chat, body="Hej")
    gone = messaging.send_message(actor=member, conversation=chat, body="Fortryder")
    messaging.delete_message(actor=member, message=gone)
    now = timezone.now()
    assert purge_old_data(now + timedelta(days=29))["deleted_messages"] == 0
    assert Message.objects.filter(pk=gone.pk).exists()
    counts = purge_old_data(now + timedelta(days=31))
    assert counts["deleted_messages"] == 1
    assert not Message.objects.filter(pk=gone.pk).exists()
    assert Message.objects.filter(pk=kept.pk).exists()


def test_declined_requests_go_after_30_days_pending_ones_stay():
    from ligesind.accounts.models import ExperienceCategory
    from tests.factories import UserFactory

    shared = {ExperienceCategory.objects.get(slug="loneliness").pk: "affected"}
    member, other, third = (
        UserFactory.create(member__alias=alias, member__experiences=shared)
        for alias in ["Solhjerte", "Havfugl", "Tredje"]
    )
    declined = messaging.send_message_request(actor=member, receiver=other, body="Må jeg skrive?")
    messaging.decline_message_request(actor=other, request=declined)
    pending = messaging.send_message_request(actor=member, receiver=third, body="Hej")
    now = timezone.now()
    assert purge_old_data(now + timedelta(days=29))["declined_message_requests"] == 0
    assert purge_old_data(now + timedelta(days=31))["declined_message_requests"] == 1
    assert list(MessageRequest.objects.all()) == [pending]


def test_the_command_reports_counts(settings):
    out = StringIO()
    call_command("purge_old_data", stdout=out)
    assert "deleted_messages: 0" in out.getvalue()
    assert "expired_sessions: 0" in out.getvalue()


def test_deleted_texts_are_forgotten_when_the_undo_time_has_passed(member, other, settings):
    """``forget_deleted_texts`` (cron, every few minutes) and the daily purge both forget them."""
    settings.LIGESIND_UNDO_MINUTES = 10
    chat = messaging.open_conversation(people=[member, other], kind="direct")
    gone = messaging.send_message(actor=member, conversation=chat, body="Fortryder")
    messaging.delete_message(actor=member, message=gone)
    out = StringIO()
    call_command("forget_deleted_texts", stdout=out)
    assert "deleted_message_texts: 0" in out.getvalue()
    assert "deleted_post_texts: 0" in out.getvalue()
    Message.objects.filter(pk=gone.pk).update(deleted_at=timezone.now() - timedelta(minutes=11))
    out = StringIO()
    call_command("forget_deleted_texts", stdout=out)
    assert "deleted_message_texts: 1" in out.getvalue()
    assert Message.objects.get(pk=gone.pk).held_body is None
    assert purge_old_data()["deleted_message_texts"] == 0
