import pytest

from ligesind.accounts.models import Role
from ligesind.messaging import services as messaging
from tests.factories import make_staff


@pytest.fixture
def moderator(admin_user):
    return make_staff(Role.MODERATOR, admin=admin_user, alias="Moderator")


@pytest.fixture
def chat(member, other):
    return messaging.open_conversation(people=[member, other], kind="direct")


@pytest.fixture
def rude_message(chat, other):
    return messaging.send_message(actor=other, conversation=chat, body="Du er dum og grim")
