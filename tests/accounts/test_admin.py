"""Django admin is for administrators only, and roles granted there obey the two-factor rule."""

import pytest
from django.urls import reverse

from ligesind.accounts.models import Role, RoleAssignment
from tests.factories import UserFactory, with_two_factor

ADMIN_PAGES = [
    "/admin/",
    "/admin/accounts/user/",
    "/admin/accounts/profile/",
    "/admin/accounts/roleassignment/",
    "/admin/accounts/experiencecategory/",
    "/admin/accounts/consentrecord/",
    "/admin/activities/coursetemplate/",
    "/admin/activities/activity/",
    "/admin/activities/courserun/",
]


@pytest.mark.parametrize("path", ADMIN_PAGES)
def test_admin_pages_open_for_admins(client, admin_user, path):
    client.force_login(admin_user)
    assert client.get(path).status_code == 200


@pytest.mark.parametrize("path", ADMIN_PAGES)
def test_admin_pages_closed_for_members_and_coordinators(client, member, coordinator, path):
    for user in (member, coordinator):
        client.force_login(user)
        response = client.get(path)
        assert response.status_code in (302, 403)
        if response.status_code == 302:
            assert "/admin/" not in response["Location"] or "login" in response["Location"]


def test_admin_pages_closed_for_visitors(client):
    response = client.get("/admin/")
    assert response.status_code == 302


def test_role_granted_in_admin_needs_two_factor(client, admin_user):
    target = UserFactory.create()
    client.force_login(admin_user)
    add = reverse("admin:accounts_roleassignment_add")
    client.post(add, {"user": target.pk, "role": Role.MODERATOR})
    assert not RoleAssignment.objects.filter(user=target).exists()
    with_two_factor(target)
    client.post(add, {"user": target.pk, "role": Role.MODERATOR})
    assert RoleAssignment.objects.filter(user=target, role=Role.MODERATOR).exists()


def test_story_is_not_shown_in_admin(client, admin_user):
    owner = UserFactory.create(member__story="Meget privat historie")
    client.force_login(admin_user)
    page = client.get(reverse("admin:accounts_profile_change", args=[owner.profile.pk]))
    assert "Meget privat historie" not in page.content.decode()


def test_admins_edit_course_templates(client, admin_user):
    from ligesind.activities.models import CourseTemplate

    template = CourseTemplate.objects.get(name="Vejen til hverdagslivet")
    client.force_login(admin_user)
    url = reverse("admin:activities_coursetemplate_change", args=[template.pk])
    assert client.get(url).status_code == 200
