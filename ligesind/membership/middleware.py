"""A member who reaches a feature their fee levels do not cover meets a page that says so and
how to get it, as an ordinary page rather than an error (``entitlements.require_feature``)."""

from collections.abc import Callable

from django.apps import apps
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .entitlements import FeatureLocked
from .models import FeeLevel


class FeatureLockedMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, FeatureLocked):
            return None
        feature = exception.feature
        unlocking = [
            level
            for level in FeeLevel.objects.filter(active=True).select_related("organisation")
            if feature in level.features
        ]
        organisations = apps.get_model("organisations", "Organisation")
        context = {
            "feature": feature,
            "levels": unlocking,
            "organisations": organisations.objects.filter(fee_levels__isnull=False).distinct(),
        }
        return render(request, "membership/locked.html", context)
