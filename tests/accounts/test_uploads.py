"""Uploaded pictures are checked by content and re-encoded: the test files in files/ are a
PNG with an HTML page appended, an SVG with a script and a JPEG with a GPS position."""

from io import BytesIO
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from ligesind.accounts import services
from ligesind.accounts.models import Profile
from ligesind.core.errors import DomainError

FILES = Path(__file__).parent / "files"


def upload(name: str, content_type: str = "image/png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, (FILES / name).read_bytes(), content_type=content_type)


def test_png_html_hybrid_keeps_only_the_pixels(member):
    assert b"<script>" in (FILES / "png_html_hybrid.png").read_bytes()
    profile = services.set_avatar(actor=member, upload=upload("png_html_hybrid.png"))
    stored = profile.avatar.read()
    assert b"<script" not in stored and b"<html" not in stored
    assert Image.open(BytesIO(stored)).format == "PNG"


def test_svg_with_script_is_refused_with_a_clear_message(member):
    with pytest.raises(DomainError, match="billede|picture"):
        services.set_avatar(actor=member, upload=upload("script.svg", "image/svg+xml"))
    assert not Profile.objects.get(user=member).avatar


def test_gps_position_is_gone_after_upload(member):
    original = Image.open(FILES / "gps.jpg").getexif()
    assert original.get_ifd(0x8825)  # the test file really has a GPS position
    profile = services.set_avatar(actor=member, upload=upload("gps.jpg", "image/jpeg"))
    stored = Image.open(BytesIO(profile.avatar.read()))
    assert stored.format == "PNG"
    assert not stored.getexif() and "exif" not in stored.info
    assert b"PhoneMaker" not in profile.avatar.open("rb").read()


def test_the_upload_page_keeps_the_old_picture_and_says_why(client, member):
    services.set_avatar(actor=member, upload=upload("gps.jpg", "image/jpeg"))
    before = Profile.objects.get(user=member).avatar.name
    client.force_login(member)
    response = client.post(
        reverse("accounts:profile_avatar"),
        {"avatar": upload("script.svg", "image/svg+xml")},
        follow=True,
    )
    assert Profile.objects.get(user=member).avatar.name == before
    page = response.content.decode()
    assert "billede" in page  # the translated reason is shown


def test_pictures_are_served_as_png_never_sniffed(client, member, other):
    profile = services.set_avatar(actor=member, upload=upload("png_html_hybrid.png"))
    profile.avatar_visibility = 3
    profile.save()
    client.force_login(other)
    response = client.get(reverse("accounts:avatar", args=[profile.public_id]))
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
