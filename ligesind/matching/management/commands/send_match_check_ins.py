from django.core.management.base import BaseCommand

from ligesind.matching.tasks import send_check_ins


class Command(BaseCommand):
    help = (
        "Ask both people in a match how it is going, two and eight weeks after it started. "
        "Run every hour, e.g. from cron."
    )

    def handle(self, *args: object, **options: object) -> None:
        result = send_check_ins.enqueue()
        self.stdout.write(f"Match check-ins queued ({result.status}).")
