"""The chat WebSocket, driven with Channels' communicator."""

import pytest
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore

from ligesind.accounts import services as account_services
from ligesind.asgi import application
from ligesind.messaging import services
from ligesind.messaging.consumers import ChatConsumer
from tests.asyncio_helpers import PatientCommunicator, run_async
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def session_cookie(user) -> str:
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "ligesind.accounts.backends.MemberBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


def through_app(cookie: str | None) -> PatientCommunicator:
    headers = [(b"origin", b"http://127.0.0.1:8000"), (b"host", b"127.0.0.1:8000")]
    if cookie:
        headers.append((b"cookie", cookie.encode()))
    return PatientCommunicator(application, "/ws/chat/", headers=headers)


def as_user(user) -> PatientCommunicator:
    communicator = PatientCommunicator(ChatConsumer.as_asgi(), "/ws/chat/")
    communicator.scope["user"] = user
    return communicator


def run(coroutine_function):
    return run_async(coroutine_function)


def test_anonymous_and_foreign_origins_are_refused(alice):
    async def scenario():
        anonymous = through_app(None)
        connected, code = await anonymous.connect()
        assert not connected
        foreign = PatientCommunicator(
            application,
            "/ws/chat/",
            headers=[
                (b"origin", b"https://evil.example"),
                (b"cookie", session_cookie_value.encode()),
            ],
        )
        connected, _ = await foreign.connect()
        assert not connected

    session_cookie_value = session_cookie(alice)
    run(scenario)


def test_signed_in_member_connects_through_the_app(alice):
    cookie = session_cookie(alice)

    async def scenario():
        communicator = through_app(cookie)
        connected, _ = await communicator.connect()
        assert connected
        assert await communicator.receive_json_from() == {"event": "unread", "total": 0}
        await communicator.disconnect()

    run(scenario)


def test_member_without_consent_is_refused():
    newcomer = UserFactory.create(member=False)

    async def scenario():
        connected, code = await as_user(newcomer).connect()
        assert not connected

    run(scenario)


def test_message_arrives_live_with_unread_count(chat, alice, bob):
    async def scenario():
        receiver = as_user(bob)
        assert (await receiver.connect())[0]
        await receiver.receive_json_from()  # unread 0
        sender = as_user(alice)
        assert (await sender.connect())[0]
        await sender.receive_json_from()
        await sender.send_json_to(
            {"type": "send", "conversation": chat.pk, "body": "Hej Bob", "client_key": "c1"}
        )
        event = await receiver.receive_json_from(timeout=5)
        assert event["event"] == "message"
        assert event["message"]["html"] == "<p>Hej Bob</p>"
        # the sending socket's answer is the message itself, once (not sent back to it again)
        answer = await sender.receive_json_from(timeout=5)
        assert answer == event
        assert answer["message"]["client_key"] == "c1"
        assert await sender.receive_nothing(timeout=0.3)
        await receiver.send_json_to(
            {"type": "read", "conversation": chat.pk, "up_to": event["message"]["id"]}
        )
        while (reply := await receiver.receive_json_from(timeout=5))["event"] != "unread":
            pass
        assert reply == {"event": "unread", "total": 0}
        # a retry with the same key is acknowledged but not saved or delivered twice
        await sender.send_json_to(
            {"type": "send", "conversation": chat.pk, "body": "Hej Bob", "client_key": "c1"}
        )
        await receiver.send_json_to({"type": "typing", "conversation": chat.pk})
        typing = await sender.receive_json_from(timeout=5)
        while typing["event"] != "typing":
            typing = await sender.receive_json_from(timeout=5)
        assert typing["alias"] == "Bob"
        # the retry delivered no second message
        while not await receiver.receive_nothing(timeout=0.3):
            assert (await receiver.receive_json_from())["event"] != "message"
        await receiver.disconnect()
        await sender.disconnect()

    run(scenario)
    assert chat.messages.count() == 1


def test_outsider_can_never_join_or_read(chat, alice):
    outsider = UserFactory.create()

    async def scenario():
        spy = as_user(outsider)
        assert (await spy.connect())[0]
        await spy.receive_json_from()
        await spy.send_json_to(
            {"type": "send", "conversation": chat.pk, "body": "Hej", "client_key": "x"}
        )
        assert (await spy.receive_json_from())["event"] == "error"
        await spy.send_json_to({"type": "read", "conversation": chat.pk, "up_to": 10})
        assert (await spy.receive_json_from())["event"] == "error"
        sender = as_user(alice)
        await sender.connect()
        await sender.receive_json_from()
        await sender.send_json_to(
            {"type": "send", "conversation": chat.pk, "body": "Privat", "client_key": "p"}
        )
        # wait until the message is saved and sent back to its writer (a busy machine may
        # take longer than any fixed pause); only then can the spy be checked for silence
        while (answer := await sender.receive_json_from(timeout=10))["event"] != "message":
            pass
        assert answer["message"]["client_key"] == "p"
        assert await spy.receive_nothing(timeout=0.5)
        await spy.disconnect()
        await sender.disconnect()

    run(scenario)
    assert [m.body for m in chat.messages.all()] == ["Privat"]


def test_blocked_member_gets_nothing(chat, alice, bob):
    account_services.block_user(actor=bob, target=alice)

    async def scenario():
        receiver = as_user(bob)
        await receiver.connect()
        await receiver.receive_json_from()
        sender = as_user(alice)
        await sender.connect()
        await sender.receive_json_from()
        await sender.send_json_to(
            {"type": "send", "conversation": chat.pk, "body": "Hej", "client_key": "b"}
        )
        reply = await sender.receive_json_from()
        assert reply["event"] == "error"
        assert await receiver.receive_nothing(timeout=0.5)
        await receiver.disconnect()
        await sender.disconnect()

    run(scenario)
    assert chat.messages.count() == 0


def test_nothing_is_lost_when_the_channel_layer_is_down(chat, alice, bob, monkeypatch):
    """Sending succeeds (saved) without live delivery; the receiver catches up afterwards."""

    class Broken:
        async def group_send(self, *args, **kwargs):
            raise ConnectionError("Redis is down")

    monkeypatch.setattr("ligesind.messaging.realtime.get_channel_layer", lambda: Broken())
    message = services.send_message(actor=alice, conversation=chat, body="Gemt alligevel")
    assert message.pk
    assert [m.body for m in services.messages_after(chat, 0)] == ["Gemt alligevel"]
    assert services.total_unread(bob) == 1


def test_the_senders_other_pages_get_the_message_too(chat, alice):
    async def scenario():
        sending, other_tab = as_user(alice), as_user(alice)
        for socket in (sending, other_tab):
            assert (await socket.connect())[0]
            await socket.receive_json_from()  # unread count
        await sending.send_json_to(
            {"type": "send", "conversation": chat.pk, "body": "To faner", "client_key": "t1"}
        )
        assert (await other_tab.receive_json_from(timeout=5))["message"]["client_key"] == "t1"
        assert (await sending.receive_json_from(timeout=5))["message"]["client_key"] == "t1"
        assert await sending.receive_nothing(timeout=0.3)
        await sending.disconnect()
        await other_tab.disconnect()

    run(scenario)
