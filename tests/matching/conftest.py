from typing import Any

import pytest

from ligesind.accounts.models import ExperienceCategory, Interest, Role
from ligesind.matching import services
from ligesind.matching.models import Hope, Meeting
from tests.factories import UserFactory, make_staff, municipality


def category(slug="addiction"):
    return ExperienceCategory.objects.get(slug=slug)


def prefs(user, **changes):
    values: dict[str, Any] = {
        "seeking": False,
        "hope": Hope.PEER,
        "meeting": Meeting.EITHER,
        "municipality": municipality("Odense"),
        "languages": ["da"],
        "topics": [],
        "offers_support": False,
        "capacity": 1,
    }
    values.update(changes)
    return services.save_match_profile(actor=user, data=services.MatchPreferences(**values))


def person(alias, perspective="affected", slug="addiction", **changes):
    user = UserFactory.create(
        member__alias=alias,
        member__experiences={category(slug).pk: perspective},
        member__municipality=municipality("Odense"),
    )
    prefs(user, **changes)
    return user


@pytest.fixture
def walks():
    return Interest.objects.order_by("pk").first()


@pytest.fixture
def seeker(walks):
    return person("Søger", seeking=True, topics=[walks])


@pytest.fixture
def peer(walks):
    return person("Ligestillet", offers_support=True, topics=[walks])


@pytest.fixture
def guide(admin_user, walks):
    user = make_staff(Role.PEER_GUIDE, "Odense", admin=admin_user, alias="Guide")
    from ligesind.accounts import services as account_services

    account_services.update_profile(
        actor=user,
        data=account_services.ProfileData(
            alias="Guide",
            experiences={category().pk: "affected"},
            municipality=municipality("Odense"),
        ),
    )
    prefs(user, offers_support=True, capacity=2, topics=[walks])
    return user
