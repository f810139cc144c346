from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    name = "ligesind.community"
    verbose_name = _("Forums and groups")

    def ready(self) -> None:
        from . import registration

        registration.register()
