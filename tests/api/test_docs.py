from django.urls import reverse
from django.utils import translation

from ligesind.api import api


def test_the_schema_is_made_once_per_language_and_served_whole(client):
    with translation.override("da"):
        first = api.get_openapi_schema()
        assert api.get_openapi_schema() is first  # made once
    with translation.override("en"):
        assert api.get_openapi_schema() is not first
    served = client.get("/api/v1/openapi.json").json()
    assert served["info"]["title"] == "Ligesind API"
    assert "/api/v1/members" in served["paths"]
    docs = client.get(reverse("api_docs")).content.decode()
    assert "/api/v1/members" in docs
