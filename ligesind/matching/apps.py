from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MatchingConfig(AppConfig):
    name = "ligesind.matching"
    verbose_name = _("PeerMatch")

    def ready(self) -> None:
        from . import registration

        registration.register()
