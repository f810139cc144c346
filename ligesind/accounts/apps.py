from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "ligesind.accounts"
    verbose_name = _("Accounts and profiles")

    def ready(self) -> None:
        from ligesind.core.people import PeopleRules, register_people_rules

        from . import permissions, privacy, reporting, signals

        register_people_rules(
            PeopleRules(is_member=permissions.is_member, staff_roles=permissions.staff_roles)
        )
        privacy.register()
        reporting.register()
        signals.connect()
