"""Settings shared by every environment; the others import from here and override."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import dj_database_url
import django_stubs_ext
from django.utils.translation import gettext_lazy as _

# Lets admin and queryset classes be subscripted for type checking (ModelAdmin[Plan]).
django_stubs_ext.monkeypatch()

BASE_DIR = Path(__file__).resolve().parents[2]

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "insecure-development-key-change-me-in-production")
DEBUG = False
ALLOWED_HOSTS = os.environ.get("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")

INSTALLED_APPS = [
    # Django's admin with the district-scoped, audited site (backoffice.site) as ``admin.site``.
    "backoffice.apps.ScopedAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
    "ui",
    "accounts",
    "places",
    "editions",
    "audit",
    "notifications",
    "proposals",
    "review",
    "development",
    "ballots",
    "outreach",
    "voting",
    "deliberation",
    "execution",
    "evaluation",
    "outcomes",
    "api",
    "privacy",
    "pages",
    "operations",
    "demo",
    "backoffice",
]

MIDDLEWARE: list[str] = [
    # issue 12 §4 (transport): outermost, so every response, error pages included, gets CSP,
    # Permissions-Policy and no-store for personal pages; then junk input is refused before any view.
    "common.middleware.SecurityHeadersMiddleware",
    # issue 19 §2: a view that meets an unavailable database or cache answers 503 with Retry-After
    # (inside the headers middleware, so the 503 gets CSP and the other headers too).
    "common.unavailable.ServiceUnavailableMiddleware",
    # Pages leave compressed (a phone on a slow line gets a fifth of the bytes, bench/page_weight.py);
    # Django pads each gzip stream with random bytes against BREACH, and CSRF tokens are masked.
    "django.middleware.gzip.GZipMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "common.middleware.RequestGuardMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "ui.context_processors.site",
                "accounts.context_processors.staff",
                "voting.kiosk.context_processors.kiosk",
            ],
        },
    },
]

# SQLite (WAL, IMMEDIATE transactions) unless DATABASE_URL points elsewhere, e.g.
# DATABASE_URL=postgres://postgres@127.0.0.1:5432/buurtbudget
SQLITE_PATH = Path(os.environ.get("SQLITE_PATH", BASE_DIR / "db.sqlite3"))
DATABASES: dict[str, Any] = {
    "default": dj_database_url.config(
        default=f"sqlite:///{SQLITE_PATH}", conn_max_age=int(os.environ.get("CONN_MAX_AGE", "0"))
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; "
            "PRAGMA busy_timeout=20000;"
        ),
    }
DATABASES["default"]["ATOMIC_REQUESTS"] = False

# The cache holds rate-limit counters, so in production every app server must share it (Redis).
# The Redis backend survives Redis (common/cache.py, issue 19 §1: its settings at the end).
CACHES: dict[str, dict[str, Any]] = {
    "default": (
        {"BACKEND": "common.cache.ResilientRedisCache", "LOCATION": os.environ["REDIS_URL"]}
        if os.environ.get("REDIS_URL")
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = ["django.contrib.auth.backends.ModelBackend"]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "pages:home"
LOGOUT_REDIRECT_URL = "pages:home"
# How long a passwordless login link stays valid.
LOGIN_LINK_MAX_AGE_SECONDS = 15 * 60
# At most this many login links per e-mail address, and per client address, per hour.
LOGIN_LINKS_PER_ADDRESS_PER_HOUR = 5
LOGIN_LINKS_PER_CLIENT_PER_HOUR = 20

LANGUAGE_CODE = "nl"
# Dutch at /, the others under /en/, /tr/, /ar/ (Arabic is written right to left: docs/translating.md).
LANGUAGES = [("nl", _("Dutch")), ("en", _("English")), ("tr", _("Turkish")), ("ar", _("Arabic"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Our own number formats where Django's differ from what residents read easily (config/formats/).
FORMAT_MODULE_PATH = ["config.formats"]
USE_I18N = True
TIME_ZONE = "Europe/Amsterdam"
USE_TZ = True
LANGUAGE_COOKIE_NAME = "buurtbudget_language"
LANGUAGE_COOKIE_SAMESITE = "Lax"

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
MEDIA_URL = "/media/"
MEDIA_ROOT = BASE_DIR / "var" / "media"
# Only the demo and tests serve uploads from the app; production leaves that to the web server.
SERVE_MEDIA = False

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Buurtbudget <noreply@buurtbudget.example>")

# --- issue 12 §4 (transport): request limits and browser headers (common/middleware.py) ---
# Bodies announced larger than this are refused (400) before a byte is read. The largest upload is a
# district's address list for voting letters (~50 bytes an address); a plan image is at most 8 MB.
REQUEST_BODY_MAX_BYTES = 32 * 1024 * 1024
# Form fields without files held in memory; files stream to disk (and are bounded by the line above).
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000
DATA_UPLOAD_MAX_NUMBER_FILES = 10
# No query parameter of ours is longer (a search is at most 100 characters); longer ones get a 400.
REQUEST_QUERY_VALUE_MAX_LENGTH = 1000
# Decoded pictures larger than this (width x height) are refused before decoding (proposals' images).
IMAGE_MAX_PIXELS = 20_000_000
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# --- end issue 12 §4 ---

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

BUURTBUDGET_MUNICIPALITY_SLUG = os.environ.get("BUURTBUDGET_MUNICIPALITY", "amsterdam")
# The site's public address, used for links in e-mails (which have no request to build them from).
BUURTBUDGET_SITE_URL = os.environ.get("BUURTBUDGET_SITE_URL", "http://127.0.0.1:8000")
# Uploaded plan images: larger files are refused, larger pictures are scaled down.
PLAN_IMAGE_MAX_BYTES = 8 * 1024 * 1024
PLAN_IMAGE_MAX_SIDE = 1600
PLAN_IMAGES_PER_PLAN = 6

# Voting codes are stored only as HMACs under this key. It lives in the environment, never in the
# database: someone with a copy of the database alone cannot test codes. Set it in production.
VOTING_CODE_KEY = os.environ.get("BUURTBUDGET_VOTING_KEY", "insecure-voting-key-change-me-in-production")
# Failed code entries allowed (count, window in seconds) per client address and for everyone together.
VOTING_FAILURES_PER_CLIENT = (20, 600)
VOTING_FAILURES_GLOBAL = (2000, 60)
# A one-time code e-mailed to a register voter stays valid this long and allows this many tries.
VOTING_ONE_TIME_CODE_MINUTES = 15
VOTING_ONE_TIME_CODE_ATTEMPTS = 5
# Letter PDFs hold the only plain voting codes; they live here, outside MEDIA_ROOT, until destroyed.
PRIVATE_FILES_ROOT = Path(os.environ.get("PRIVATE_FILES_ROOT", BASE_DIR / "var" / "private"))

# Background work (counting a vote, rendering letters): django-tasks with its database backend, so
# no extra service is needed; run `manage.py db_worker` beside the web server.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

LOGGING: dict[str, Any] = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# --- Client addresses, rate limits, account checks and sessions (issue 12 §3) ---
# How many reverse proxies in front of the app append to X-Forwarded-For. 0: the client is
# REMOTE_ADDR and the header is ignored; n: the client is the n-th address from the right of the
# header (what the outermost trusted proxy saw). Also decides whether X-Forwarded-Proto is trusted.
TRUSTED_PROXY_COUNT = int(os.environ.get("BUURTBUDGET_TRUSTED_PROXIES", "0"))
# Password logins (site and /beheer/): failed attempts (count, window in seconds) per account and
# per client address (IPv6 per /64); over either, passwords are not checked until the window ends.
LOGIN_FAILURES_PER_ACCOUNT = (10, 15 * 60)
LOGIN_FAILURES_PER_CLIENT = (50, 15 * 60)
AUTHENTICATION_BACKENDS = ["accounts.backends.ThrottledModelBackend"]  # replaces the plain ModelBackend
# A person may invite this many co-initiators per hour, over all their plans.
CO_INITIATOR_INVITATIONS_PER_HOUR = 10
# A new account confirms its e-mail address with a link valid this long, before it may submit,
# support or comment; it can ask for a new link this often per hour.
EMAIL_VERIFICATION_MAX_AGE_SECONDS = 3 * 24 * 60 * 60
EMAIL_VERIFICATIONS_PER_HOUR = 3
# A password-reset link stays valid this long (Django's setting).
PASSWORD_RESET_TIMEOUT = 2 * 60 * 60
# Staff sessions end after this long without a request; residents keep Django's two-week session.
STAFF_SESSION_IDLE_SECONDS = 30 * 60
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.messages.middleware.MessageMiddleware") + 1,
    "accounts.middleware.StaffIdleTimeoutMiddleware",
)

# Receipts of a project's expenses (execution.ledger): a photo or scan (re-encoded like plan images,
# larger so amounts stay readable) or a PDF, at most this large; kept under PRIVATE_FILES_ROOT.
EXECUTION_RECEIPT_MAX_BYTES = 10 * 1024 * 1024
EXECUTION_RECEIPT_MAX_SIDE = 2400
# Photos of a project's final report (execution.completion).
EXECUTION_PHOTO_MAX_BYTES = 8 * 1024 * 1024
EXECUTION_PHOTO_MAX_SIDE = 1600
EXECUTION_REPORT_PHOTOS = 6

# Running the platform (issues 18 and 19): the topology's files, the scheduler and workers,
# observability, the page cache, the cache's resilience, outages, idempotent casts and the read
# replica. Their own module, imported last, so this one stays readable.
from .running import *  # noqa: E402, F403
