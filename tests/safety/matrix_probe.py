"""Request helpers for the authorization matrix."""

from typing import Any

from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from .matrix_world import World

LOGIN_PATHS = ("/accounts/login/", "/admin/login/")


def url_patterns() -> list[tuple[str, str]]:
    """Every (view name, route) of the project, admin included."""
    found: list[tuple[str, str]] = []

    def walk(patterns: Any, prefix: str, namespace: str) -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = namespace
                if pattern.namespace:
                    inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
                walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
            elif isinstance(pattern, URLPattern):
                name = pattern.name or str(pattern.pattern)
                found.append(
                    (f"{namespace}:{name}" if namespace else name, prefix + str(pattern.pattern))
                )

    walk(get_resolver().url_patterns, "", "")
    return found


def outcome(response: Any) -> str:
    """ok, deny, or the status code when it is neither (a crash, a wrong method)."""
    code = response.status_code
    if code in (401, 403, 404):
        return "deny"
    if code in (301, 302, 303):
        location = response.get("Location", "")
        return "deny" if location.startswith(LOGIN_PATHS) or "/login/" in location else "ok"
    if code in (200, 204):
        return "ok"
    return str(code)


def client_for(world: World, role: str) -> Client:
    client = Client(raise_request_exception=False)
    user = world.users[role]
    if user is not None:
        client.force_login(user)
    return client
