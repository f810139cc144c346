from allauth.account.decorators import secure_admin_login
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path
from django.views.i18n import set_language

from ligesind.api import api, api_docs
from ligesind.core import views as core_views

# The admin login goes through allauth, so two-factor applies there too.
admin.site.login = secure_admin_login(admin.site.login)  # type: ignore[method-assign]
admin.site.site_header = "Ligesind"

urlpatterns: list[URLPattern | URLResolver] = [
    path("healthz", core_views.healthz, name="healthz"),
    path("readyz", core_views.readyz, name="readyz"),
    path("i18n/setlang/", set_language, name="set_language"),
    path("api/v1/", api.urls),
    path("api/docs", api_docs, name="api_docs"),
]

urlpatterns += i18n_patterns(
    path("", core_views.front, name="front"),
    path("help-now/", core_views.crisis, name="crisis"),
    # The busiest pages first: each address is tried against the patterns in order.
    path("community/", include("ligesind.community.urls")),
    path("me/notifications/", core_views.notifications, name="notifications"),
    path("me/notifications/<int:pk>/open/", core_views.notification_open, name="notification_open"),
    path(
        "me/notifications/read/", core_views.notifications_read_all, name="notifications_read_all"
    ),
    path(
        "me/notifications/e-mail/", core_views.notification_settings, name="notification_settings"
    ),
    path("accounts/", include("allauth.urls")),
    path("", include("ligesind.accounts.urls")),
    path("messages/", include("ligesind.messaging.urls")),
    path("activities/", include("ligesind.activities.urls")),
    path("", include("ligesind.organisations.urls")),
    path("match/", include("ligesind.matching.urls")),
    path("safety/", include("ligesind.safety.urls")),
    path("admin/", admin.site.urls),
    prefix_default_language=False,
)

handler500 = "ligesind.core.views.server_error"
