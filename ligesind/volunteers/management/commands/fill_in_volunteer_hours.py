from datetime import datetime
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from ligesind.volunteers.services import fill_in_hours


class Command(BaseCommand):
    help = (
        "Fill in volunteers' hours from what they did on the platform (activities they made, "
        "course sessions they led, følgeskab, training modules), each once. Looks back 60 days; "
        "--all looks back to the start. Run every hour, e.g. from cron."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--all", action="store_true", help="Look back to the start.")

    def handle(self, *args: Any, **options: Any) -> None:
        since = (
            datetime(2000, 1, 1, tzinfo=timezone.get_current_timezone()) if options["all"] else None
        )
        added = fill_in_hours(since=since)
        self.stdout.write(f"Volunteer hours filled in: {added}.")
