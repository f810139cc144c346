import pytest
from channels.layers import DEFAULT_CHANNEL_LAYER, channel_layers
from django.apps import apps
from django.core.cache import cache
from django.utils import translation
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from ligesind.accounts.models import Role, User
from ligesind.accounts.seed import load_seed
from ligesind.activities.seed import load_course_templates
from ligesind.community.search import clear_index
from ligesind.community.seed import load_categories
from ligesind.core.models import Municipality
from ligesind.core.municipalities import load_municipalities
from ligesind.core.remembered import forget_all
from ligesind.messaging import realtime
from ligesind.safety.lexicon import load_lexicon
from tests.factories import UserFactory, make_admin, make_staff

# Property tests are the same on every run and never fail by being slow on a busy machine:
# derandomised, no deadline, no too_slow health check, no example database on disk.
hypothesis_settings.register_profile(
    "ligesind",
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
hypothesis_settings.load_profile("ligesind")


@pytest.fixture(autouse=True)
def _isolated(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    cache.clear()
    # What the process remembers between requests (the crisis lexicon, the site notice, the
    # forum's index version and categories, kept markup, prepared SQL): ligesind.core.remembered
    forget_all()
    realtime._layer["down_until"] = 0.0  # a channel layer that failed in an earlier test
    # A fresh channel layer for every test: a layer object is not thread-safe and keeps state
    # per event loop (channels-redis's receive lock and count), and an earlier test's server
    # thread may still be finishing with its own.
    channel_layers.set(DEFAULT_CHANNEL_LAYER, channel_layers.make_backend(DEFAULT_CHANNEL_LAYER))
    # A request to /en/ leaves English active in this thread; every test starts in Danish.
    translation.activate(settings.LANGUAGE_CODE)
    _reference_data()


def _reference_data() -> None:
    """Data migrations' rows (municipalities, categories, interests, course templates, crisis
    phrases) are flushed after each transactional (browser) test; load them again."""
    if not Municipality.objects.exists():
        load_municipalities(apps, None)
        load_seed(apps, None)
        load_course_templates(apps, None)
        load_lexicon(apps, None)
        load_categories(apps, None)
        clear_index()


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
