from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ligesind.core.backup import read_manifest, restore_backup, row_counts, unreadable_encrypted
from ligesind.core.errors import DomainError


class Command(BaseCommand):
    help = "Replace the database and uploaded files with a backup made by `backup`."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", help="The backup (.tar.gz).")
        parser.add_argument(
            "--yes", action="store_true", help="Do not ask: everything now here is replaced."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["path"])
        try:
            manifest = read_manifest(path)
            if not options["yes"]:
                answer = input(
                    f"Replace everything on this site with the backup of {manifest['created_at']}? "
                    "Type yes: "
                )
                if answer.strip().lower() != "yes":
                    raise CommandError("Nothing was changed.")
            restore_backup(path)
        except DomainError as error:
            raise CommandError(str(error.message)) from error
        now = row_counts()
        differ = {
            table: (count, now.get(table))
            for table, count in manifest["row_counts"].items()
            if now.get(table) != count
        }
        if differ:
            raise CommandError(f"Restored, but these tables differ from the backup: {differ}")
        unreadable = unreadable_encrypted()
        if unreadable:
            raise CommandError(
                "Restored, but encrypted data cannot be read with the keys in "
                f"LIGESIND_ENCRYPTION_KEYS (values that failed, by field: {unreadable}). "
                "Set the keys that were in force when the backup was made (newest first) "
                "and restore again."
            )
        self.stdout.write(
            f"Restored the backup of {manifest['created_at']}; row counts match and "
            "encrypted data can be read with the keys in force."
        )
