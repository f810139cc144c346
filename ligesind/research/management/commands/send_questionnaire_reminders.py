from django.core.management.base import BaseCommand

from ligesind.research.tasks import send_questionnaire_reminders


class Command(BaseCommand):
    help = (
        "Tell research participants that a questionnaire is due (once per timepoint). "
        "Run every day, e.g. from cron."
    )

    def handle(self, *args: object, **options: object) -> None:
        result = send_questionnaire_reminders.enqueue()
        self.stdout.write(f"Questionnaire reminders queued ({result.status}).")
