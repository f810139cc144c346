"""Error pages speak Danish (and English at /en/), calmly, with the way to help."""

import pytest
from django.test import Client
from django.urls import path, reverse

from ligesind import urls as site_urls
from tests.factories import UserFactory


def test_page_not_found(client):
    response = client.get("/findes-ikke/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "Siden findes ikke" in page and 'href="/help-now/"' in page
    assert "Page not found" in client.get("/en/findes-ikke/").content.decode()


def test_too_many_sign_in_attempts_get_a_translated_429(client, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login": "3/m/ip"}
    user = UserFactory.create(email="mange@example.org")
    for _attempt in range(3):
        client.post(reverse("account_login"), {"login": user.email, "password": "x"})
    response = client.post(reverse("account_login"), {"login": user.email, "password": "x"})
    assert response.status_code == 429
    page = response.content.decode()
    assert "For mange forsøg" in page and "112" not in page.split("<main")[0]


def broken(request):
    raise RuntimeError("boom")


urlpatterns = [path("boom/", broken), *site_urls.urlpatterns]


@pytest.mark.urls(__name__)
def test_server_error_page_is_calm_and_danish():
    response = Client(raise_request_exception=False).get("/boom/")
    assert response.status_code == 500
    assert "Noget gik galt" in response.content.decode()
