from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationsConfig(AppConfig):
    name = "ligesind.organisations"
    verbose_name = _("Organisations")

    def ready(self) -> None:
        from . import registration

        registration.register()
