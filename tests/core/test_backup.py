"""`python -m ligesind backup` and `restore`: a round trip gives back every row, the
encrypted fields (still readable with the same keys) and the uploaded files."""

import io
import json
import shutil
import tarfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection

from ligesind.accounts import services as accounts
from ligesind.accounts.models import Profile
from ligesind.core.backup import read_manifest, row_counts
from ligesind.messaging import services as messaging
from ligesind.messaging.models import Message
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

needs_pg_tools = pytest.mark.skipif(
    connection.vendor == "postgresql" and not shutil.which("pg_dump"),
    reason="pg_dump and pg_restore (postgresql-client) are not installed",
)


@needs_pg_tools
def test_round_trip_gives_back_rows_encrypted_fields_and_files(tmp_path):
    alice = UserFactory.create(member__alias="Alice")
    bob = UserFactory.create(member__alias="Bob")
    accounts.update_profile(
        actor=alice, data=accounts.ProfileData(alias="Alice", story="Min historie om håb")
    )
    chat = messaging.open_conversation(people=[alice, bob], kind="direct")
    message = messaging.send_message(actor=alice, conversation=chat, body="Tak for i går")
    media = Path(settings.MEDIA_ROOT) / "avatars" / "a.png"
    media.parent.mkdir(parents=True, exist_ok=True)
    media.write_bytes(b"picture")
    before = row_counts()
    path = tmp_path / "backup.tar.gz"

    call_command("backup", str(path), stdout=io.StringIO())
    assert read_manifest(path)["row_counts"] == before
    assert oct(path.stat().st_mode)[-3:] == "600"

    # Things change after the backup ...
    Message.objects.all().delete()
    accounts.update_profile(actor=alice, data=accounts.ProfileData(alias="Alice", story="Ny"))
    UserFactory.create(member__alias="Senere")
    media.unlink()

    out = io.StringIO()
    call_command("restore", str(path), yes=True, stdout=out)
    assert "row counts match" in out.getvalue()
    assert row_counts() == before
    assert Message.objects.get(pk=message.pk).body == "Tak for i går"
    assert Profile.objects.get(user_id=alice.pk).story == "Min historie om håb"
    assert media.read_bytes() == b"picture"
    # At rest the text is still encrypted: the backup holds no readable message text.
    with tarfile.open(path) as archive:
        names = archive.getnames()
        database = next(n for n in names if n.startswith("database"))
        raw = archive.extractfile(database).read()  # type: ignore[union-attr]
    assert "Tak for i går".encode() not in raw


def test_restore_refuses_what_is_not_a_backup_or_from_another_engine(tmp_path):
    junk = tmp_path / "junk.tar.gz"
    junk.write_bytes(b"not a backup")
    with pytest.raises(CommandError, match="ikke en Ligesind-backup|not a Ligesind backup"):
        call_command("restore", str(junk), yes=True)
    other = "postgresql" if connection.vendor == "sqlite" else "sqlite"
    crafted = tmp_path / "other.tar.gz"
    manifest = json.dumps({"format": 1, "engine": other, "created_at": "x", "row_counts": {}})
    with tarfile.open(crafted, "w:gz") as archive:
        info = tarfile.TarInfo("manifest.json")
        info.size = len(manifest)
        archive.addfile(info, io.BytesIO(manifest.encode()))
    with pytest.raises(CommandError, match=other):
        call_command("restore", str(crafted), yes=True)


@needs_pg_tools
def test_restore_with_other_keys_does_not_report_success(tmp_path, settings):
    """A backup restored where its encryption keys are missing is present but unreadable:
    the restore says so and names what cannot be read, instead of reporting success."""
    from cryptography.fernet import Fernet

    alice = UserFactory.create(member__alias="Alice")
    accounts.update_profile(
        actor=alice, data=accounts.ProfileData(alias="Alice", story="Kun med den rette nøgle")
    )
    path = tmp_path / "backup.tar.gz"
    call_command("backup", str(path), stdout=io.StringIO())

    old_keys = list(settings.LIGESIND_ENCRYPTION_KEYS)
    new_key = Fernet.generate_key().decode()
    settings.LIGESIND_ENCRYPTION_KEYS = [new_key]
    with pytest.raises(CommandError, match=r"cannot be read.*accounts\.Profile\.story"):
        call_command("restore", str(path), yes=True, stdout=io.StringIO())

    settings.LIGESIND_ENCRYPTION_KEYS = [new_key, *old_keys]  # as the message advises
    out = io.StringIO()
    call_command("restore", str(path), yes=True, stdout=out)
    assert "encrypted data can be read" in out.getvalue()
    assert Profile.objects.get(user_id=alice.pk).story == "Kun med den rette nøgle"
