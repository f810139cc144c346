from cryptography.fernet import Fernet, InvalidToken
from django.core.management import call_command
from django.db import connection

from ligesind.accounts.models import Profile
from ligesind.core.rotation import encrypted_fields
from tests.factories import UserFactory, with_two_factor

STORIES = ["Første historie om angst", "Anden historie om misbrug", "Tredje om ensomhed"]


def raw_column(table: str, column: str) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {table}")  # noqa: S608 - fixed names
        return [row[0] for row in cursor.fetchall()]


def test_every_encrypted_field_is_found():
    labels = {f"{model._meta.label}.{field.name}" for model, field in encrypted_fields()}
    assert "accounts.Profile.story" in labels


def test_rotation_reencrypts_with_newest_key_and_old_data_stays_readable(settings, capsys):
    users = [UserFactory.create(member__story=story) for story in STORIES]
    with_two_factor(users[0])
    old_key = settings.LIGESIND_ENCRYPTION_KEYS[0]
    new_key = Fernet.generate_key().decode()
    before = raw_column("accounts_profile", "story")

    settings.LIGESIND_ENCRYPTION_KEYS = [new_key, old_key]
    # During rotation (both keys configured) every row reads, rotated or not.
    assert sorted(Profile.objects.exclude(story="").values_list("story", flat=True)) == sorted(
        STORIES
    )
    call_command("rotate_keys")
    assert "accounts.Profile.story: 3 re-encrypted" in capsys.readouterr().out
    after = raw_column("accounts_profile", "story")
    assert set(after).isdisjoint(set(before) - {""})

    settings.LIGESIND_ENCRYPTION_KEYS = [new_key]  # old key removed
    assert sorted(Profile.objects.exclude(story="").values_list("story", flat=True)) == sorted(
        STORIES
    )
    from allauth.mfa.models import Authenticator

    from ligesind.accounts.adapters import MFAAdapter

    secret = Authenticator.objects.get(user=users[0]).data["secret"]
    assert len(MFAAdapter().decrypt(secret)) >= 16

    settings.LIGESIND_ENCRYPTION_KEYS = [old_key]  # and the old key alone no longer reads
    try:
        list(Profile.objects.exclude(story="").values_list("story", flat=True))
        raise AssertionError("old key still decrypts rotated data")
    except InvalidToken:
        pass


def test_raw_database_holds_no_plaintext():
    UserFactory.create(member__story=STORIES[0])
    stored = " ".join(str(v) for v in raw_column("accounts_profile", "story"))
    assert "angst" not in stored
