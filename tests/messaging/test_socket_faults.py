"""What a probe from outside found on the chat socket: it outlived sign-out and a new password,
a resent message got no answer, typing could flood the others, malformed frames dropped it."""

import pytest
from asgiref.sync import sync_to_async
from django.test import Client
from django.urls import reverse

from ligesind.messaging.consumers import NOT_ALLOWED, SESSION_ENDED
from tests.asyncio_helpers import run_async
from tests.factories import PASSWORD
from tests.messaging.test_consumers import as_user, session_cookie, through_app

pytestmark = pytest.mark.django_db(transaction=True)

NEW_PASSWORD = "an-even-longer-new-password-7"


def browser_with(cookie: str) -> Client:
    client = Client()
    name, value = cookie.split("=", 1)
    client.cookies[name] = value
    return client


async def closed_with(communicator) -> int:
    """The close code the socket gets (unread counts and other events may come first)."""
    while True:
        output = await communicator.receive_output(timeout=5)
        if output["type"] == "websocket.close":
            return int(output["code"])


async def connected(cookie: str):
    communicator = through_app(cookie)
    assert (await communicator.connect())[0]
    assert (await communicator.receive_json_from())["event"] == "unread"
    return communicator


def test_signing_out_closes_that_sessions_socket_and_no_other(alice):
    leaving, staying = session_cookie(alice), session_cookie(alice)

    async def scenario():
        closing, open_elsewhere = await connected(leaving), await connected(staying)
        answer = await sync_to_async(browser_with(leaving).post)(reverse("account_logout"))
        assert answer.status_code == 302
        assert await closed_with(closing) == SESSION_ENDED
        # the other session's socket is still signed in and still works
        await open_elsewhere.send_json_to({"type": "read", "conversation": 0})
        assert await open_elsewhere.receive_json_from(timeout=5) == {
            "event": "error",
            "error": "not-found",
        }
        await open_elsewhere.disconnect()
        # and a new socket with the ended session is refused
        refused = through_app(leaving)
        assert await refused.connect() == (False, NOT_ALLOWED)

    run_async(scenario)


