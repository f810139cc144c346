"""Chat while Redis is down and after it returns (a Redis of the test's own, stopped and started
again): every message sent by plain request is saved, sockets are refused calmly (1013) while it
is away, and live delivery is back within 10 s of its return."""

import time
import uuid

import pytest
from asgiref.sync import sync_to_async
from django.test import Client
from django.urls import reverse

from ligesind.messaging.consumers import TRY_AGAIN_LATER
from tests.asyncio_helpers import run_async
from tests.messaging.test_consumers import as_user
from tests.redis_server import OwnRedis, own_redis  # noqa: F401 - a fixture

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def redis_layer(settings, own_redis: OwnRedis) -> OwnRedis:  # noqa: F811
    settings.CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "ligesind.core.fast.channel_layer.RedisChannelLayer",
            "CONFIG": {
                "hosts": [
                    {"address": own_redis.url, "socket_timeout": None, "socket_connect_timeout": 1}
                ],
                "prefix": f"fault-{uuid.uuid4().hex[:8]}",
            },
        }
    }
    return own_redis


def test_chat_survives_redis_going_away_and_coming_back(redis_layer, alice, bob, chat):
    sender = Client()
    sender.force_login(alice)
    url = reverse("messaging:conversation", args=[chat.pk])

    def send(body: str) -> int:
        answer = sender.post(
            url, {"body": body, "client_key": uuid.uuid4().hex}, HTTP_ACCEPT="application/json"
        )
        return answer.status_code

    async def live_message(socket) -> str:
        while (event := await socket.receive_json_from(timeout=5))["event"] != "message":
            pass
        return str(event["message"]["html"])

    async def scenario() -> None:
        bobs = as_user(bob)
        assert (await bobs.connect())[0]
        await bobs.receive_json_from()
        assert await sync_to_async(send)("Før") == 200
        assert await live_message(bobs) == "<p>Før</p>"
        await bobs.disconnect()

        redis_layer.stop()
        for n in range(3):
            assert await sync_to_async(send)(f"Under {n}") == 200  # saved, no server error
        refused = as_user(bob)
        assert await refused.connect() == (False, TRY_AGAIN_LATER)

        redis_layer.start()
        back_at = time.monotonic()
        while True:  # as the page retries; Redis was restarted empty
            again = as_user(bob)
            connected, _code = await again.connect()
            if connected:
                break
            assert time.monotonic() - back_at < 10, "chat not live again within 10 s"
            await sync_to_async(time.sleep)(0.5)
        await again.receive_json_from()
        assert await sync_to_async(send)("Efter") == 200
        assert await live_message(again) == "<p>Efter</p>"
        await again.disconnect()

    run_async(scenario)
    assert [m.body for m in chat.messages.order_by("id")] == [
        "Før",
        "Under 0",
        "Under 1",
        "Under 2",
        "Efter",
    ]
