from django.core.management.base import BaseCommand

from ligesind.messaging.tasks import send_unread_notices


class Command(BaseCommand):
    help = (
        "Tell members about messages left unread for LIGESIND_UNREAD_NOTICE_MINUTES "
        "(default 30). Run every few minutes, e.g. from cron."
    )

    def handle(self, *args: object, **options: object) -> None:
        result = send_unread_notices.enqueue()
        self.stdout.write(f"Unread-message notices queued ({result.status}).")
