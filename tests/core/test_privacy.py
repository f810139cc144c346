"""Export everything about me; erase everything about me."""

import io
import json

import pytest
from django.apps import apps
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, models
from django.urls import reverse
from PIL import Image

from ligesind.accounts import services
from ligesind.accounts.models import Profile, User
from ligesind.core.audit import record_staff_access
from ligesind.core.privacy import EXPORT_EXCLUDED, export_sections, exported_models
from tests.factories import PASSWORD, UserFactory, municipality, with_two_factor


def linked_to_a_user(model: type[models.Model]) -> bool:
    if model is User:
        return True
    return any(
        field.is_relation and field.related_model in (User, Profile) and field.concrete
        for field in model._meta.get_fields()
    )


def test_every_model_linked_to_a_user_is_exported_or_excluded_with_a_reason():
    linked = {m._meta.label for m in apps.get_models() if linked_to_a_user(m)}
    covered = exported_models() | set(EXPORT_EXCLUDED)
    assert linked - covered == set(), "add these to an export section or EXPORT_EXCLUDED"
    assert all(reason.strip() for reason in EXPORT_EXCLUDED.values())
    known = {m._meta.label for m in apps.get_models()}
    assert exported_models() <= known


@pytest.fixture
def rich_member(admin_user, coordinator):
    user = UserFactory.create(
        email="rig@example.org",
        member__alias="Rigdomsvej",
        member__real_name="Karen Særnavn",
        member__story="Min helt særlige historie om tunge dage",
        member__municipality=municipality("Odense"),
    )
    image = io.BytesIO()
    Image.new("RGB", (30, 30), "red").save(image, format="PNG")
    services.set_avatar(actor=user, upload=SimpleUploadedFile("a.png", image.getvalue()))
    services.block_user(actor=user, target=coordinator)
    with_two_factor(user)
    record_staff_access(viewer=coordinator, subject=user, what="profile", purpose="test")
    LogEntry.objects.log_actions(
        user_id=admin_user.pk,
        queryset=[user],
        action_flag=CHANGE,
        change_message="changed",
        single_object=True,
    )
    return User.objects.get(pk=user.pk)


def test_export_json_contains_everything_about_me(client, rich_member, other):
    client.force_login(rich_member)
    response = client.get(reverse("accounts:export_json"))
    assert response["Content-Disposition"].startswith("attachment")
    data = json.loads(response.content)
    assert {section.key for section in export_sections()} <= set(data)
    assert data["account"]["email"] == "rig@example.org"
    assert data["profile"]["story"] == "Min helt særlige historie om tunge dage"
    assert data["profile"]["real_name"] == "Karen Særnavn"
    assert data["profile"]["picture"].startswith("data:image/png;base64,")
    assert data["blocks"][0]["blocked"] == "KoordinatorOdense"
    assert data["access_log"][0]["who"] == "KoordinatorOdense"
    assert data["consents"][0]["version"]
    assert "secret" not in json.dumps(data["account"])
    assert other.email not in response.content.decode()


def test_export_page_is_readable_danish(client, rich_member):
    client.force_login(rich_member)
    html = client.get(reverse("accounts:export_page")).content.decode()
    assert "Min helt særlige historie" in html
    assert "Hvem har set mine oplysninger" in html
    assert "E-mailadresse" in html


@pytest.mark.parametrize(
    "name", ["accounts:export", "accounts:export_json", "accounts:export_page", "accounts:delete"]
)
def test_my_data_pages_need_a_member(client, name):
    assert client.get(reverse(name)).status_code == 302


def all_stored_text() -> str:
    chunks: list[str] = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 - names from introspection
            chunks.extend(str(value) for row in cursor.fetchall() for value in row)
    return "\n".join(chunks)


def test_erasure_leaves_no_personal_value_anywhere(rich_member, django_capture_on_commit_callbacks):
    avatar_path = rich_member.profile.avatar.path
    needles = ["rig@example.org", "Rigdomsvej", "Karen Særnavn", "tunge dage"]
    stored = all_stored_text()
    assert all(n in stored for n in needles[:3])  # the scan does see them before
    with django_capture_on_commit_callbacks(execute=True):
        services.delete_account(actor=rich_member)
    stored = all_stored_text()
    for needle in needles:
        assert needle not in stored
    assert not User.objects.filter(pk=rich_member.pk).exists()
    assert not LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(User)
    ).exists()
    import os

    assert not os.path.exists(avatar_path)


def test_delete_account_in_the_browser_flow(client):
    user = UserFactory.create(email="farvel@example.org")
    client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    page = client.get(reverse("accounts:delete"))
    assert "reauthenticate" in page["Location"]  # the password is asked for again first
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    page = client.get(reverse("accounts:delete"))
    assert page.status_code == 200
    html = page.content.decode()  # the irreversible step explained in Danish, not English
    assert "Det kan ikke fortrydes." in html and "This cannot be undone." not in html
    response = client.post(reverse("accounts:delete"), {})
    assert response.status_code == 200
    assert User.objects.filter(pk=user.pk).exists()  # not confirmed: nothing deleted
    response = client.post(reverse("accounts:delete"), {"confirm": "yes"})
    assert response.status_code == 302
    assert not User.objects.filter(pk=user.pk).exists()
    assert client.get(reverse("accounts:home")).status_code == 302


def test_delete_requires_recent_authentication(client, member):
    client.force_login(member)
    response = client.get(reverse("accounts:delete"))
    assert "reauthenticate" in response["Location"]
