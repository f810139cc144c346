import pytest

from ligesind.accounts import services as accounts
from ligesind.accounts.models import Role
from ligesind.research.models import (
    Arm,
    ConsentVersion,
    Question,
    Study,
    TeamMember,
    Timepoint,
)
from tests.factories import make_organisation, make_staff


def make_study(organisation, *, strata="", status="recruiting"):
    study = Study.objects.create(
        organisation=organisation,
        title="Håb og Selvbestemmelse i hverdagslivet",
        slug="haab",
        summary="Virker gruppeforløbet Vejen til hverdagslivet?",
        description="Vi undersøger effekten af et gratis peer-gruppeforløb.",
        status=status,
        strata=strata,
    )
    Question.objects.create(study=study, text="Er du fyldt 18 år?", eligible_answer=True)
    Question.objects.create(
        study=study, text="Går du allerede i et gruppeforløb?", eligible_answer=False
    )
    ConsentVersion.objects.create(
        study=study,
        number=1,
        text="Du kan altid trække dig.",
        statements=["Jeg har læst informationen.", "Jeg vil gerne deltage."],
    )
    Arm.objects.create(study=study, name="Forløb nu", kind="intervention")
    Arm.objects.create(study=study, name="Venteliste", kind="waiting_list")
    Timepoint.objects.create(study=study, name="Start", days=0)
    Timepoint.objects.create(study=study, name="Uge 10", days=70)
    return study


@pytest.fixture
def partnership():
    return make_organisation("Peer-Partnerskabet", "partnerskabet", "Fredericia")


@pytest.fixture
def study(partnership):
    return make_study(partnership)


@pytest.fixture
def researcher(study, admin_user, partnership):
    user = make_staff(
        Role.RESEARCHER, admin=admin_user, alias="Forsker", organisations=[partnership]
    )
    TeamMember.objects.create(study=study, user=user, peer_researcher=True)
    return user


@pytest.fixture
def other_researcher(admin_user):
    return make_staff(Role.RESEARCHER, admin=admin_user, alias="AndenForsker")


__all__ = ["accounts"]
