from django.core.management.base import BaseCommand, CommandError

from ligesind.accounts.models import User
from ligesind.demo.people import DOMAIN, demo_totp_secret


class Command(BaseCommand):
    help = "Print the current two-factor code of a demo staff account."

    def add_arguments(self, parser):
        parser.add_argument("email")

    def handle(self, *args: object, **options: object) -> None:
        from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
        from allauth.mfa.totp.internal.auth import yield_hotp_counters_from_time as counters

        email = str(options["email"]).lower()
        if not email.endswith("@" + DOMAIN) or not User.objects.filter(email=email).exists():
            raise CommandError(f"{email} is not a demo account.")
        counter = list(counters())[len(list(counters())) // 2]
        self.stdout.write(format_hotp_value(hotp_value(demo_totp_secret(email), counter)))
