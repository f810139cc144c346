"""Settings shared by every environment.

The environment is read here and only here; ``dev``, ``test`` and ``prod`` adjust the defaults.
"""

import os
from pathlib import Path

import dj_database_url
import dj_email_url
from csp.constants import NONCE, NONE, SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("LIGESIND_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
DATABASE_URL = os.environ.get("DATABASE_URL", "")
REDIS_URL = os.environ.get("REDIS_URL", "")
EMAIL_URL = os.environ.get("EMAIL_URL", "")
# Comma-separated Fernet keys, newest first. See ligesind.core.crypto.
LIGESIND_ENCRYPTION_KEYS = env_list("LIGESIND_ENCRYPTION_KEYS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "csp",
    "channels",
    "django_tasks",
    "django_tasks_db",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "ligesind.core",
    "ligesind.accounts",
    "ligesind.membership",
    "ligesind.research",
    "ligesind.messaging",
    "ligesind.activities",
    "ligesind.matching",
    "ligesind.safety",
    "ligesind.community",
    "ligesind.organisations",
    "ligesind.pages",
    "ligesind.volunteers",
    "ligesind.reports",
    "ligesind.workplaces",
    "ligesind.demo",
    # Wagtail edits the public pages and news (/cms/); see docs/architecture.md
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.images",
    "wagtail.documents",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "ligesind.accounts.middleware.StaffSessionLimitMiddleware",
    "ligesind.accounts.middleware.ConsentRequiredMiddleware",
    "ligesind.membership.middleware.FeatureLockedMiddleware",
]

ROOT_URLCONF = "ligesind.urls"
FORM_RENDERER = "ligesind.core.renderers.FormRenderer"
WSGI_APPLICATION = "ligesind.wsgi.application"
ASGI_APPLICATION = "ligesind.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "ligesind" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "ligesind.core.context_processors.site",
                "ligesind.messaging.context_processors.unread",
                "ligesind.safety.context_processors.safety",
                "ligesind.reports.context_processors.coordination",
            ],
        },
    },
]

DATABASES = {
    # A kept connection is checked before a request reuses it, so a restarted PostgreSQL
    # costs no failed requests once it is back.
    "default": dj_database_url.parse(DATABASE_URL, conn_max_age=60, conn_health_checks=True)
    if DATABASE_URL
    else {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": VAR_DIR / "ligesind.sqlite3",
        # Pages, the chat and background work write at once: a writer waits for its turn
        # (up to 20 s) instead of failing, and a transaction takes the write lock when it
        # begins, so two cannot each wait for the other.
        "OPTIONS": {"timeout": 20, "transaction_mode": "IMMEDIATE"},
    }
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and (
    os.environ.get("DATABASE_PREPARED", "1") != "0"
):
    # Server-side binding lets psycopg prepare a query the fifth time a connection runs it;
    # PostgreSQL then keeps its plan. Planning the signed-in user's query took six times longer
    # than running it (bench/forum.py). Set DATABASE_PREPARED=0 behind a connection pooler
    # in transaction mode that cannot keep prepared statements.
    DATABASES["default"]["OPTIONS"] = {
        **DATABASES["default"].get("OPTIONS", {}),  # type: ignore[dict-item]
        "server_side_binding": True,
        "prepare_threshold": 5,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

if REDIS_URL:
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "ligesind.core.fast.channel_layer.RedisChannelLayer",
            # redis-py 8 defaults to a 5 s socket timeout that kills idle consumers
            # (redis/redis-py#4091, django/channels_redis#422).
            "CONFIG": {
                "hosts": [
                    {
                        "address": REDIS_URL,
                        "socket_timeout": None,
                        # A Redis that does not answer is given up on soon (the page polls).
                        "socket_connect_timeout": 2,
                        # redis-py's async pool raises instead of waiting when it is full.
                        "max_connections": int(os.environ.get("REDIS_MAX_CONNECTIONS", "2000")),
                    }
                ],
                # channels-redis keeps ONE pending list per server process (all its sockets
                # share it) and silently drops live events beyond this many: the default of
                # 100 lost messages under load (bench/chat.py, 200 clients).
                "capacity": int(os.environ.get("CHANNEL_LAYER_CAPACITY", "10000")),
            },
        }
    }
    CACHES = {
        "default": {
            "BACKEND": "ligesind.core.fast.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "ligesind",
        }
    }
