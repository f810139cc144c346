"""Every PeerMatch page for each role that may and may not use it."""

import pytest
from django.urls import reverse

from ligesind.accounts.models import Role
from ligesind.core.models import AccessLog
from ligesind.matching import services
from ligesind.matching.models import Match, MatchStatus
from tests.factories import UserFactory, make_staff


@pytest.fixture
def match(seeker, peer):
    return services.request_match(actor=seeker, partner=peer, message="Hej")


def status_of(client, user, url):
    client.logout()
    if user is not None:
        client.force_login(user)
    return client.get(url).status_code


def test_pages_by_role(client, seeker, peer, match, coordinator, admin_user):
    outsider = UserFactory.create(member__alias="Udenfor")
    far = make_staff(Role.COORDINATOR, "Aalborg", admin=admin_user, alias="Nord")
    own = [
        reverse("matching:home"),
        reverse("matching:profile"),
        reverse("matching:suggestions"),
    ]
    for url in own:
        assert status_of(client, None, url) == 302
        for user in (seeker, outsider, coordinator):
            assert status_of(client, user, url) == 200, url
    detail = reverse("matching:match", args=[match.pk])
    assert status_of(client, None, detail) == 302
    for user, expected in [
        (seeker, 200), (peer, 200), (outsider, 404),
        (far, 404), (coordinator, 200), (admin_user, 200),
    ]:  # fmt: skip
        assert status_of(client, user, detail) == expected, user
    coordinate = reverse("matching:coordinate")
    for user, expected in [(seeker, 404), (coordinator, 200), (far, 200), (admin_user, 200)]:
        assert status_of(client, user, coordinate) == expected
    ask = reverse("matching:ask", args=[peer.profile.public_id])
    assert status_of(client, outsider, ask) == 404  # shares nothing with the peer
    assert status_of(client, seeker, ask) == 404  # a request is already open


def test_coordinator_opening_a_match_is_audited(client, seeker, peer, match, coordinator):
    client.force_login(coordinator)
    client.get(reverse("matching:match", args=[match.pk]))
    assert set(AccessLog.objects.values_list("subject_id", flat=True)) == {seeker.pk, peer.pk}


def test_ask_accept_end_without_javascript(client, seeker, peer):
    client.force_login(seeker)
    page = client.get(reverse("matching:suggestions")).content.decode()
    assert "Ligestillet" in page and "begge holder af" in page
    url = reverse("matching:ask", args=[peer.profile.public_id])
    response = client.post(url, {"message": "Må jeg skrive?"})
    match = Match.objects.get()
    assert response["Location"] == reverse("matching:match", args=[match.pk])
    client.force_login(peer)
    page = client.get(reverse("matching:match", args=[match.pk])).content.decode()
    assert "Må jeg skrive?" in page and "Ja, lad os blive matchet" in page
    client.post(reverse("matching:action", args=[match.pk, "accept"]))
    match.refresh_from_db()
    assert match.status == MatchStatus.ACTIVE
    page = client.get(reverse("matching:match", args=[match.pk])).content.decode()
    assert reverse("messaging:conversation", args=[match.conversation_id]) in page
    response = client.post(reverse("matching:action", args=[match.pk, "end"]), {"reason": ""})
    match.refresh_from_db()
    assert match.status == MatchStatus.ACTIVE  # no reason: nothing happens, a message says why
    client.post(reverse("matching:action", args=[match.pk, "end"]), {"reason": "period"})
    match.refresh_from_db()
    assert match.status == MatchStatus.ENDED
    assert client.post(reverse("matching:action", args=[match.pk, "nonsense"])).status_code == 404


def test_wishes_form_explains_errors_and_keeps_input(client, seeker):
    client.force_login(seeker)
    data = {
        "seeking": "on",
        "hope": "peer",
        "meeting": "in_person",
        "languages": ["da"],
        "capacity": "9",
        "note": "Gerne gåture",
    }
    page = client.post(reverse("matching:profile"), data).content.decode()
    assert "Gerne gåture" in page and "Denne værdi skal være mindre end eller lig 5." in page
    data["capacity"] = "1"
    page = client.post(reverse("matching:profile"), data).content.decode()
    assert "Vælg din kommune for at mødes fysisk." in page


def test_coordinator_sends_a_proposal(client, coordinator, guide, walks):
    from ligesind.matching.models import Hope
    from tests.matching.conftest import person

    waiting = person("Venter", seeking=True, hope=Hope.GUIDE, topics=[walks])
    client.force_login(coordinator)
    page = client.get(reverse("matching:coordinate")).content.decode()
    assert "Venter" in page and "Guide" in page
    client.post(reverse("matching:send_proposal"), {"seeker": waiting.pk, "guide": guide.pk})
    assert Match.objects.get().proposed_by == coordinator
    assert client.post(reverse("matching:send_proposal"), {"seeker": "x"}).status_code == 404


def test_the_coordinators_page_says_why_someone_waiting_has_no_proposal(
    client, coordinator, guide, walks
):
    from ligesind.matching.models import Hope
    from tests.matching.conftest import person

    # The guide is affected by addiction; this member knows loneliness only.
    lonely = person("Ensom", slug="loneliness", seeking=True, hope=Hope.GUIDE)
    client.force_login(coordinator)
    page = client.get(reverse("matching:coordinate")).content.decode()
    assert "Ingen forslag: for hvert medlem, der venter, står grunden nedenfor." in page
    assert "de to deler ingen levede erfaringer" in page
    client.post(reverse("matching:send_proposal"), {"seeker": lonely.pk, "guide": guide.pk})
    page = client.get(reverse("matching:coordinate")).content.decode()
    assert "De to kan ikke matches lige nu: de to deler ingen levede erfaringer." in page
    assert not Match.objects.exists()


def test_coordinators_page_queries_do_not_grow_with_who_waits(client, coordinator, guide, walks):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from ligesind.matching.models import Hope
    from tests.matching.conftest import person

    client.force_login(coordinator)
    counts = []
    for batch in range(2):
        for n in range(3):
            person(f"Venter{batch}{n}", seeking=True, hope=Hope.GUIDE, topics=[walks])
        client.get(reverse("matching:coordinate"))
        with CaptureQueriesContext(connection) as captured:
            page = client.get(reverse("matching:coordinate")).content.decode()
        counts.append(len(captured.captured_queries))
    assert "Venter12" in page
    assert counts[0] == counts[1]
