from django.core.management.base import BaseCommand

from ligesind.core.retention import forget_deleted_texts


class Command(BaseCommand):
    help = (
        "Erase for good the messages and posts members deleted once the time to undo the "
        "deletion (LIGESIND_UNDO_MINUTES, 10) has passed. Run it every few minutes (cron)."
    )

    def handle(self, *args: object, **options: object) -> None:
        for kind, count in sorted(forget_deleted_texts().items()):
            self.stdout.write(f"{kind}: {count}")
