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
    monkeypatch.setattr(
        "ligesind.messaging.realtime._send", lambda ids, event: events.append((ids, event))
    )
    return events
