"""The API for apps and integrations: /api/v1/ (schema at /api/v1/openapi.json, docs at /api/docs).

Signed-in sessions (CSRF for writes) or personal access tokens (``Authorization: Bearer``).
Every endpoint asks the same permission functions as the pages.
"""

from typing import Any

from csp.decorators import csp_update
from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.openapi.views import openapi_view
from ninja.security import HttpBearer, SessionAuth

from ligesind.accounts.api import router as accounts_router
from ligesind.accounts.permissions import can_use_api
from ligesind.accounts.services import user_for_token
from ligesind.core.api import router as core_router


class MemberSession(SessionAuth):
    """The site's own session, for members only."""

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        user = super().authenticate(request, key)
        return user if user is not None and can_use_api(user) else None


class MemberToken(HttpBearer):
    """A personal access token the member made under "My API tokens"."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = user_for_token(token)
        if user is None or not can_use_api(user):
            return None
        request.user = user
        return user


api = NinjaAPI(
    title="Ligesind API",
    version="1",
    description="Profiles, the member directory and notifications, with the same privacy rules "
    "as the site.",
    auth=[MemberToken(), MemberSession()],
    urls_namespace="api",
    docs_url=None,
)
api.add_router("/", accounts_router)
api.add_router("/", core_router)


@csp_update({"style-src": ["'unsafe-inline'"], "img-src": ["data:"]})
def api_docs(request: HttpRequest) -> HttpResponse:
    """Swagger UI from ninja's own static files (no CDN). It styles itself inline, so this one
    page allows inline styles; scripts stay our own."""
    return openapi_view(request, api=api)
