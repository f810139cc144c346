from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "ligesind.pages"
    verbose_name = _("Public pages and news")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from . import registration
        from .setup import ensure_public_pages

        registration.register()
        registration.leave_django_admin()
        post_migrate.connect(ensure_public_pages, sender=self)
