from django.core.management.base import BaseCommand

from ligesind.membership.tasks import send_renewal_reminders


class Command(BaseCommand):
    help = (
        "Remind members whose paid membership period ends within their organisation's "
        "reminder days (once per period). Run every day, e.g. from cron."
    )

    def handle(self, *args: object, **options: object) -> None:
        result = send_renewal_reminders.enqueue()
        self.stdout.write(f"Fee reminders queued ({result.status}).")
