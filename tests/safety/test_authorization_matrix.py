"""Every URL and WebSocket route of the project against every role.

A URL pattern without a rule in ``matrix_rules.RULES`` fails the first test, so a new page
joins the matrix by default. Each request runs in a transaction that is rolled back, so what
one role does (block, sign up, revoke) never changes what the next role sees.
"""

import re
from typing import Any

import pytest
from django.db import transaction
from django.urls import reverse

from ligesind.routing import websocket_urlpatterns

from .matrix_probe import client_for, outcome, url_patterns
from .matrix_rules import RULES
from .matrix_world import ROLES, World, build_world

ADMIN_ARGUMENTS = {
    "object_id": "1",
    "app_label": "accounts",
    "content_type_id": "1",
    "url": "x",
    "id": "1",
}


def test_every_url_is_classified():
    names = {name for name, _route in url_patterns()}
    missing = sorted(
        n for n, route in url_patterns() if n not in RULES and not _admin_like(n, route)
    )
    # The admin site and the page editor (/cms/) have one rule for all their pages: only
    # admins get in.
    assert missing == [], f"URLs without an access rule in matrix_rules.RULES: {missing}"
    stale = sorted(set(RULES) - names)
    assert stale == [], f"Rules for URLs that no longer exist: {stale}"


def test_every_websocket_route_is_classified():
    routes = sorted(str(pattern.pattern) for pattern in websocket_urlpatterns)
    # Each route is probed per role in tests/messaging/test_consumers.py (anonymous, no
    # consent, outsider, foreign origin) and tests/safety/test_session_end.py (banned).
    assert routes == ["ws/chat/"], f"New WebSocket route: give it role tests too: {routes}"


def request(world: World, role: str, method: str, url: str, data: Any = None) -> str:
    # A GET changes nothing a later request depends on, so a client per role is reused; a POST
    # (it may sign out) gets a fresh one.
    client = client_for(world, role) if method != "get" else clients(world)[role]
    with transaction.atomic():
        response = getattr(client, method)(url, data or {})
        transaction.set_rollback(True)
    return outcome(response)


def clients(world: World) -> dict[str, Any]:
    if not world.clients:
        world.clients.update({role: client_for(world, role) for role in ROLES})
    return world.clients


CMS_PROBES = ("anonymous", "member", "moderator")


def _admin_like(name: str, route: str) -> bool:
    return name.startswith("admin:") or route.startswith("cms/")


def admin_url(route: str) -> str:
    path = re.sub(r"\^|\$", "", route)
    path = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: ADMIN_ARGUMENTS.get(m.group(1), "1"), path)
    return "/" + re.sub(
        r"\(\?P<(\w+)>[^)]*\)", lambda m: ADMIN_ARGUMENTS.get(m.group(1), "1"), path
    )


@pytest.mark.django_db
def test_every_url_answers_each_role_as_its_rule_says():
    world = build_world()
    wrong: list[str] = []
    cms_sections: set[str] = set()
    for name, route in url_patterns():
        if _admin_like(name, route) and name not in RULES:
            url = admin_url(route)
            roles: tuple[str, ...] = ROLES
            if route.startswith("cms/"):
                # Wagtail's own views, with made-up arguments: only who gets in. One check
                # guards them all; a visitor tries each, a member and the most trusted role
                # short of admin one per section.
                section = route.split("/")[1]
                roles = ("anonymous",) if section in cms_sections else CMS_PROBES
                cms_sections.add(section)
            for role in roles:
                got = request(world, role, "get", url)
                if role != "admin" and got != "deny":
                    wrong.append(f"{name} {url} as {role}: {got}, expected deny")
                elif role == "admin" and got not in {"ok", "deny"}:
                    wrong.append(f"{name} {url} as admin: {got}")
            continue
        rule = RULES[name]
        url = rule.url(world.ids) if rule.url else reverse(name, kwargs=rule.kwargs(world.ids))
        for role in ROLES:
            expected = "ok" if role in rule.allowed else "deny"
            got = request(world, role, rule.method, url, rule.data(world.ids))
            if got != expected:
                wrong.append(
                    f"{name} {rule.method.upper()} {url} as {role}: {got}, expected {expected}"
                )
    assert wrong == [], "\n".join(wrong)
