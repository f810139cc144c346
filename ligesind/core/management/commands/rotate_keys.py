from django.core.management.base import BaseCommand

from ligesind.core.rotation import rotate_keys


class Command(BaseCommand):
    help = (
        "Re-encrypt everything encrypted at rest with the newest key (the first in "
        "LIGESIND_ENCRYPTION_KEYS). Keep the old keys after it until this has run."
    )

    def handle(self, *args: object, **options: object) -> None:
        for label, count in rotate_keys().items():
            self.stdout.write(f"{label}: {count} re-encrypted")
        self.stdout.write(self.style.SUCCESS("Done. The old keys can now be removed."))
