from allauth.account.decorators import secure_admin_login
from csp.constants import SELF, UNSAFE_INLINE
from csp.decorators import csp_replace
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path, re_path
from django.views.generic import RedirectView
from django.views.i18n import set_language
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.utils.urlpatterns import decorate_urlpatterns

from ligesind.api import api, api_docs
from ligesind.core import views as core_views
from ligesind.core.styleguide import styleguide

# The admin login goes through allauth, so two-factor applies there too.
admin.site.login = secure_admin_login(admin.site.login)  # type: ignore[method-assign]
admin.site.site_header = "Ligesind"

# Wagtail's editor needs inline scripts and styles; only its pages get a relaxed policy, the
# pages members and visitors see keep the strict one.
editor_policy = csp_replace(
    {
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:"],
    }
)

urlpatterns: list[URLPattern | URLResolver] = [
    path("healthz", core_views.healthz, name="healthz"),
    path("readyz", core_views.readyz, name="readyz"),
    path("i18n/setlang/", set_language, name="set_language"),
    path("api/v1/", api.urls),
    path("api/docs", api_docs, name="api_docs"),
    # The editor's sign-in is the site's (allauth, with two-factor for staff).
    path(
        "cms/login/",
        RedirectView.as_view(url="/accounts/login/", query_string=True),
        name="cms_login",
    ),
    # ... and its password reset is the site's too.
    re_path(
        r"^cms/password_reset/",
        RedirectView.as_view(url="/accounts/password/reset/"),
        name="cms_password_reset",
    ),
    path("cms/", include(decorate_urlpatterns(wagtailadmin_urls.urlpatterns, editor_policy))),
]

urlpatterns += i18n_patterns(
    path("", core_views.front, name="front"),
    path("help-now/", core_views.crisis, name="crisis"),
    path("styleguide/", styleguide, name="styleguide"),
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
    path("volunteer/", include("ligesind.volunteers.urls")),
    path("membership/", include("ligesind.membership.urls")),
    path("research/", include("ligesind.research.urls")),
    path("dashboard/", include("ligesind.reports.urls")),
    path("workplaces/", include("ligesind.workplaces.urls")),
    path("match/", include("ligesind.matching.urls")),
    path("safety/", include("ligesind.safety.urls")),
    path("admin/", admin.site.urls),
    path("pages/", include("ligesind.pages.urls")),
    path(
        "pages/_util/login/",
        RedirectView.as_view(url="/accounts/login/", query_string=True),
        name="pages_login",
    ),
    path("pages/", include(wagtail_urls)),
    prefix_default_language=False,
)

handler500 = "ligesind.core.views.server_error"
