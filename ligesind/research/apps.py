from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResearchConfig(AppConfig):
    name = "ligesind.research"
    verbose_name = _("Research")

    def ready(self) -> None:
        from . import registration

        registration.register()
