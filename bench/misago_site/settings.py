"""Settings for Misago 0.39.6 as the forum benchmark's peer (bench/forum.py). Runs in its own
Python 3.12 virtualenv (bench/.misago), never in Ligesind's. Production-like: DEBUG off,
PostgreSQL, Redis cache, gunicorn."""

import os
from pathlib import Path

from misago.settings import *  # noqa: F403

HERE = Path(__file__).resolve().parent
SECRET_KEY = "misago-bench-only-" + "y" * 40  # noqa: S105 - a local benchmark
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
_db = os.environ.get("MISAGO_DATABASE", "ligesind_misago_bench")
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": _db,
        "USER": "postgres",
        "HOST": "127.0.0.1",
        "PORT": 5432,
        "CONN_MAX_AGE": 60,
    }
}
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": os.environ.get("MISAGO_REDIS_URL", "redis://127.0.0.1:6379/4"),
    }
}
LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True
STATIC_URL = "/static/"
MEDIA_URL = "/media/"
STATIC_ROOT = str(HERE.parent / ".misago-project" / "static")
MEDIA_ROOT = str(HERE.parent / ".misago-project" / "media")
AUTH_USER_MODEL = "misago_users.User"
AUTHENTICATION_BACKENDS = ["misago.users.authbackends.MisagoBackend"]
CSRF_FAILURE_VIEW = "misago.core.errorpages.csrf_failure"
INSTALLED_APPS = [app for app in INSTALLED_APPS if app != "debug_toolbar"]  # noqa: F405
LOGIN_REDIRECT_URL = "misago:index"
LOGIN_URL = "misago:login"
LOGOUT_URL = "misago:logout"
MIDDLEWARE = [
    "misago.users.middleware.RealIPMiddleware",
    "misago.core.middleware.FrontendContextMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "misago.cache.middleware.cache_versions_middleware",
    "misago.conf.middleware.dynamic_settings_middleware",
    "misago.socialauth.middleware.socialauth_providers_middleware",
    "misago.users.middleware.UserMiddleware",
    "misago.acl.middleware.user_acl_middleware",
    "misago.core.middleware.ExceptionHandlerMiddleware",
    "misago.users.middleware.OnlineTrackerMiddleware",
    "misago.admin.middleware.AdminAuthMiddleware",
    "misago.threads.middleware.UnreadThreadsCountMiddleware",
]
ROOT_URLCONF = "misago_site.urls"
SOCIAL_AUTH_STRATEGY = "misago.socialauth.strategy.MisagoStrategy"
SOCIAL_AUTH_JSONFIELD_ENABLED = True
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {"context_processors": TEMPLATE_CONTEXT_PROCESSORS},  # noqa: F405
    }
]
WSGI_APPLICATION = "misago_site.wsgi.application"
REST_FRAMEWORK = {
    "DEFAULT_PERMISSION_CLASSES": ["misago.core.rest_permissions.IsAuthenticatedOrReadOnly"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "EXCEPTION_HANDLER": "misago.core.exceptionhandler.handle_api_exception",
    "UNAUTHENTICATED_USER": "misago.users.models.AnonymousUser",
    "URL_FORMAT_OVERRIDE": None,
}
CELERY_BROKER_URL = os.environ.get("MISAGO_REDIS_URL", "redis://127.0.0.1:6379/4")
CELERY_TASK_ALWAYS_EAGER = True
MISAGO_SEARCH_CONFIG = "simple"
MISAGO_AVATARS_SIZES = [400, 200, 100]
MISAGO_USER_DATA_DOWNLOADS_WORKING_DIR = str(HERE.parent / ".misago-project" / "userdata")
MISAGO_PROFILE_FIELDS = []
EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"
# Generated accounts only: a fast hasher keeps seeding 1,000 users quick; pages never hash.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
