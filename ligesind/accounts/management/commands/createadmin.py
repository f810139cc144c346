import getpass

from allauth.account.models import EmailAddress
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from ligesind.accounts import services
from ligesind.accounts.consent import current_version
from ligesind.accounts.models import User


class Command(BaseCommand):
    help = (
        "Create the first administrator. On first login they are asked to turn on two-factor "
        "login before anything else."
    )

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--password", help="Defaults to asking on the terminal.")

    @transaction.atomic
    def handle(self, *args: object, **options: object) -> None:
        email = str(options["email"]).lower()
        if User.objects.filter(email=email).exists():
            raise CommandError(f"An account with {email} exists already.")
        password = options["password"] or getpass.getpass("Password: ")
        user = User.objects.create_superuser(email, str(password))
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        services.register_member(
            user=user, adult_confirmed=True, consent_version=current_version(), language="da"
        )
        self.stdout.write(self.style.SUCCESS(f"Administrator {email} created."))
