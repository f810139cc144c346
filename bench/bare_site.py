"""The ceiling for bench/forum.py: the smallest Django site that renders a template page of a
given size (BARE_PAGE_BYTES), served by the same gunicorn settings. No database, no sessions."""

import os

from django.conf import settings

PARAGRAPH = "<p>" + "Ligesind bench text. " * 8 + "</p>\n"

if not settings.configured:
    settings.configure(
        DEBUG=False,
        SECRET_KEY="bare-bench-only",  # noqa: S106 - never used for anything
        ALLOWED_HOSTS=["127.0.0.1", "localhost"],
        ROOT_URLCONF=__name__,
        TEMPLATES=[
            {
                "BACKEND": "django.template.backends.django.DjangoTemplates",
                "OPTIONS": {
                    "loaders": [
                        (
                            "django.template.loaders.locmem.Loader",
                            {
                                "page.html": '<!doctype html><html lang="da"><head><title>{{ title }}'
                                "</title></head><body><main>{% for p in paragraphs %}{{ p|safe }}"
                                "{% endfor %}</main></body></html>",
                            },
                        )
                    ]
                },
            }
        ],
        MIDDLEWARE=["django.middleware.common.CommonMiddleware"],
    )

import django  # noqa: E402
from django.core.wsgi import get_wsgi_application  # noqa: E402
from django.shortcuts import render  # noqa: E402
from django.urls import path  # noqa: E402

django.setup()


def page(request):  # type: ignore[no-untyped-def]
    count = max(1, int(os.environ.get("BARE_PAGE_BYTES", "20000")) // len(PARAGRAPH))
    return render(request, "page.html", {"title": "Bare", "paragraphs": [PARAGRAPH] * count})


urlpatterns = [path("", page)]
application = get_wsgi_application()
