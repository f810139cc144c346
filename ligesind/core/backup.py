"""Backups: the database and uploaded files in one .tar.gz, and back again.

SQLite is copied with its online backup API (safe while the site runs); PostgreSQL with
``pg_dump --format=custom`` and ``pg_restore --clean``. A ``manifest.json`` records the engine,
the time and every table's row count, so a restore can be checked.

Encrypted fields stay encrypted in the backup. The keys (``LIGESIND_ENCRYPTION_KEYS``) are not
in it on purpose: keep them apart from the backups, or the backups cannot be read.
"""

import json
import os
import shutil
import sqlite3
import subprocess  # noqa: S404 - pg_dump and pg_restore, with fixed arguments
import tarfile
import tempfile
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connection
from django.db.models import TextField
from django.db.models.expressions import RawSQL
from django.utils import timezone
from django.utils.translation import gettext as _

from .errors import DomainError

FORMAT = 1
SQLITE_FILE = "database.sqlite3"
POSTGRES_FILE = "database.dump"


def engine() -> str:
    vendor = connection.vendor
    if vendor not in {"sqlite", "postgresql"}:
        raise DomainError(_("Backups support SQLite and PostgreSQL only."))
    return vendor


def row_counts() -> dict[str, int]:
    with connection.cursor() as cursor:
        tables = sorted(connection.introspection.table_names(cursor))
        counts = {}
        for table in tables:
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608
            counts[table] = cursor.fetchone()[0]
    return counts


def _pg_env() -> tuple[list[str], dict[str, str]]:
    db = connection.settings_dict
    args = ["--dbname", str(db["NAME"]), "--no-owner"]
    if db.get("HOST"):
        args += ["--host", str(db["HOST"])]
    if db.get("PORT"):
        args += ["--port", str(db["PORT"])]
    if db.get("USER"):
        args += ["--username", str(db["USER"])]
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return args, env


def _dump_database(folder: Path) -> str:
    if engine() == "sqlite":
        connection.ensure_connection()
        target = sqlite3.connect(folder / SQLITE_FILE)
        try:
            connection.connection.backup(target)
        finally:
            target.close()
        return SQLITE_FILE
    args, env = _pg_env()
    dump = folder / POSTGRES_FILE
    command = ["pg_dump", "--format=custom", "--file", str(dump), *args]
    subprocess.run(command, check=True, env=env, capture_output=True)  # noqa: S603
    return POSTGRES_FILE


def create_backup(path: Path) -> dict[str, Any]:
    """Write the database, uploaded files and a manifest to ``path`` (a .tar.gz)."""
    manifest = {
        "format": FORMAT,
        "engine": engine(),
        "created_at": timezone.now().isoformat(),
        "row_counts": row_counts(),
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        database = _dump_database(folder)
        (folder / "manifest.json").write_text(json.dumps(manifest, indent=2))
        with tarfile.open(path, "w:gz") as archive:
            archive.add(folder / "manifest.json", arcname="manifest.json")
            archive.add(folder / database, arcname=database)
            media = Path(settings.MEDIA_ROOT)
            if media.is_dir():
                archive.add(media, arcname="media")
    path.chmod(0o600)
    return manifest


def read_manifest(path: Path) -> dict[str, Any]:
    try:
        with tarfile.open(path, "r:gz") as archive:
            member = archive.extractfile("manifest.json")
            if member is None:
                raise KeyError("manifest.json")
            manifest: dict[str, Any] = json.load(member)
    except (OSError, KeyError, tarfile.TarError, json.JSONDecodeError) as error:
        raise DomainError(
            _("This is not a Ligesind backup: %(error)s") % {"error": error}
        ) from error
    if manifest.get("format") != FORMAT:
        raise DomainError(_("This backup has a format this version cannot read."))
    return manifest


def unreadable_encrypted(sample: int = 25) -> dict[str, int]:
    """Of each encrypted field, the first and last ``sample`` stored values (and every two-factor
    secret) that the keys in force cannot decrypt, by field: empty when all can be read. A
    restore that reports success must be readable, not only present."""
    from allauth.mfa.models import Authenticator
    from cryptography.fernet import InvalidToken

    from .crypto import PREFIX, decrypt_text
    from .rotation import encrypted_fields

    def fails(token: str) -> bool:
        try:
            decrypt_text(token)
        except (InvalidToken, ValueError):
            return True
        return False

    found: dict[str, int] = {}
    for model, field in encrypted_fields():
        stored = model._default_manager.exclude(**{field.name: ""}).exclude(
            **{f"{field.name}__isnull": True}
        )
        # The raw column: reading the field itself would decrypt it (and fail) on the way.
        raw = stored.values_list(RawText(str(field.column)), flat=True)
        tokens = [*raw.order_by("pk")[:sample], *raw.order_by("-pk")[:sample]]
        failed = sum(fails(str(token)) for token in tokens)
        if failed:
            found[f"{model._meta.label}.{field.name}"] = failed
    secrets = Authenticator.objects.filter(type=Authenticator.Type.TOTP).values_list(
        "data", flat=True
    )
    failed = sum(
        fails(secret)
        for data in secrets
        if (secret := str((data or {}).get("secret", ""))).startswith(PREFIX)
    )
    if failed:
        found["mfa.Authenticator.secret"] = failed
    return found


class RawText(RawSQL):
    """A column as the database holds it, with no field's conversion."""

    def __init__(self, column: str) -> None:
        super().__init__(connection.ops.quote_name(column), (), output_field=TextField())


def restore_backup(path: Path) -> dict[str, Any]:
    """Replace the database and uploaded files with the backup's. Returns its manifest."""
    manifest = read_manifest(path)
    if manifest["engine"] != engine():
        raise DomainError(
            _("This backup is from %(theirs)s; this site runs %(ours)s.")
            % {"theirs": manifest["engine"], "ours": engine()}
        )
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        with tarfile.open(path, "r:gz") as archive:
            archive.extractall(folder, filter="data")
        if manifest["engine"] == "sqlite":
            connection.ensure_connection()
            source = sqlite3.connect(folder / SQLITE_FILE)
            try:
                source.backup(connection.connection)
            finally:
                source.close()
        else:
            args, env = _pg_env()
            connection.close()
            command = ["pg_restore", "--clean", "--if-exists", "--single-transaction", *args]
            command.append(str(folder / POSTGRES_FILE))
            subprocess.run(command, check=True, env=env, capture_output=True)  # noqa: S603
        media = Path(settings.MEDIA_ROOT)
        if (folder / "media").is_dir():
            if media.is_dir():
                shutil.rmtree(media)
            shutil.copytree(folder / "media", media)
    return manifest
