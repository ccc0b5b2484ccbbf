"""Production settings with mail written to files: the log-privacy test reads codes and links from there.

Static files are served from the source folders (no collectstatic for a test run): the manifest
storage of production would need one. Nothing else differs from config.settings.prod.
"""

import os
from pathlib import Path

from config.settings.prod import *  # noqa: F403
from config.settings.prod import STORAGES

EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = os.environ["BUURTBUDGET_TEST_MAIL_DIR"]
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
STATIC_ROOT = Path(os.environ["BUURTBUDGET_TEST_STATIC_ROOT"])
WHITENOISE_USE_FINDERS = True
