"""The directory counts up to COUNT_LIMIT members and says "more than" beyond, so a national
community's every page does not count every member; filters still find everyone."""

from django.urls import reverse

from ligesind.accounts import directory
from tests.factories import UserFactory


def test_the_count_stops_at_the_limit_and_says_more_than(client, monkeypatch):
    monkeypatch.setattr(directory, "COUNT_LIMIT", 3)
    monkeypatch.setattr("ligesind.accounts.views.COUNT_LIMIT", 3)
    viewer = UserFactory.create(member__alias="Anna")
    for n in range(5):
        UserFactory.create(member__alias=f"Peer{n}")
    client.force_login(viewer)
    page = client.get(reverse("accounts:directory")).content.decode()
    assert "Mere end 3 medlemmer fundet. Vælg en kommune" in page
    assert page.count('class="member-card"') == 4  # the list ends one past the limit
    page = client.get(reverse("accounts:directory"), {"q": "", "page": 2}).content.decode()
    assert page.count('class="member-card"') == 4  # no page beyond it


def test_under_the_limit_the_exact_number_is_shown(client):
    viewer = UserFactory.create(member__alias="Anna")
    UserFactory.create(member__alias="Havfugl")
    client.force_login(viewer)
    page = client.get(reverse("accounts:directory")).content.decode()
    assert "1 medlem fundet" in page
