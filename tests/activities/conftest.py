from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from ligesind.accounts.models import Role
from ligesind.activities import services
from ligesind.activities.models import Audience, CourseTemplate
from tests.factories import make_staff, municipality


@pytest.fixture
def guide(admin_user):
    return make_staff(Role.PEER_GUIDE, "Odense", admin=admin_user, alias="Guide")


@pytest.fixture
def far_coordinator(admin_user):
    return make_staff(Role.COORDINATOR, "Aalborg", admin=admin_user, alias="KoordinatorNord")


def activity_data(**changes):
    start = timezone.now() + timedelta(days=3)
    fields: dict[str, Any] = {
        "kind": "peer_cafe",
        "title": "Peer-café",
        "description": "Kaffe og snak",
        "municipality": municipality("Odense"),
        "place": "Biblioteket",
        "starts_at": start,
        "ends_at": start + timedelta(hours=2),
        "capacity": 2,
        "audience": Audience.MEMBERS,
    }
    fields.update(changes)
    return services.ActivityData(**fields)


@pytest.fixture
def make_activity(guide):
    def make(actor=None, **changes):
        return services.create_activity(actor=actor or guide, data=activity_data(**changes))[0]

    return make


@pytest.fixture
def activity(make_activity):
    return make_activity()


@pytest.fixture
def template():
    return CourseTemplate.objects.get(name="Vejen til hverdagslivet")


@pytest.fixture
def run(coordinator, guide, template):
    return services.create_course_run(
        actor=coordinator,
        template=template,
        municipality=municipality("Odense"),
        place="Frivilligcenteret",
        first_session_at=timezone.now() + timedelta(days=7),
        leaders=[guide],
        capacity=2,
    )
