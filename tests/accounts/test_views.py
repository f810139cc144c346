"""Every accounts view, for each role that may and may not use it."""

import pytest
from django.urls import reverse

from ligesind.accounts.models import Block, Role, RoleAssignment, Visibility
from tests.factories import UserFactory, make_staff, municipality

MEMBER_PAGES: list[tuple[str, dict[str, str]]] = [
    ("accounts:home", {}),
    ("accounts:profile_edit", {}),
    ("accounts:directory", {}),
    ("accounts:blocks", {}),
]


@pytest.mark.parametrize(("name", "kwargs"), MEMBER_PAGES)
def test_member_pages_need_login(client, name, kwargs):
    response = client.get(reverse(name, kwargs=kwargs))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


@pytest.mark.parametrize(("name", "kwargs"), MEMBER_PAGES)
def test_member_pages_open_for_members(client, member, name, kwargs):
    client.force_login(member)
    assert client.get(reverse(name, kwargs=kwargs)).status_code == 200


@pytest.mark.parametrize(("name", "kwargs"), MEMBER_PAGES)
def test_without_consent_everything_leads_to_consent(client, name, kwargs):
    newcomer = UserFactory.create(member=False)
    client.force_login(newcomer)
    response = client.get(reverse(name, kwargs=kwargs))
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:consent")


def test_without_alias_member_is_sent_to_profile(client):
    client.force_login(UserFactory.create(member__alias=""))
    response = client.get(reverse("accounts:directory"))
    assert response["Location"] == reverse("accounts:profile_edit")


