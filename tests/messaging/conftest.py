import pytest

from ligesind.accounts.models import ExperienceCategory
from ligesind.messaging import services
from tests.factories import UserFactory


@pytest.fixture
def category():
    return ExperienceCategory.objects.get(slug="loneliness")


@pytest.fixture
def alice(category):
    return UserFactory.create(member__alias="Alice", member__experiences={category.pk: "affected"})


@pytest.fixture
def bob(category):
    return UserFactory.create(member__alias="Bob", member__experiences={category.pk: "relative"})


@pytest.fixture
def chat(alice, bob):
    return services.open_conversation(people=[alice, bob], kind="direct")


@pytest.fixture
def published(monkeypatch):
    """Capture real-time events instead of sending them: (user ids, event)."""
    events: list[tuple[list[int], dict]] = []

    def capture(messages):
        groups: dict[int, tuple[list[int], dict]] = {}
        for user_id, message in messages:  # one message object per event, sent to each user
            event = {key: value for key, value in message.items() if key != "type"}
            groups.setdefault(id(message), ([], event))[0].append(user_id)
        events.extend(groups.values())

    monkeypatch.setattr("ligesind.messaging.realtime._deliver", capture)
    return events
