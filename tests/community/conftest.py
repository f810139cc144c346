import pytest

from ligesind.accounts.models import Role, User
from ligesind.community import services
from ligesind.community.models import Category, Group, Thread
from tests.factories import UserFactory, make_staff


@pytest.fixture
def moderator(admin_user) -> User:
    return make_staff(Role.MODERATOR, admin=admin_user, alias="Moderator")


@pytest.fixture
def guide(admin_user) -> User:
    return make_staff(Role.PEER_GUIDE, "Odense", admin=admin_user, alias="GuideOdense")


@pytest.fixture
def third() -> User:
    return UserFactory.create(member__alias="Skovlys")


@pytest.fixture
def everyday() -> Category:
    return Category.objects.get(slug="everyday-life")


@pytest.fixture
def relatives() -> Category:
    """A category that allows anonymous posts."""
    return Category.objects.get(slug="relatives")


@pytest.fixture
def make_thread(member, everyday):
    def make(author: User | None = None, **kwargs) -> Thread:
        kwargs.setdefault("category", everyday)
        kwargs.setdefault("title", "Små ting der hjælper")
        kwargs.setdefault("body", "Jeg går en tur hver dag.")
        return services.start_thread(actor=author or member, **kwargs)

    return make


@pytest.fixture
def make_group(member):
    def make(owner: User | None = None, **kwargs) -> Group:
        kwargs.setdefault("name", "Gåturs-netværket")
        kwargs.setdefault("kind", "network")
        kwargs.setdefault("visibility", "open")
        return services.create_group(actor=owner or member, **kwargs)

    return make
