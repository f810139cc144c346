"""Development and demo: embedded defaults (SQLite, in-memory channel layer, console e-mail)."""

from ligesind.core.devkeys import dev_encryption_keys, dev_secret_key

from .base import *

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = SECRET_KEY or dev_secret_key(VAR_DIR)
LIGESIND_ENCRYPTION_KEYS = LIGESIND_ENCRYPTION_KEYS or dev_encryption_keys(VAR_DIR)
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
