"""Every messaging page for each kind of visitor, and the no-JavaScript flow."""

import json
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from ligesind.accounts import services as account_services
from ligesind.messaging import services
from ligesind.messaging.models import Message, MessageRequest
from tests.factories import UserFactory


def pages(chat, message, request_):
    return [
        reverse("messaging:inbox"),
        reverse("messaging:conversation", args=[chat.pk]),
        reverse("messaging:after", args=[chat.pk, 0]),
        reverse("messaging:edit", args=[message.pk]),
        reverse("messaging:requests"),
        reverse("messaging:settings"),
    ]


@pytest.fixture
def message(chat, alice):
    return services.send_message(actor=alice, conversation=chat, body="Første besked")


def test_visitors_are_sent_to_login(client, chat, message):
    for url in pages(chat, message, None):
        response = client.get(url)
        assert response.status_code == 302, url
        assert "/accounts/login/" in response["Location"]


def test_participants_open_every_page(client, chat, message, alice):
    client.force_login(alice)
    for url in pages(chat, message, None):
        assert client.get(url).status_code == 200, url


def test_outsiders_get_404_for_the_conversation(client, chat, message):
    client.force_login(UserFactory.create())
    for url in pages(chat, message, None)[1:4]:
        assert client.get(url).status_code == 404, url
    response = client.post(reverse("messaging:conversation", args=[chat.pk]), {"body": "Hej"})
    assert response.status_code == 404
    assert Message.objects.count() == 1


def test_other_participant_cannot_edit_or_delete(client, message, bob):
    client.force_login(bob)
    client.post(reverse("messaging:edit", args=[message.pk]), {"body": "Ændret"})
    client.post(reverse("messaging:delete", args=[message.pk]))
    message.refresh_from_db()
    assert message.body == "Første besked" and message.deleted_at is None


def test_send_without_javascript_and_with(client, chat, alice, bob):
    client.force_login(alice)
    url = reverse("messaging:conversation", args=[chat.pk])
    response = client.post(url, {"body": "Hej fra en formular", "client_key": "k1"})
    assert response.status_code == 302
    response = client.post(
        url,
        {"body": "Hej fra en formular", "client_key": "k1"},
        headers={"Accept": "application/json"},
    )
    assert (
        json.loads(response.content)["id"] == Message.objects.get().pk
    )  # the retry is no duplicate
    client.force_login(bob)
    html = client.get(url).content.decode()
    assert "Hej fra en formular" in html


