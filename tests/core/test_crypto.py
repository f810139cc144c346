from cryptography.fernet import Fernet
from django.db import connection
from hypothesis import given, settings
from hypothesis import strategies as st

from ligesind.accounts.models import Profile
from ligesind.core.crypto import PREFIX, decrypt_text, encrypt_text
from tests.factories import UserFactory


def raw_story(profile_id: int) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT story FROM accounts_profile WHERE id = %s", [profile_id])
        return cursor.fetchone()[0]


def test_story_is_encrypted_at_rest():
    user = UserFactory.create(member__story="Jeg har haft en svær tid med angst")
    raw = raw_story(user.profile.pk)
    assert "angst" not in raw
    assert raw.startswith("fernet:")
    assert Profile.objects.get(pk=user.profile.pk).story == "Jeg har haft en svær tid med angst"


def test_old_key_still_reads_after_new_key_is_added(settings):
    user = UserFactory.create(member__story="Gammel historie")
    old_keys = list(settings.LIGESIND_ENCRYPTION_KEYS)
    settings.LIGESIND_ENCRYPTION_KEYS = [Fernet.generate_key().decode(), *old_keys]
    assert Profile.objects.get(pk=user.profile.pk).story == "Gammel historie"
    newer = UserFactory.create(member__story="Ny historie")
    settings.LIGESIND_ENCRYPTION_KEYS = settings.LIGESIND_ENCRYPTION_KEYS[:1]
    assert Profile.objects.get(pk=newer.profile.pk).story == "Ny historie"


def test_empty_story_stays_empty():
    user = UserFactory.create()
    assert raw_story(user.profile.pk) == ""


@settings(deadline=None)  # timing is not what these tests are about
@given(text=st.text(min_size=1, max_size=500))
def test_encryption_round_trips_any_text(text):
    token = encrypt_text(text)
    assert token.startswith(PREFIX)
    assert decrypt_text(token) == text
