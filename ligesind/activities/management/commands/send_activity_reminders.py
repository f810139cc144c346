from django.core.management.base import BaseCommand

from ligesind.activities.tasks import send_activity_reminders


class Command(BaseCommand):
    help = (
        "Remind everyone with a place of an activity, and course participants and leaders of a "
        "session, that starts within a day, once. "
        "Run every hour, e.g. from cron."
    )

    def handle(self, *args: object, **options: object) -> None:
        result = send_activity_reminders.enqueue()
        self.stdout.write(f"Activity reminders queued ({result.status}).")
