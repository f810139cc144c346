"""A suspension or ban closes the member's open WebSocket at once, and they cannot reconnect."""

import pytest
from channels.db import database_sync_to_async
from django.db import connections

from ligesind.safety import services
from ligesind.safety.models import ActionKind
from tests.asyncio_helpers import run_async
from tests.messaging.test_consumers import as_user, session_cookie, through_app

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_ban_closes_the_open_socket_within_seconds(member, other, rude_message, moderator):
    made = services.report_content(
        actor=member, kind="message", object_id=rude_message.pk, reason="harassment"
    )
    cookie = session_cookie(other)

    async def scenario():
        socket = through_app(cookie)
        assert (await socket.connect())[0]
        await socket.receive_json_from()  # unread count
        await database_sync_to_async(services.take_decision)(
            actor=moderator, report=made, kind=ActionKind.BAN, reason="Trusler er ikke ok."
        )
        closed = await socket.receive_output(timeout=5)
        assert (closed["type"], closed["code"]) == ("websocket.close", 4401)
        again = through_app(cookie)  # the old session no longer signs in
        assert not (await again.connect())[0]
        fresh = as_user(await database_sync_to_async(type(other).objects.get)(pk=other.pk))
        assert not (await fresh.connect())[0]  # a banned member is refused even when signed in
        await database_sync_to_async(connections.close_all)()

    run_async(scenario)