else:
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Background tasks (e-mails, reminders, digests): "immediate" runs them at once in the request
# (development, tests, the demo); "database" queues them for the worker that
# `python -m ligesind serve --prod` starts (`db_worker`), the production default.
LIGESIND_TASKS_FROM_ENV = os.environ.get("LIGESIND_TASKS", "")
LIGESIND_TASKS = LIGESIND_TASKS_FROM_ENV or "immediate"


def tasks_setting(kind: str) -> dict[str, dict[str, str]]:
    if kind == "database":
        return {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    return {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


TASKS = tasks_setting(LIGESIND_TASKS)

AUTH_USER_MODEL = "accounts.User"
# allauth's e-mail login; the signed-in user is loaded with what every page needs
# (ligesind.accounts.backends). Sessions live in the database, read through the cache.
AUTHENTICATION_BACKENDS = ["ligesind.accounts.backends.MemberBackend"]
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:home"

# django-allauth: e-mail only, verification mandatory, no account enumeration.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_REAUTHENTICATION_REQUIRED = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Ligesind] "
ACCOUNT_ADAPTER = "ligesind.accounts.adapters.AccountAdapter"
ACCOUNT_FORMS = {"signup": "ligesind.accounts.forms.SignupForm"}
MFA_ADAPTER = "ligesind.accounts.adapters.MFAAdapter"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Ligesind"

LANGUAGE_CODE = "da"
LANGUAGES = [("da", _("Danish")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "ligesind" / "locale"]
TIME_ZONE = "Europe/Copenhagen"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
MEDIA_ROOT = VAR_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Avatars are personal data: they are served through a view that checks visibility,
# never from a public media URL.
MEDIA_URL = "/_protected_media/"
DATA_UPLOAD_MAX_MEMORY_SIZE = 3 * 1024 * 1024
AVATAR_MAX_BYTES = 2 * 1024 * 1024

if EMAIL_URL:
    _email = dj_email_url.parse(EMAIL_URL)
    EMAIL_BACKEND = _email["EMAIL_BACKEND"]
    EMAIL_HOST = _email["EMAIL_HOST"]
    EMAIL_PORT = _email["EMAIL_PORT"]
    EMAIL_HOST_USER = _email["EMAIL_HOST_USER"]
    EMAIL_HOST_PASSWORD = _email["EMAIL_HOST_PASSWORD"]
    EMAIL_USE_TLS = _email["EMAIL_USE_TLS"]
    EMAIL_USE_SSL = _email["EMAIL_USE_SSL"]
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Ligesind <noreply@ligesind.local>")

# Strict Content Security Policy: everything from our own origin; a script runs only with the
# request's nonce (no inline script, no eval); no plugins, no <base>, never inside a frame.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
        "object-src": [NONE],
    }
}
# Nothing on Ligesind needs these browser powers: turn them off for every page.
PERMISSIONS_POLICY: dict[str, list[str]] = {
    feature: []
    for feature in [
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    ]
}

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# allauth's rate limits: at most 5 failed logins per account per 30 minutes, plus per address.
# Password sign-in is then paused for that account, but its owner is not locked out: a code
# sent to the account's e-mail still signs them in (two-factor is still asked for after it).
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
ACCOUNT_RATE_LIMITS = {
    "login_failed": "20/10m/ip,5/30m/key",
    "login": "30/m/ip",
    "signup": "10/m/ip",
    "reset_password": "10/m/ip,3/10m/key",
    "reset_password_from_key": "20/m/ip",
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
    "reauthenticate": "10/m/user",
    "confirm_email": "1/3m/key",
}
X_FRAME_OPTIONS = "DENY"
# Addresses of the reverse proxies in front of the site (comma-separated), whose
# X-Forwarded-For header is believed; none by default, so a client cannot choose its own
# address and escape the per-address limits. With a proxy, its last hop is the client.
LIGESIND_TRUSTED_PROXIES = env_list("LIGESIND_TRUSTED_PROXIES")
# `python -m ligesind serve --prod` (ligesind.serving): where pages and WebSockets listen, and
# how many processes serve each (0: from the number of cores).
LIGESIND_BIND = os.environ.get("LIGESIND_BIND", "127.0.0.1:8000")
LIGESIND_WS_BIND = os.environ.get("LIGESIND_WS_BIND", "127.0.0.1:8001")
LIGESIND_WEB_WORKERS = int(os.environ.get("WEB_CONCURRENCY") or 0)
LIGESIND_WS_WORKERS = int(os.environ.get("LIGESIND_WS_WORKERS") or 0)
ALLAUTH_TRUSTED_PROXY_COUNT = 1 if LIGESIND_TRUSTED_PROXIES else 0

# The version of the health-data consent text that sign-up asks for.
# The texts themselves live in ligesind.accounts.consent.
LIGESIND_CONSENT_VERSION = "2026-12"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# Livslinien's opening hours as shown on the crisis page (they change; keep them current).
LIVSLINIEN_HOURS = os.environ.get("LIVSLINIEN_HOURS", "11–05")

# Messaging: how fast one member may send, and when unread messages lead to a notice.
LIGESIND_MESSAGES_PER_MINUTE = int(os.environ.get("LIGESIND_MESSAGES_PER_MINUTE", "30"))
LIGESIND_UNREAD_NOTICE_MINUTES = int(os.environ.get("LIGESIND_UNREAD_NOTICE_MINUTES", "30"))

# The site's own address, used in e-mails sent by background tasks (no request to ask).
# PeerMatch: how long a match runs, and the scoring weights (see ligesind/matching/scoring.py).
LIGESIND_MATCH_MONTHS = int(os.environ.get("LIGESIND_MATCH_MONTHS", "6"))
LIGESIND_MATCH_WEIGHTS: dict[str, float] = {}
LIGESIND_SITE_URL = os.environ.get("LIGESIND_SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# Safety: how many reports a member may send a day (more is rarely a real need, often abuse).
LIGESIND_REPORTS_PER_DAY = int(os.environ.get("LIGESIND_REPORTS_PER_DAY", "10"))
# Staff sessions (they open members' data) end sooner than members' sessions.
LIGESIND_STAFF_IDLE_MINUTES = int(os.environ.get("LIGESIND_STAFF_IDLE_MINUTES", "30"))
LIGESIND_STAFF_SESSION_HOURS = int(os.environ.get("LIGESIND_STAFF_SESSION_HOURS", "12"))
# Keeping times: deleted content is purged after this many days (purge_old_data, daily).
# IP addresses are never stored: rate-limit counters by address expire from the cache.
LIGESIND_PURGE_DELETED_DAYS = int(os.environ.get("LIGESIND_PURGE_DELETED_DAYS", "30"))
# A member who deletes a message or post can undo it this long; then the text is gone for good
# (forget_deleted_texts, every few minutes; the next deletion also forgets what is past it).
LIGESIND_UNDO_MINUTES = int(os.environ.get("LIGESIND_UNDO_MINUTES", "10"))
# The API answers 429 beyond this rate per member (session or token); visitors get 401.
LIGESIND_POSTS_PER_PAGE = 20
LIGESIND_THREADS_PER_PAGE = 30
LIGESIND_FORUM_POSTS_PER_MINUTE = int(os.environ.get("LIGESIND_FORUM_POSTS_PER_MINUTE", "10"))
LIGESIND_FORUM_FIRST_DAY_THREADS = int(os.environ.get("LIGESIND_FORUM_FIRST_DAY_THREADS", "3"))
LIGESIND_API_RATE = os.environ.get("LIGESIND_API_RATE", "120/m")

# Wagtail: the public pages' editor at /cms/ (docs/architecture.md). No calls home.
WAGTAIL_SITE_NAME = "Ligesind"
WAGTAILADMIN_BASE_URL = LIGESIND_SITE_URL
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_LOGIN_URL = "/accounts/login/"
WAGTAIL_FRONTEND_LOGIN_URL = "/accounts/login/"
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no calls to other sites from the editor

# Card payments of membership fees through Stripe Checkout: offered when both are set. The
# webhook (POST /membership/stripe/webhook/) must be registered in Stripe with this secret.
LIGESIND_STRIPE_SECRET_KEY = os.environ.get("LIGESIND_STRIPE_SECRET_KEY", "")
LIGESIND_STRIPE_WEBHOOK_SECRET = os.environ.get("LIGESIND_STRIPE_WEBHOOK_SECRET", "")
