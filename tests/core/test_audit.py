"""The staff-access audit: written for every staff view of sensitive data, append-only, visible
to the member."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from ligesind.accounts import services
from ligesind.accounts.models import Role, Visibility
from ligesind.accounts.permissions import PROFILE_FIELDS
from ligesind.core.audit import record_staff_access
from ligesind.core.models import AccessLog
from tests.factories import UserFactory, make_staff, municipality


@pytest.fixture
def private_member():
    """A member in Odense who shares everything with coordinators only."""
    user = UserFactory.create(
        member__alias="Stille",
        member__municipality=municipality("Odense"),
        member__story="Kun til koordinatoren",
        **{f"member__{f}_visibility": Visibility.COORDINATORS for f in
           ("municipality", "experiences", "story", "interests", "avatar")},
    )  # fmt: skip
    image = io.BytesIO()
    Image.new("RGB", (20, 20)).save(image, format="PNG")
    services.set_avatar(actor=user, upload=SimpleUploadedFile("a.png", image.getvalue()))
    return user


def profile_page(user):
    return reverse("accounts:profile_detail", args=[user.profile.public_id])


def avatar(user):
    return reverse("accounts:avatar", args=[user.profile.public_id])


def admin_profile(user):
    return reverse("admin:accounts_profile_change", args=[user.profile.pk])


# Every staff view that shows a member's sensitive data. A new one must be added here.
SENSITIVE_STAFF_VIEWS = [
    ("profile", profile_page, "coordinator"),
    ("picture", avatar, "coordinator"),
    ("profile", profile_page, "admin"),
    ("profile", admin_profile, "admin"),
]


@pytest.mark.parametrize(("what", "url", "who"), SENSITIVE_STAFF_VIEWS)
def test_every_sensitive_staff_view_is_audited(
    client, private_member, coordinator, admin_user, what, url, who
):
    client.force_login(coordinator if who == "coordinator" else admin_user)
    assert client.get(url(private_member)).status_code == 200
    entry = AccessLog.objects.get(subject_id=private_member.pk)
    assert entry.what == what
    assert entry.actor_id == (coordinator if who == "coordinator" else admin_user).pk
    assert entry.purpose


def test_coordinator_elsewhere_sees_nothing_and_leaves_no_entry(client, private_member, admin_user):
    elsewhere = make_staff(Role.COORDINATOR, "Gladsaxe", admin=admin_user)
    client.force_login(elsewhere)
    html = client.get(profile_page(private_member)).content.decode()
    assert "Kun til koordinatoren" not in html
    assert not AccessLog.objects.exists()


def test_members_and_owner_leave_no_entry(client, private_member, member):
    client.force_login(member)
    client.get(profile_page(private_member))
    client.force_login(private_member)
    client.get(profile_page(private_member))
    assert not AccessLog.objects.exists()


def test_staff_seeing_only_shared_data_leaves_no_entry(client, coordinator):
    shared = {f"member__{f}_visibility": Visibility.MEMBERS for f in PROFILE_FIELDS}
    del shared["member__real_name_visibility"]  # never beyond coordinators
    open_member = UserFactory.create(member__municipality=municipality("Odense"), **shared)
    client.force_login(coordinator)
    client.get(profile_page(open_member))
    assert not AccessLog.objects.exists()


def test_directory_shows_staff_only_what_members_see(client, private_member, coordinator):
    client.force_login(coordinator)
    html = client.get(reverse("accounts:directory")).content.decode()
    assert "Stille" in html
    assert "Odense" not in html.split("member-list")[1]
    assert not AccessLog.objects.exists()


def test_log_is_append_only(coordinator, member):
    entry = record_staff_access(viewer=coordinator, subject=member, what="profile", purpose="test")
    assert entry is not None
    with pytest.raises(PermissionError):
        entry.save()
    with pytest.raises(PermissionError):
        entry.delete()
    with pytest.raises(PermissionError):
        AccessLog.objects.all().delete()
    with pytest.raises(PermissionError):
        AccessLog.objects.update(purpose="changed")
    assert AccessLog.objects.get().purpose == "test"


def test_member_sees_who_looked_in_their_language(client, private_member, coordinator, other):
    client.force_login(coordinator)
    client.get(profile_page(private_member))
    record_staff_access(viewer=coordinator, subject=other, what="profile", purpose="not yours")
    client.force_login(private_member)
    html = client.get(reverse("accounts:access_log")).content.decode()
    assert "KoordinatorOdense (Koordinator)" in html
    assert "profil" in html
    assert "not yours" not in html
    english = client.get("/en" + reverse("accounts:access_log")).content.decode()
    assert "Coordinator or administrator duty" in english


@pytest.mark.parametrize("who", ["visitor", "no-consent"])
def test_access_log_page_is_for_members(client, who):
    if who == "no-consent":
        client.force_login(UserFactory.create(member=False))
    response = client.get(reverse("accounts:access_log"))
    assert response.status_code == 302
