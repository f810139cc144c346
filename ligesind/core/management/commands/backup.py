from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from ligesind.core.backup import create_backup
from ligesind.core.errors import DomainError


class Command(BaseCommand):
    help = (
        "Back up the database and uploaded files to one .tar.gz (default: var/backups/). "
        "Encrypted fields stay encrypted; keep LIGESIND_ENCRYPTION_KEYS apart from backups."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", nargs="?", help="Where to write the backup (.tar.gz).")

    def handle(self, *args: Any, **options: Any) -> None:
        default = (
            Path(settings.VAR_DIR) / "backups" / f"ligesind-{timezone.now():%Y%m%d-%H%M%S}.tar.gz"
        )
        path = Path(options["path"]) if options["path"] else default
        try:
            manifest = create_backup(path)
        except DomainError as error:
            raise CommandError(str(error.message)) from error
        rows = sum(manifest["row_counts"].values())
        self.stdout.write(f"Backup written to {path} ({manifest['engine']}, {rows} rows).")
