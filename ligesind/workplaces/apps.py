from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkplacesConfig(AppConfig):
    name = "ligesind.workplaces"
    verbose_name = _("Workplaces")

    def ready(self) -> None:
        from . import registration

        registration.register()
