from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "ligesind.accounts"
    verbose_name = _("Accounts and profiles")

    def ready(self) -> None:
        from . import privacy, reporting, signals

        privacy.register()
        reporting.register()
        signals.connect()
