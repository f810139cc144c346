from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "ligesind.pages"
    verbose_name = _("Public pages and news")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate, post_save

        from ligesind.accounts.events import role_changed
        from ligesind.organisations.models import Organisation

        from . import editors, registration
        from .setup import ensure_public_pages
        from .trust import ensure_trust_pages

        registration.register()
        registration.leave_django_admin()
        post_migrate.connect(ensure_public_pages, sender=self)
        post_migrate.connect(ensure_trust_pages, sender=self)
        post_migrate.connect(editors.ensure_news_sections, sender=self)
        post_save.connect(
            lambda instance, **_: editors.ensure_news_section(instance),
            sender=Organisation,
            weak=False,
            dispatch_uid="ligesind.pages.news_section",
        )
        role_changed.connect(
            lambda user, **_: editors.sync_editor(user),
            weak=False,
            dispatch_uid="ligesind.pages.sync_editor",
        )
