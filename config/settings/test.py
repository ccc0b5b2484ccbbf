"""Settings for pytest: the real database (SQLite file, or PostgreSQL via DATABASE_URL)."""

import os
import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import STORAGES

EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}

# Uploads go to a throw-away folder per test run, and the app serves them (browser tests show them).
MEDIA_ROOT = Path(tempfile.gettempdir()) / f"buurtbudget-test-media-{os.getpid()}"
SERVE_MEDIA = True

# Tasks run at once, in the test's own process and transaction (outcomes' count_vote).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