def test_errors_keep_what_was_written(client, chat, alice, settings):
    settings.LIGESIND_MESSAGES_PER_MINUTE = 0
    client.force_login(alice)
    response = client.post(reverse("messaging:conversation", args=[chat.pk]), {"body": "Min tekst"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Vent et minut" in html
    assert "Min tekst" in html


def test_opening_marks_read_and_nav_shows_unread(client, chat, message, bob):
    client.force_login(bob)
    assert (
        'data-unread-badge> <span class="badge">1'
        in client.get(reverse("messaging:inbox")).content.decode()
    )
    page = client.get(reverse("messaging:conversation", args=[chat.pk])).content.decode()
    assert services.total_unread(bob) == 1  # a GET never writes (a preview, a prefetch)
    assert "Markér som læst" in page and "data-read-form" in page
    answer = client.post(
        reverse("messaging:read", args=[chat.pk]),
        {"up_to": message.pk},
        HTTP_ACCEPT="application/json",
    )
    assert answer.json() == {"unread": 0} and services.total_unread(bob) == 0
    page = client.get(reverse("messaging:conversation", args=[chat.pk])).content.decode()
    assert "data-read-form" not in page
    # without the script: the button posts and comes back to the conversation
    services.send_message(actor=message.sender, conversation=chat, body="En til", client_key="k2")
    response = client.post(reverse("messaging:read", args=[chat.pk]), {"up_to": "x"})
    assert response.status_code == 302 and services.total_unread(bob) == 0


def test_marking_read_is_only_for_the_conversations_people(client, chat, message):
    client.force_login(UserFactory.create())
    assert client.post(reverse("messaging:read", args=[chat.pk]), {"up_to": 1}).status_code == 404
    assert client.get(reverse("messaging:read", args=[chat.pk])).status_code in (404, 405)


def test_request_flow_through_pages(client, alice, bob):
    client.force_login(alice)
    profile_html = client.get(
        reverse("accounts:profile_detail", args=[bob.profile.public_id])
    ).content.decode()
    assert "Skriv til Bob" in profile_html
    client.post(
        reverse("messaging:write", args=[bob.profile.public_id]),
        {"body": "Må jeg skrive?", "client_key": "r1"},
    )
    request_ = MessageRequest.objects.get()
    client.force_login(bob)
    html = client.get(reverse("messaging:requests")).content.decode()
    assert "Må jeg skrive?" in html and "Alice" in html
    response = client.post(reverse("messaging:answer", args=[request_.pk]), {"answer": "accept"})
    assert response.status_code == 302
    assert "Må jeg skrive?" in client.get(response["Location"]).content.decode()


def test_cannot_answer_someone_elses_request(client, alice, bob):
    request_ = services.send_message_request(actor=alice, receiver=bob, body="Hej")
    client.force_login(UserFactory.create())
    assert (
        client.post(
            reverse("messaging:answer", args=[request_.pk]), {"answer": "accept"}
        ).status_code
        == 404
    )


def test_write_page_404_when_not_allowed(client, alice, bob):
    services.set_request_policy(actor=bob, policy="nobody")
    client.force_login(alice)
    assert client.get(reverse("messaging:write", args=[bob.profile.public_id])).status_code == 404
    assert (
        "Skriv til Bob"
        not in client.get(
            reverse("accounts:profile_detail", args=[bob.profile.public_id])
        ).content.decode()
    )


def test_blocked_conversation_disappears(client, chat, message, alice, bob):
    client.force_login(bob)
    client.post(reverse("messaging:block", args=[chat.pk]), {"user": alice.pk})
    assert client.get(reverse("messaging:conversation", args=[chat.pk])).status_code == 404
    assert "Alice" not in client.get(reverse("messaging:inbox")).content.decode()
    assert account_services.permissions.is_blocked_between(alice, bob)


def test_mute_and_settings(client, chat, alice):
    client.force_login(alice)
    client.post(reverse("messaging:mute", args=[chat.pk]), {"muted": "1"})
    assert chat.participants.get(user=alice).muted
    client.post(reverse("messaging:settings"), {"requests_from": "everyone"})
    assert alice.messaging_settings.requests_from == "everyone"


def test_members_without_consent_get_nothing(client, chat):
    client.force_login(UserFactory.create(member=False))
    assert client.get(reverse("messaging:inbox")).status_code == 302


def test_catch_up_json(client, chat, message, bob):
    client.force_login(bob)
    data = client.get(reverse("messaging:after", args=[chat.pk, 0])).json()
    assert [m["id"] for m in data["messages"]] == [message.pk]
    assert data["messages"][0]["alias"] == "Alice"


def test_inbox_query_count_is_constant(client, alice, django_assert_max_num_queries):
    for _ in range(15):
        peer = UserFactory.create()
        convo = services.open_conversation(people=[alice, peer], kind="direct")
        services.send_message(actor=peer, conversation=convo, body="Hej")
    client.force_login(alice)
    with django_assert_max_num_queries(20):
        assert client.get(reverse("messaging:inbox")).status_code == 200


def test_block_with_a_bad_user_value_is_404_not_an_error(client, chat, alice):
    client.force_login(alice)
    assert (
        client.post(reverse("messaging:block", args=[chat.pk]), {"user": "abc"}).status_code == 404
    )
    outsider = UserFactory.create()
    assert (
        client.post(reverse("messaging:block", args=[chat.pk]), {"user": outsider.pk}).status_code
        == 404
    )


def test_edit_in_english_returns_to_the_english_page(client, chat, message, alice):
    client.force_login(alice)
    response = client.post("/en" + reverse("messaging:edit", args=[message.pk]), {"body": "Rettet"})
    assert response["Location"].startswith("/en/messages/")


def test_blocking_yourself_is_refused_kindly(client, chat, alice):
    client.force_login(alice)
    response = client.post(reverse("messaging:block", args=[chat.pk]), {"user": alice.pk})
    assert response.status_code == 302
    assert response["Location"] == reverse("messaging:conversation", args=[chat.pk])


def test_conversation_stays_readable_after_the_other_leaves(client, chat, alice, bob):
    services.send_message(actor=bob, conversation=chat, body="Jeg var her")
    account_services.delete_account(actor=bob)
    client.force_login(alice)
    html = client.get(reverse("messaging:conversation", args=[chat.pk])).content.decode()
    assert "Jeg var her" in html
    assert "slettet medlem" in html
    assert "slettet medlem" in client.get(reverse("messaging:inbox")).content.decode()


def test_conversation_page_query_count_is_constant(client, chat, alice, bob):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(alice)
    url = reverse("messaging:conversation", args=[chat.pk])
    counts = []
    for messages in (3, 30):
        for n in range(messages):
            services.send_message(actor=alice if n % 2 else bob, conversation=chat, body=f"B {n}")
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        counts.append(len(captured.captured_queries))
    assert counts[0] == counts[1] <= 15, counts


def test_deleting_asks_first_and_then_deletes(client, message, alice, bob):
    url = reverse("messaging:delete", args=[message.pk])
    client.force_login(bob)
    assert client.get(url).status_code == 404  # only the writer is asked
    client.force_login(alice)
    page = client.get(url).content.decode()
    assert "Første besked" in page and "Ja, slet beskeden" in page
    message.refresh_from_db()
    assert message.deleted_at is None  # asking deletes nothing
    answer = client.post(url, follow=True)
    page = answer.content.decode()
    assert "Beskeden er slettet. Du kan fortryde det i 10 minutter" in page
    assert "Du slettede denne besked." in page and "Første besked" not in page
    message.refresh_from_db()
    assert message.deleted_at is not None and message.body == ""
    undo = reverse("messaging:undo_delete", args=[message.pk])
    client.force_login(bob)
    page = client.get(reverse("messaging:conversation", args=[message.conversation_id]))
    assert "Fortryd" not in page.content.decode()
    assert client.post(undo).status_code == 404  # only the writer
    client.force_login(alice)
    page = client.post(undo, follow=True).content.decode()
    assert "Beskeden er tilbage." in page and "Første besked" in page


def test_the_undo_time_runs_out(client, message, alice):
    services.delete_message(actor=alice, message=message)
    later = timezone.now() + timedelta(minutes=11)
    assert services.forget_deleted_messages(later) == {"deleted_message_texts": 1}
    Message.objects.filter(pk=message.pk).update(
        deleted_at=later - timedelta(minutes=11, seconds=1)
    )
    client.force_login(alice)
    undo = reverse("messaging:undo_delete", args=[message.pk])
    page = client.post(undo, follow=True).content.decode()
    assert "Tiden til at fortryde er gået" in page
    message.refresh_from_db()
    assert message.body == "" and message.held_body is None
