from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembershipConfig(AppConfig):
    name = "ligesind.membership"
    verbose_name = _("Membership")

    def ready(self) -> None:
        from . import registration

        registration.register()
