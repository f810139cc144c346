import pytest
from django.core.cache import cache

from ligesind.accounts.models import Role, User
from tests.factories import UserFactory, make_admin, make_staff


@pytest.fixture(autouse=True)
def _isolated(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    cache.clear()


@pytest.fixture
def member() -> User:
    return UserFactory.create(member__alias="Solhjerte")


@pytest.fixture
def other() -> User:
    return UserFactory.create(member__alias="Havfugl")


@pytest.fixture
def admin_user() -> User:
    return make_admin()


@pytest.fixture
def coordinator(admin_user) -> User:
    return make_staff(Role.COORDINATOR, "Odense", admin=admin_user, alias="KoordinatorOdense")
