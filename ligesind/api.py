"""The API for apps and integrations: /api/v1/ (schema at /api/v1/openapi.json, docs at /api/docs).

Signed-in sessions (CSRF for writes) or personal access tokens (``Authorization: Bearer``).
Every endpoint asks the same permission functions as the pages.
"""

from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import Throttled
from ninja.security import HttpBearer, SessionAuth
from ninja.throttling import AuthRateThrottle

from ligesind.accounts.api import router as accounts_router
from ligesind.accounts.permissions import can_use_api
from ligesind.accounts.services import user_for_token
from ligesind.activities.api import router as activities_router
from ligesind.core.api import router as core_router
from ligesind.core.remembered import remembered


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


class SettingsRate:
    """Read the rate from settings at each request, so it can change without a restart."""

    setting = ""

    def allow_request(self, request: HttpRequest) -> bool:
        self.rate = getattr(settings, self.setting)
        self.num_requests, self.duration = self.parse_rate(self.rate)  # type: ignore[attr-defined]
        return super().allow_request(request)  # type: ignore[misc]


class MemberRate(SettingsRate, AuthRateThrottle):
    setting = "LIGESIND_API_RATE"


class LigesindAPI(NinjaAPI):
    def get_openapi_schema(
        self, *, path_prefix: str | None = None, path_params: dict[str, Any] | None = None
    ) -> Any:
        """The schema is made from the code, so once per process and language (it took longer
        than anything else on the schema and docs pages); callers only read it."""
        if path_prefix is None:
            path_prefix = self.get_root_path(path_params or {})
        return _schema(self, path_prefix, get_language())


@remembered(maxsize=8)
def _schema(api: NinjaAPI, path_prefix: str, language: str) -> Any:
    return NinjaAPI.get_openapi_schema(api, path_prefix=path_prefix)


api = LigesindAPI(
    title="Ligesind API",
    version="1",
    description="Profiles, the member directory, notifications and the activities calendar, with "
    "the same privacy rules as the site.",
    auth=[MemberToken(), MemberSession()],
    urls_namespace="api",
    docs_url=None,
    throttle=[MemberRate(settings.LIGESIND_API_RATE)],
)


@api.exception_handler(Throttled)
def too_many_requests(request: HttpRequest, error: Throttled) -> HttpResponse:
    response = api.create_response(
        request,
        {"detail": _("Too many requests. Please wait a little and try again.")},
        status=429,
    )
    if error.wait:
        response["Retry-After"] = str(int(error.wait) + 1)
    return response


api.add_router("/", accounts_router)
api.add_router("/", core_router)
api.add_router("/", activities_router)


def _parameter(spec: dict[str, Any]) -> dict[str, Any]:
    schema = spec.get("schema", {})
    types = [schema.get("type")] + [option.get("type") for option in schema.get("anyOf", [])]
    return {
        "name": spec.get("name", ""),
        "in": spec.get("in", ""),
        "type": " | ".join(t for t in types if t and t != "null"),
        "required": bool(spec.get("required")),
        "description": spec.get("description") or schema.get("description", ""),
    }


def api_docs(request: HttpRequest) -> HttpResponse:
    """The API reference, rendered on the server from the OpenAPI schema: accessible, no script,
    no CDN. Tools can read the schema itself at /api/v1/openapi.json."""
    schema = api.get_openapi_schema()
    operations = [
        {
            "method": method.upper(),
            "path": path,
            "summary": operation.get("summary", ""),
            "description": operation.get("description", ""),
            "parameters": [_parameter(p) for p in operation.get("parameters", [])],
            "responses": sorted(operation.get("responses", {}).items()),
            "tag": (operation.get("tags") or [""])[0],
        }
        for path, methods in schema["paths"].items()
        for method, operation in methods.items()
    ]
    context = {
        "schema": schema,
        "operations": operations,
        "components": [
            {
                "name": name,
                "description": component.get("description", ""),
                "fields": [
                    (field, spec.get("description", ""))
                    for field, spec in component.get("properties", {}).items()
                ],
            }
            for name, component in sorted(schema.get("components", {}).get("schemas", {}).items())
        ],
    }
    return render(request, "core/api_docs.html", context)