@pytest.mark.parametrize("path", ["/", "/en/", "/help-now/", "/en/help-now/"])
def test_public_pages_open_for_visitors(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert b"112" in response.content or b"peer" in response.content.lower()


def test_front_page_is_danish_by_default_and_english_under_en(client):
    assert 'lang="da"' in client.get("/").content.decode()
    assert 'lang="en"' in client.get("/en/").content.decode()


def test_profile_page_shows_only_what_viewer_may_see(client, member):
    owner = UserFactory.create(
        member__alias="Skovsti",
        member__real_name="Hemmelig Person",
        member__story="Kun til kontakter",
        member__story_visibility=Visibility.CONTACTS,
        member__municipality=municipality("Odense"),
        member__municipality_visibility=Visibility.MEMBERS,
    )
    client.force_login(member)
    page = client.get(reverse("accounts:profile_detail", args=[owner.profile.public_id]))
    html = page.content.decode()
    assert page.status_code == 200
    assert "Skovsti" in html and "Odense" in html
    assert "Kun til kontakter" not in html
    assert "Hemmelig Person" not in html
    assert owner.email not in html


def test_profile_page_404_for_visitor_redirect_and_blocked(client, member, other):
    url = reverse("accounts:profile_detail", args=[other.profile.public_id])
    assert client.get(url).status_code == 302
    Block.objects.create(blocker=other, blocked=member)
    client.force_login(member)
    assert client.get(url).status_code == 404


def test_coordinator_sees_coordinator_level_in_own_municipality(client, coordinator):
    owner = UserFactory.create(
        member__story="Til koordinatoren",
        member__story_visibility=Visibility.COORDINATORS,
        member__municipality=municipality("Odense"),
    )
    elsewhere = UserFactory.create(
        member__story="Ikke din kommune",
        member__story_visibility=Visibility.COORDINATORS,
        member__municipality=municipality("Gladsaxe"),
    )
    client.force_login(coordinator)
    html = client.get(reverse("accounts:profile_detail", args=[owner.profile.public_id]))
    assert "Til koordinatoren" in html.content.decode()
    html = client.get(reverse("accounts:profile_detail", args=[elsewhere.profile.public_id]))
    assert "Ikke din kommune" not in html.content.decode()


def test_directory_filters_honour_visibility(client, member):
    odense = municipality("Odense")
    shown = UserFactory.create(
        member__alias="Synlig",
        member__municipality=odense,
        member__municipality_visibility=Visibility.MEMBERS,
    )
    UserFactory.create(
        member__alias="Skjult",
        member__municipality=odense,
        member__municipality_visibility=Visibility.ONLY_ME,
    )
    client.force_login(member)
    html = client.get(reverse("accounts:directory"), {"municipality": odense.pk}).content.decode()
    assert "Synlig" in html
    assert "Skjult" not in html
    assert shown.profile.alias in client.get(reverse("accounts:directory")).content.decode()


def test_directory_hides_blocked_and_unlisted(client, member, other):
    UserFactory.create(member__alias="Ulistet", member__listed_in_directory=False)
    Block.objects.create(blocker=member, blocked=other)
    client.force_login(member)
    html = client.get(reverse("accounts:directory")).content.decode()
    assert "Havfugl" not in html
    assert "Ulistet" not in html


def test_directory_htmx_returns_results_only(client, member):
    client.force_login(member)
    response = client.get(reverse("accounts:directory"), headers={"HX-Request": "true"})
    assert b"<html" not in response.content
    assert b'class="member-list"' in response.content


def test_directory_query_count_is_constant(client, member, django_assert_max_num_queries):
    for n in range(30):
        UserFactory.create(member__alias=f"Peer{n:02d}", member__interests_visibility=3)
    client.force_login(member)
    with django_assert_max_num_queries(18):  # a query per contact source; the crisis panel check
        assert client.get(reverse("accounts:directory")).status_code == 200


def test_block_and_unblock(client, member, other):
    client.force_login(member)
    response = client.post(reverse("accounts:block", args=[other.profile.public_id]))
    assert response.status_code == 302
    assert Block.objects.filter(blocker=member, blocked=other).exists()
    client.post(reverse("accounts:unblock", args=[other.profile.public_id]))
    assert not Block.objects.exists()


def test_block_needs_post(client, member, other):
    client.force_login(member)
    assert client.get(reverse("accounts:block", args=[other.profile.public_id])).status_code == 405


def test_edit_profile_saves_and_keeps_input_on_error(client, member, other):
    client.force_login(member)
    data = {
        "alias": "Havfugl",  # taken by `other`
        "real_name": "Anne",
        "real_name_visibility": 0,
        "municipality_visibility": 1,
        "experiences_visibility": 1,
        "story": "Min lange historie",
        "story_visibility": 0,
        "interests_visibility": 2,
        "languages_visibility": 2,
        "contact_preference": "online",
        "contact_preference_visibility": 2,
        "support_role": "seeks",
        "support_role_visibility": 2,
        "avatar_visibility": 2,
    }
    response = client.post(reverse("accounts:profile_edit"), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Min lange historie" in html  # nothing the user wrote is lost
    data["alias"] = "NytNavn"
    response = client.post(reverse("accounts:profile_edit"), data)
    assert response.status_code == 302
    member.profile.refresh_from_db()
    assert member.profile.alias == "NytNavn"
    assert member.profile.story == "Min lange historie"


def test_real_name_cannot_be_shared_with_members(client, member):
    client.force_login(member)
    response = client.post(
        reverse("accounts:profile_edit"),
        {"alias": "X", "real_name": "Anne", "real_name_visibility": 3},
    )
    assert response.status_code == 200
    member.profile.refresh_from_db()
    assert member.profile.real_name_visibility == 0


@pytest.mark.parametrize("who", ["visitor", "member", "coordinator"])
def test_roles_page_is_for_admins_only(client, who, member, coordinator):
    if who != "visitor":
        client.force_login(member if who == "member" else coordinator)
    response = client.get(reverse("accounts:roles"))
    assert response.status_code in (302, 404)
    if who != "visitor":
        assert response.status_code == 404


def test_admin_grants_role_only_with_two_factor(client, admin_user):
    client.force_login(admin_user)
    target = UserFactory.create()
    response = client.post(
        reverse("accounts:roles"), {"email": target.email, "role": Role.MODERATOR}
    )
    assert response.status_code == 200
    assert "two-factor" in response.content.decode() or "to-faktor" in response.content.decode()
    assert not RoleAssignment.objects.filter(user=target).exists()


def test_admin_grants_and_revokes_role(client, admin_user):
    guide = make_staff(Role.PEER_GUIDE, "Odense", admin=admin_user)
    client.force_login(admin_user)
    assert client.get(reverse("accounts:roles")).status_code == 200
    assignment = RoleAssignment.objects.get(user=guide)
    client.post(reverse("accounts:role_revoke", args=[assignment.pk]))
    assert not RoleAssignment.objects.filter(user=guide).exists()


def test_roles_come_a_page_and_a_role_at_a_time(
    client, admin_user, django_assert_max_num_queries, monkeypatch
):
    """Thousands of volunteers hold a role at national size: the list is paged and filtered,
    and a page costs the same number of queries however many roles there are."""
    from ligesind.accounts import views

    monkeypatch.setattr(views, "ROLES_PER_PAGE", 3)
    guides = [
        make_staff(Role.PEER_GUIDE, "Odense", admin=admin_user, alias=f"Guide{n}") for n in range(4)
    ]
    make_staff(Role.MODERATOR, admin=admin_user, alias="Vagten")
    client.force_login(admin_user)
    with django_assert_max_num_queries(16):
        first = client.get(reverse("accounts:roles")).content.decode()
    assert "5 roller" in first and "Side 1 af 2" in first
    assert "Vagten" in first and "Guide3" in first and "Guide1" not in first  # role, newest
    second = client.get(reverse("accounts:roles"), {"page": 2}).content.decode()
    assert "Guide1" in second and "Guide0" in second and "Vagten" not in second
    found = client.get(reverse("accounts:roles"), {"q": "guide2"}).content.decode()
    assert "1 rolle" in found and "Guide2" in found and 'value="guide2"' in found
    by_mail = client.get(reverse("accounts:roles"), {"q": guides[0].email.upper()})
    assert "1 rolle" in by_mail.content.decode()
    none = client.get(reverse("accounts:roles"), {"q": "ingen-som-hedder-sådan"})
    assert "Ingen med en rolle passer til det, du søgte efter." in none.content.decode()
    only = client.get(reverse("accounts:roles"), {"role": "moderator"}).content.decode()
    assert "Vagten" in only and "Guide0" not in only and "1 rolle" in only
    unknown = client.get(reverse("accounts:roles"), {"role": "x", "page": "y"})
    assert unknown.status_code == 200 and "5 roller" in unknown.content.decode()
    assert len(guides) == 4


def test_staff_without_two_factor_must_set_it_up(client):
    from ligesind.accounts.models import User

    boss = UserFactory.create()
    User.objects.filter(pk=boss.pk).update(is_staff=True, is_superuser=True)
    client.force_login(User.objects.get(pk=boss.pk))
    response = client.get(reverse("accounts:directory"))
    assert response["Location"] == reverse("mfa_activate_totp")


def test_django_admin_login_goes_through_allauth(client):
    response = client.get("/admin/login/")
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_avatar_is_served_only_to_allowed_viewers(client, member, other, tmp_path):
    from io import BytesIO

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    from ligesind.accounts import services

    buffer = BytesIO()
    Image.new("RGB", (40, 40), "green").save(buffer, format="PNG")
    upload = SimpleUploadedFile("me.png", buffer.getvalue(), content_type="image/png")
    services.set_avatar(actor=other, upload=upload)
    url = reverse("accounts:avatar", args=[other.profile.public_id])
    client.force_login(member)
    assert client.get(url).status_code == 404  # default: contacts only; member is not a contact
    other.profile.avatar_visibility = Visibility.MEMBERS
    other.profile.save()
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"


def test_a_working_peer_shows_their_title_as_they_choose(client, member, other):
    client.force_login(member)
    data = {
        "alias": "Fyrtårn",
        "real_name_visibility": 0,
        "municipality_visibility": 1,
        "experiences_visibility": 1,
        "story_visibility": 0,
        "interests_visibility": 2,
        "languages_visibility": 2,
        "contact_preference": "online",
        "contact_preference_visibility": 2,
        "support_role": "offers",
        "support_role_visibility": 3,
        "works_as_peer": "on",
        "peer_title": "Recovery mentor",
        "peer_title_visibility": Visibility.MEMBERS,
        "avatar_visibility": 2,
    }
    assert client.post(reverse("accounts:profile_edit"), data).status_code == 302
    url = reverse("accounts:profile_detail", args=[member.profile.public_id])
    client.force_login(other)
    assert "Arbejder som" in client.get(url).content.decode()
    assert "Recovery mentor" in client.get(url).content.decode()
    client.force_login(member)
    data["peer_title_visibility"] = Visibility.ONLY_ME
    client.post(reverse("accounts:profile_edit"), data)
    client.force_login(other)
    assert "Recovery mentor" not in client.get(url).content.decode()
