"""WSGI entry point for production pages (gunicorn); /ws/ goes to the ASGI server."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ligesind.settings.prod")
application = get_wsgi_application()
