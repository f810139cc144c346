from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MessagingConfig(AppConfig):
    name = "ligesind.messaging"
    verbose_name = _("Messages")

    def ready(self) -> None:
        from . import registration, sessions

        registration.register()
        sessions.connect()
