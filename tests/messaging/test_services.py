from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from ligesind.accounts import services as account_services
from ligesind.core.errors import DomainError, NotAllowed
from ligesind.core.models import Notification
from ligesind.core.text_hooks import register_text_check, unregister_text_check
from ligesind.messaging import permissions, services
from ligesind.messaging.models import Message, RequestPolicy
from tests.factories import UserFactory


def test_request_then_accept_opens_a_conversation(alice, bob, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        request = services.send_message_request(actor=alice, receiver=bob, body="Hej Bob")
    assert Notification.objects.filter(recipient=bob, kind="message_request").exists()
    conversation = services.accept_message_request(actor=bob, request=request)
    assert [m.body for m in conversation.messages.all()] == ["Hej Bob"]
    assert Notification.objects.filter(recipient=alice, kind="message_request_accepted").exists()
    assert services.conversation_between(alice, bob) == conversation


def test_decline_tells_the_sender_kindly_and_block_is_not_revealed(alice, bob):
    request = services.send_message_request(actor=alice, receiver=bob, body="Hej")
    services.decline_message_request(actor=bob, request=request, block=True)
    note = Notification.objects.get(recipient=alice)
    assert note.kind == "message_request_declined"
    assert permissions.is_blocked_between(alice, bob)
    with pytest.raises(NotAllowed):
        services.send_message_request(actor=alice, receiver=bob, body="Igen")


@pytest.mark.parametrize(
    ("policy", "shares", "allowed"),
    [
        ("everyone", False, True),
        ("shared", True, True),
        ("shared", False, False),
        ("nobody", True, False),
    ],
)
def test_request_policy(alice, bob, policy, shares, allowed):
    sender = alice if shares else UserFactory.create(member__alias="Fremmed")
    services.set_request_policy(actor=bob, policy=policy)
    assert permissions.can_request(sender, bob) is allowed


def test_request_twice_and_idempotent_key(alice, bob):
    first = services.send_message_request(actor=alice, receiver=bob, body="Hej", client_key="k1")
    again = services.send_message_request(actor=alice, receiver=bob, body="Hej", client_key="k1")
    assert first == again
    with pytest.raises(DomainError):
        services.send_message_request(actor=alice, receiver=bob, body="Hej igen")


def test_new_accounts_start_at_most_ten_conversations_a_day(alice, category):
    # the receivers keep the default policy: requests from members who share an experience
    for n in range(10):
        peer = UserFactory.create(member__experiences={category.pk: "affected"})
        services.send_message_request(actor=alice, receiver=peer, body=f"Hej {n}")
    eleventh = UserFactory.create(member__experiences={category.pk: "affected"})
    with pytest.raises(DomainError, match="10"):
        services.send_message_request(actor=alice, receiver=eleventh, body="Hej")


def test_send_is_idempotent_and_saved_encrypted(
    chat, alice, published, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        one = services.send_message(actor=alice, conversation=chat, body="*Hej*", client_key="abc")
        two = services.send_message(actor=alice, conversation=chat, body="*Hej*", client_key="abc")
    assert one.pk == two.pk
    assert Message.objects.count() == 1
    assert len(published) == 1
    ids, event = published[0]
    assert sorted(ids) == sorted(chat.participants.values_list("user_id", flat=True))
    assert event["message"]["html"] == "<p><em>Hej</em></p>"
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT body FROM messaging_message")
        assert "Hej" not in cursor.fetchone()[0]


def test_publish_happens_after_commit_only(chat, alice, published):
    services.send_message(actor=alice, conversation=chat, body="Hej")
    assert published == []  # the test transaction has not committed


def test_markdown_is_sanitised(chat, alice):
    message = services.send_message(
        actor=alice, conversation=chat, body="<script>alert(1)</script> [x](javascript:alert(1))"
    )
    html = services.message_payload(message)["html"]
    assert "<script" not in html and "javascript:" not in html


def test_outsiders_cannot_write_or_read(chat, alice):
    outsider = UserFactory.create()
    assert not permissions.can_view_conversation(outsider, chat)
    with pytest.raises(NotAllowed):
        services.send_message(actor=outsider, conversation=chat, body="Hej")


def test_block_stops_delivery_both_ways_and_hides_for_the_blocker(chat, alice, bob):
    account_services.block_user(actor=bob, target=alice)
    for who in (alice, bob):
        with pytest.raises(NotAllowed):
            services.send_message(actor=who, conversation=chat, body="Hej")
    assert chat not in services.visible_conversations(bob)


def test_block_in_a_group_stops_writing_there(alice, bob):
    carl = UserFactory.create(member__alias="Carl")
    group = services.open_conversation(people=[alice, bob, carl], title="Kursus")
    account_services.block_user(actor=carl, target=alice)
    with pytest.raises(NotAllowed):
        services.send_message(actor=alice, conversation=group, body="Hej")
    services.send_message(actor=bob, conversation=group, body="Hej")


def test_conversation_size_is_two_to_eight(alice):
    with pytest.raises(DomainError):
        services.open_conversation(people=[alice])
    people = [alice] + [UserFactory.create() for _ in range(8)]
    with pytest.raises(DomainError):
        services.open_conversation(people=people)


def test_edit_within_fifteen_minutes_and_delete(chat, alice, bob):
    message = services.send_message(actor=alice, conversation=chat, body="Hej")
    services.edit_message(actor=alice, message=message, body="Hej med dig")
    assert message.edited_at is not None
    with pytest.raises(NotAllowed):
        services.edit_message(actor=bob, message=message, body="Nej")
    Message.objects.filter(pk=message.pk).update(created_at=timezone.now() - timedelta(minutes=16))
    message.refresh_from_db()
    with pytest.raises(NotAllowed):
        services.edit_message(actor=alice, message=message, body="For sent")
    services.delete_message(actor=alice, message=message)
    message.refresh_from_db()
    assert message.body == "" and message.deleted_at is not None
    assert services.message_payload(message)["deleted"] is True


def test_rate_limit_has_a_clear_message(chat, alice, settings):
    settings.LIGESIND_MESSAGES_PER_MINUTE = 3
    for n in range(3):
        services.send_message(actor=alice, conversation=chat, body=f"{n}")
    with pytest.raises(DomainError, match="Vent et minut"):
        services.send_message(actor=alice, conversation=chat, body="for mange")


def test_empty_and_too_long_messages_are_refused(chat, alice):
    with pytest.raises(DomainError):
        services.send_message(actor=alice, conversation=chat, body="   ")
    with pytest.raises(DomainError):
        services.send_message(actor=alice, conversation=chat, body="x" * 5001)


def test_unread_counts_and_read_state(chat, alice, bob):
    services.send_message(actor=alice, conversation=chat, body="1")
    last = services.send_message(actor=alice, conversation=chat, body="2")
    assert services.unread_counts(bob) == {chat.pk: 2}
    assert services.unread_counts(alice) == {}
    services.mark_read(actor=bob, conversation=chat, up_to_id=last.pk)
    assert services.total_unread(bob) == 0


def test_catch_up_after_last_seen_id(chat, alice):
    first = services.send_message(actor=alice, conversation=chat, body="1")
    services.send_message(actor=alice, conversation=chat, body="2")
    assert [m.body for m in services.messages_after(chat, first.pk)] == ["2"]


def test_crisis_hook_sees_accepted_text(chat, alice):
    seen = []

    def check(author, text, where, about):
        seen.append((author.pk, text, where))
        return False

    register_text_check(check)
    try:
        services.send_message(actor=alice, conversation=chat, body="Hej")
    finally:
        unregister_text_check(check)
    assert seen == [(alice.pk, "Hej", "message")]


def test_unread_notice_after_waiting_once_a_day(
    chat, alice, bob, settings, django_capture_on_commit_callbacks
):
    message = services.send_message(actor=alice, conversation=chat, body="Hemmelig tekst")
    assert services.notify_unread_messages() == 0  # not old enough yet
    Message.objects.filter(pk=message.pk).update(created_at=timezone.now() - timedelta(minutes=31))
    with django_capture_on_commit_callbacks(execute=True):
        assert services.notify_unread_messages() == 1
        assert services.notify_unread_messages() == 0  # at most one a day per conversation
    assert len(mail.outbox) == 1
    body = str(mail.outbox[0].body) + str(mail.outbox[0].subject)
    assert "Hemmelig" not in body and "Alice" not in body


def test_muted_conversations_send_no_notice(chat, alice, bob):
    services.set_muted(actor=bob, conversation=chat, muted=True)
    message = services.send_message(actor=alice, conversation=chat, body="Hej")
    Message.objects.filter(pk=message.pk).update(created_at=timezone.now() - timedelta(minutes=31))
    assert services.notify_unread_messages() == 0


def test_conversation_partners_become_contacts(chat, alice, bob):
    from ligesind.accounts.contacts import are_contacts

    assert are_contacts(alice, bob)


def test_policy_must_be_known(alice):
    with pytest.raises(DomainError):
        services.set_request_policy(actor=alice, policy="strangers")
    services.set_request_policy(actor=alice, policy=RequestPolicy.NOBODY)
    alice.messaging_settings.refresh_from_db()
    assert alice.messaging_settings.requests_from == RequestPolicy.NOBODY


def test_commands_for_cron(chat, alice, bob, capsys, django_capture_on_commit_callbacks):
    from django.core.management import call_command

    message = services.send_message(actor=alice, conversation=chat, body="Hej")
    Message.objects.filter(pk=message.pk).update(created_at=timezone.now() - timedelta(minutes=45))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_unread_notices")
    assert Notification.objects.filter(recipient=bob, kind="unread_message").exists()
    call_command("send_digests")
    assert "digest" in capsys.readouterr().out
