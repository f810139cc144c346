from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActivitiesConfig(AppConfig):
    name = "ligesind.activities"
    verbose_name = _("Activities and courses")

    def ready(self) -> None:
        from . import registration

        registration.register()
