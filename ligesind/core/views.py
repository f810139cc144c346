from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def front(request: HttpRequest) -> HttpResponse:
    return render(request, "core/front.html")


def crisis(request: HttpRequest) -> HttpResponse:
    return render(request, "core/crisis.html", {"livslinien_hours": settings.LIVSLINIEN_HOURS})
