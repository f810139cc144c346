from django.core.management.base import BaseCommand

from ligesind.core.services import send_digests


class Command(BaseCommand):
    help = "Send the daily notification digests (run once a day, e.g. from cron)."

    def handle(self, *args: object, **options: object) -> None:
        self.stdout.write(f"{send_digests()} digest e-mails queued.")
