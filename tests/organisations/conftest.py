import pytest

from ligesind.organisations.models import LocalContact, Organisation
from tests.factories import municipality


@pytest.fixture
def odense_project() -> Organisation:
    organisation = Organisation.objects.create(
        name="Peer to Peer Odense",
        slug="peer-to-peer-odense",
        kind="volunteer_project",
        summary="Aktiviteter, som frivillige laver ud fra deres interesser.",
        description="Vi mødes **hver uge**.",
        email="odense@example.org",
        phone="12 34 56 78",
    )
    odense = municipality("Odense")
    organisation.municipalities.add(odense)
    LocalContact.objects.create(
        organisation=organisation,
        municipality=odense,
        name="Anne Holm",
        email="anne@example.org",
        phone="87 65 43 21",
    )
    return organisation
