from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SafetyConfig(AppConfig):
    name = "ligesind.safety"
    verbose_name = _("Safety")

    def ready(self) -> None:
        from . import registration

        registration.register()
