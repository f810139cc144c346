"""The signed-in user is loaded once per request with what every page shows; the loaded
figures must equal what each app's own functions say."""

from ligesind.accounts.backends import MemberBackend
from ligesind.accounts.models import User
from ligesind.core.services import notify, unread_count
from ligesind.messaging import services as messaging
from ligesind.safety.services.crisis import take_pending_panel


def _loaded(user: User) -> User:
    found = MemberBackend().get_user(user.pk)
    assert found is not None
    return found


def test_loaded_user_carries_profile_consent_and_counters(member, other):
    chat = messaging.open_conversation(people=[member, other], kind="direct")
    messaging.send_message(actor=other, conversation=chat, body="Hej")
    messaging.send_message(actor=other, conversation=chat, body="Er du der?")
    messaging.send_message(actor=member, conversation=chat, body="Ja")
    notify(member, "role_granted", params={"role": "x"})
    loaded = _loaded(member)
    assert loaded.ligesind_consent is True  # type: ignore[attr-defined]
    assert loaded.profile.alias == "Solhjerte"
    assert loaded.ligesind_unread_messages == messaging.total_unread(member) == 2  # type: ignore[attr-defined]
    assert loaded.ligesind_unread_notifications == unread_count(member) == 1  # type: ignore[attr-defined]
    assert loaded.ligesind_crisis_pending is False  # type: ignore[attr-defined]
    messaging.mark_read(actor=member, conversation=chat)
    assert _loaded(member).ligesind_unread_messages == 0  # type: ignore[attr-defined]


def test_a_waiting_crisis_panel_is_loaded_and_shown_once(member, other):
    chat = messaging.open_conversation(people=[member, other], kind="direct")
    messaging.send_message(actor=member, conversation=chat, body="Jeg vil ikke leve mere")
    assert _loaded(member).ligesind_crisis_pending is True  # type: ignore[attr-defined]
    assert take_pending_panel(member) is True
    assert _loaded(member).ligesind_crisis_pending is False  # type: ignore[attr-defined]


def test_inactive_accounts_are_not_loaded(member):
    User.objects.filter(pk=member.pk).update(is_active=False)
    assert MemberBackend().get_user(member.pk) is None


def test_roles_and_blocks_are_loaded_with_the_user(admin_user, member, other):
    from ligesind.accounts import services as accounts
    from ligesind.accounts.models import Role
    from ligesind.accounts.permissions import blocked_user_ids, roles_of
    from ligesind.community.permissions import blocked_ids
    from tests.factories import make_staff

    guide = make_staff(Role.PEER_GUIDE, "Odense", admin=admin_user, alias="Guide")
    accounts.grant_role(actor=admin_user, user=guide, role=Role.MODERATOR)
    accounts.block_user(actor=member, target=guide)
    accounts.block_user(actor=other, target=guide)
    loaded = _loaded(guide)
    assert roles_of(loaded) == {"peer_guide", "moderator"}
    assert blocked_ids(loaded) == blocked_user_ids(guide) == {member.pk, other.pk}
    assert roles_of(_loaded(member)) == frozenset()
    assert blocked_ids(_loaded(member)) == {guide.pk}
