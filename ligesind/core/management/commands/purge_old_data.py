from django.core.management.base import BaseCommand

from ligesind.core.services import purge_old_data


class Command(BaseCommand):
    help = (
        "Delete what is past its keeping time: deleted messages and declined message requests "
        "after LIGESIND_PURGE_DELETED_DAYS (30), expired sessions. Run it once a day (cron)."
    )

    def handle(self, *args: object, **options: object) -> None:
        for kind, count in sorted(purge_old_data().items()):
            self.stdout.write(f"{kind}: {count}")
