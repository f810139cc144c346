from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VolunteersConfig(AppConfig):
    name = "ligesind.volunteers"
    verbose_name = _("Volunteers")

    def ready(self) -> None:
        from . import registration

        registration.register()
