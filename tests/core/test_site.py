import re
import subprocess
import sys

import pytest
from channels.layers import get_channel_layer
from django.conf import settings

from tests.asyncio_helpers import run_async


def test_channel_layer_round_trip():
    layer = get_channel_layer()
    assert layer is not None

    async def round_trip():
        channel = await layer.new_channel()
        await layer.group_add("foundation-test", channel)
        await layer.group_send("foundation-test", {"type": "hello", "text": "hej"})
        message = await layer.receive(channel)
        await layer.group_discard("foundation-test", channel)
        return message

    assert run_async(round_trip)["text"] == "hej"


def test_channel_layer_backend_follows_redis_url():
    backend = str(settings.CHANNEL_LAYERS["default"]["BACKEND"])
    expected = "RedisChannelLayer" if settings.REDIS_URL else "InMemoryChannelLayer"
    assert backend.endswith(expected)


def test_security_headers(client):
    response = client.get("/")
    csp = dict(
        part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";")
    )
    nonce = re.search(r"'nonce-([^']+)'", csp["script-src"])
    assert (
        nonce
        and "unsafe-inline" not in csp["script-src"]
        and "unsafe-eval" not in csp["script-src"]
    )
    assert (csp["object-src"], csp["base-uri"], csp["frame-ancestors"]) == ("'none'",) * 3
    html = response.content.decode()
    assert all(f'nonce="{nonce.group(1)}"' in tag for tag in re.findall(r"<script[^>]*>", html))
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    policy = response["Permissions-Policy"]
    assert "camera=()" in policy and "geolocation=()" in policy and "microphone=()" in policy


def test_each_page_gets_a_new_nonce(client):
    first, second = (client.get("/")["Content-Security-Policy"] for _ in range(2))
    assert first != second


def test_no_inline_script_in_pages(client):
    html = client.get("/").content.decode()
    assert "<script>" not in html
    assert "<script src=" in html
    assert "http://" not in html.split("<body>")[0].replace("http://127.0.0.1", "")


def _prod_check(home, extra_env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    env = {
        "DJANGO_SETTINGS_MODULE": "ligesind.settings.prod",
        "PATH": "/usr/bin:/bin",
        "HOME": str(home),
        **extra_env,
    }
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        capture_output=True,
        text=True,
        env=env,
        cwd=settings.BASE_DIR,
        check=False,
    )


@pytest.mark.django_db(transaction=False)
def test_production_refuses_to_start_without_secrets(tmp_path):
    result = _prod_check(tmp_path, {})
    assert result.returncode != 0
    assert "must be set in production" in result.stderr


def test_production_settings_pass_check_deploy(tmp_path):
    result = _prod_check(
        tmp_path,
        {
            "SECRET_KEY": "x" * 30 + "-production-like-secret-key-with-enough-entropy-7f3a9",
            "LIGESIND_ENCRYPTION_KEYS": "k4BmO4YpQm8a6kF0m6S3VqvSd4v9mZ8o6nYyQ1m3c2E=",
            "DATABASE_URL": f"sqlite:///{tmp_path}/check.sqlite3",
            "EMAIL_URL": "smtp://localhost:25",
            "ALLOWED_HOSTS": "ligesind.example.org",
        },
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.django_db
def test_menu_links_follow_the_language(client):
    """The header is kept per language (core.header): its addresses follow the language."""
    from django.urls import reverse
    from django.utils import translation

    for language, prefix in (("da", "/community/"), ("en", "/en/community/")):
        with translation.override(language):
            page = client.get(reverse("community:index")).content.decode()
            assert f'href="{prefix}"' in page
            assert all(
                f'"{reverse(name)}"' in page for name in ("front", "crisis", "account_login")
            )
    assert 'href="/en/community/"' in client.get("/community/").content.decode()
