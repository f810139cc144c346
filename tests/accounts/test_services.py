import io

import pytest
from allauth.mfa.models import Authenticator
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from ligesind.accounts import services
from ligesind.accounts.models import ConsentRecord, Profile, Role, RoleAssignment, User
from ligesind.accounts.permissions import roles_of
from ligesind.core.errors import DomainError, NotAllowed
from tests.factories import UserFactory, make_staff, municipality, with_two_factor


def picture(fmt: str = "JPEG", size=(800, 600), exif: bool = False) -> SimpleUploadedFile:
    image = Image.new("RGB", size, "teal")
    buffer = io.BytesIO()
    extra = {}
    if exif:
        data = Image.Exif()
        data[0x010F] = "SecretCamera"  # Make
        data[0x8825] = {1: "N", 2: (55.0, 40.0, 0.0)}  # GPS
        extra["exif"] = data.tobytes()
    image.save(buffer, format=fmt, **extra)
    return SimpleUploadedFile(f"p.{fmt.lower()}", buffer.getvalue())


def test_avatar_loses_metadata_and_is_resized(member):
    profile = services.set_avatar(actor=member, upload=picture(exif=True))
    stored = profile.avatar.read()
    assert b"SecretCamera" not in stored
    with Image.open(io.BytesIO(stored)) as image:
        assert image.format == "PNG"
        assert max(image.size) <= 512
        assert not image.getexif()


def test_avatar_rejects_non_images_and_large_files(member, settings):
    with pytest.raises(DomainError):
        services.set_avatar(actor=member, upload=SimpleUploadedFile("x.png", b"not an image"))
    settings.AVATAR_MAX_BYTES = 100
    with pytest.raises(DomainError, match="2 MB"):
        services.set_avatar(actor=member, upload=picture())


def test_remove_avatar(member):
    services.set_avatar(actor=member, upload=picture("PNG"))
    services.remove_avatar(actor=member)
    assert not Profile.objects.get(user=member).avatar


def test_alias_is_unique_case_insensitively(member):
    other = UserFactory.create()
    with pytest.raises(DomainError):
        services.update_profile(actor=other, data=services.ProfileData(alias="SOLHJERTE"))


def test_register_member_requires_adult():
    user = UserFactory.create(member=False)
    with pytest.raises(DomainError):
        services.register_member(
            user=user, adult_confirmed=False, consent_version="2026-12", language="da"
        )
    assert not ConsentRecord.objects.filter(user=user).exists()


def test_unknown_consent_version_is_refused(member):
    with pytest.raises(DomainError):
        services.give_health_consent(actor=member, version="1999-01", language="da")


def test_withdrawing_consent_deletes_account_and_keeps_withdrawal(member):
    pk = member.pk
    services.withdraw_health_consent(actor=member)
    assert not User.objects.filter(pk=pk).exists()
    record = ConsentRecord.objects.get()
    assert record.user is None
    assert record.withdrawn_at is not None


def test_grant_role_refused_without_two_factor(admin_user, member):
    with pytest.raises(DomainError, match="to-faktor"):
        services.grant_role(actor=admin_user, user=member, role=Role.MODERATOR)
    assert not RoleAssignment.objects.exists()


def test_only_admins_grant_roles(member, other):
    with_two_factor(other)
    with pytest.raises(NotAllowed):
        services.grant_role(actor=member, user=other, role=Role.MODERATOR)


def test_coordinator_needs_municipality(admin_user, member):
    with_two_factor(member)
    with pytest.raises(DomainError):
        services.grant_role(actor=admin_user, user=member, role=Role.COORDINATOR)


def test_grant_admin_gives_django_admin(admin_user, member):
    with_two_factor(member)
    services.grant_role(actor=admin_user, user=member, role=Role.ADMIN)
    member.refresh_from_db()
    assert member.is_staff and member.is_superuser
    assert Role.ADMIN in roles_of(User.objects.get(pk=member.pk))


def test_staff_cannot_remove_their_two_factor(admin_user):
    from allauth.mfa.adapter import get_adapter

    guide = make_staff(Role.PEER_GUIDE, "Odense", admin=admin_user)
    totp = Authenticator.objects.get(user=guide, type=Authenticator.Type.TOTP)
    assert not get_adapter().can_delete_authenticator(totp)


def test_member_can_remove_their_two_factor(member):
    from allauth.mfa.adapter import get_adapter

    with_two_factor(member)
    totp = Authenticator.objects.get(user=member, type=Authenticator.Type.TOTP)
    assert get_adapter().can_delete_authenticator(totp)


def test_totp_secret_is_encrypted_at_rest(member):
    with_two_factor(member)
    raw = Authenticator.objects.filter(user=member).values_list("data", flat=True).get()
    assert raw["secret"].startswith("fernet:")


def test_admin_cannot_remove_own_admin_role(admin_user):
    assignment = services.grant_role(actor=admin_user, user=admin_user, role=Role.ADMIN)
    with pytest.raises(DomainError):
        services.revoke_role(actor=admin_user, assignment=assignment)


def test_experiences_are_replaced(member):
    from ligesind.accounts.models import ExperienceCategory

    first, second = ExperienceCategory.objects.all()[:2]
    data = services.ProfileData(alias="Solhjerte", experiences={first.pk: "affected"})
    services.update_profile(actor=member, data=data)
    data = services.ProfileData(alias="Solhjerte", experiences={second.pk: "relative"})
    profile = services.update_profile(actor=member, data=data)
    assert [(e.category_id, e.perspective) for e in profile.experiences.all()] == [
        (second.pk, "relative")
    ]


def test_block_self_is_refused(member):
    with pytest.raises(NotAllowed):
        services.block_user(actor=member, target=member)


def test_municipality_helper_has_all_98():
    from ligesind.core.models import Municipality

    assert Municipality.objects.count() == 98
    assert municipality("København").region == "hovedstaden"