def test_a_new_password_closes_the_other_sessions_sockets(alice, chat):
    here, elsewhere = session_cookie(alice), session_cookie(alice)

    async def scenario():
        other = await connected(elsewhere)
        answer = await sync_to_async(browser_with(here).post)(
            reverse("account_change_password"),
            {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
        )
        assert answer.status_code == 302
        assert await closed_with(other) == SESSION_ENDED
        # the session that changed it stays signed in, and its sockets work
        mine = await connected(f"sessionid={answer.cookies['sessionid'].value}")
        await mine.send_json_to(
            {"type": "send", "conversation": chat.pk, "body": "Stadig her", "client_key": "k"}
        )
        assert (await mine.receive_json_from(timeout=5))["event"] == "message"
        await mine.disconnect()

    run_async(scenario)


def test_a_socket_of_an_ended_session_sends_nothing(alice, chat):
    cookie = session_cookie(alice)

    async def scenario():
        socket = await connected(cookie)
        await sync_to_async(browser_with(cookie).post)(reverse("account_logout"))
        assert await closed_with(socket) == SESSION_ENDED
        await socket.send_json_to(
            {"type": "send", "conversation": chat.pk, "body": "Efter log ud", "client_key": "z"}
        )
        assert await socket.receive_nothing(timeout=0.3)

    run_async(scenario)
    assert not chat.messages.exists()


def test_a_resent_message_is_answered_with_its_saved_copy(alice, chat):
    async def scenario():
        sender = as_user(alice)
        assert (await sender.connect())[0]
        await sender.receive_json_from()
        frame = {"type": "send", "conversation": chat.pk, "body": "Én gang", "client_key": "r1"}
        await sender.send_json_to(frame)
        first = await sender.receive_json_from(timeout=5)
        await sender.send_json_to(frame)  # the page did not hear the answer and sends again
        again = await sender.receive_json_from(timeout=5)
        assert again == first
        assert again["message"]["client_key"] == "r1"
        await sender.disconnect()

    run_async(scenario)
    assert chat.messages.count() == 1


@pytest.mark.parametrize(
    ("frame", "binary"),
    [("{not json", False), ("[1, 2]", False), ("null", False), ('"text"', False),
     ("\x00\x01", True), ('{"type": "shout"}', False)],
)  # fmt: skip
def test_malformed_frames_get_an_error_and_the_socket_stays(alice, chat, frame, binary):
    async def scenario():
        socket = as_user(alice)
        assert (await socket.connect())[0]
        await socket.receive_json_from()
        if binary:
            await socket.send_to(bytes_data=frame.encode())
        else:
            await socket.send_to(text_data=frame)
        reply = await socket.receive_json_from(timeout=5)
        assert reply["event"] == "error"
        await socket.send_json_to(
            {"type": "send", "conversation": chat.pk, "body": "Stadig åben", "client_key": "s"}
        )
        assert (await socket.receive_json_from(timeout=5))["event"] == "message"
        await socket.disconnect()

    run_async(scenario)


def test_typing_cannot_flood_the_others(alice, bob, chat, monkeypatch):
    monkeypatch.setattr("ligesind.messaging.consumers.TYPING_SECONDS", 3600.0)  # a slow machine

    async def scenario():
        writer, reader = as_user(alice), as_user(bob)
        for socket in (writer, reader):
            assert (await socket.connect())[0]
            await socket.receive_json_from()
        for _ in range(200):
            await writer.send_json_to({"type": "typing", "conversation": chat.pk})
        events = []
        while not await reader.receive_nothing(timeout=0.5):
            events.append(await reader.receive_json_from())
        assert [event["event"] for event in events] == ["typing"]
        await writer.disconnect()
        await reader.disconnect()

    run_async(scenario)


def test_a_new_email_address_ends_the_other_sessions_and_their_sockets(alice):
    from allauth.account.models import EmailAddress
    from allauth.account.signals import email_changed
    from django.contrib.sessions.backends.db import SessionStore
    from django.test import RequestFactory

    here, elsewhere = session_cookie(alice), session_cookie(alice)

    async def scenario():
        other = await connected(elsewhere)

        def change_address() -> str:
            request = RequestFactory().post("/accounts/email/")
            request.user = alice
            request.session = SessionStore(session_key=here.split("=", 1)[1])
            new = EmailAddress.objects.create(user=alice, email="ny@example.org", verified=True)
            old = EmailAddress.objects.get(user=alice, primary=True)
            email_changed.send(
                sender=alice.__class__,
                request=request,
                user=alice,
                from_email_address=old,
                to_email_address=new,
            )
            request.session.save()  # as the session middleware does after the view
            return str(request.session.session_key)

        kept_key = await sync_to_async(change_address)()
        assert await closed_with(other) == SESSION_ENDED
        refused = through_app(elsewhere)
        assert await refused.connect() == (False, NOT_ALLOWED)
        kept = await connected(f"sessionid={kept_key}")  # the one that changed it stays
        await kept.disconnect()

    run_async(scenario)


def test_a_session_ended_without_a_push_is_noticed_on_the_next_frame(alice, chat, monkeypatch):
    """If the push is lost (Redis away for a moment), the socket asks again on its next frame."""
    monkeypatch.setattr("ligesind.messaging.consumers.RECHECK_SECONDS", 0.0)
    cookie = session_cookie(alice)

    async def scenario():
        socket = await connected(cookie)
        key = cookie.split("=", 1)[1]
        from django.contrib.sessions.backends.cached_db import SessionStore

        await sync_to_async(SessionStore(session_key=key).delete)()  # no signal, no push
        await socket.send_json_to(
            {"type": "send", "conversation": chat.pk, "body": "Efter", "client_key": "e"}
        )
        assert await closed_with(socket) == SESSION_ENDED

    run_async(scenario)
    assert not chat.messages.exists()
