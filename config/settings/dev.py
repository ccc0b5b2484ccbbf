"""Settings for `make demo`: SQLite, mail to the console, static files served by the app."""

import os

from .base import *  # noqa: F403
from .base import STORAGES

# The demo shows the real 404/500 pages; run with DJANGO_DEBUG=1 to see tracebacks instead.
DEBUG = os.environ.get("DJANGO_DEBUG") == "1"
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
# The demo serves uploaded images itself; in production the reverse proxy serves MEDIA_ROOT.
SERVE_MEDIA = True
