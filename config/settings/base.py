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

MIDDLEWARE = [
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
DATABASES = {
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
CACHES = {
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

LOGGING = {
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

# --- issue 18 §1 (topology): where a node's files live, set per deployment from the environment ---
# The directory collectstatic fills and the reverse proxy serves /static/ from (deploy/nginx). Every
# node of one deployment must see the same files: the manifest names the hashed copies pages link to.
if os.environ.get("BUURTBUDGET_STATIC_ROOT"):
    STATIC_ROOT = Path(os.environ["BUURTBUDGET_STATIC_ROOT"])
# Uploaded public files (plan images), served by the proxy under /media/: storage every node shares.
if os.environ.get("BUURTBUDGET_MEDIA_ROOT"):
    MEDIA_ROOT = Path(os.environ["BUURTBUDGET_MEDIA_ROOT"])
# With EMAIL_BACKEND=django.core.mail.backends.filebased.EmailBackend (the local topology): the
# directory each sent message is written to as a file, instead of an SMTP server.
if os.environ.get("EMAIL_FILE_PATH"):
    EMAIL_FILE_PATH = os.environ["EMAIL_FILE_PATH"]
# --- end issue 18 §1 (topology) ---

# --- issue 18 §2 §6 (operations: scheduler, workers, readiness, stale counts, mail queue) ---
# The account (an administrator's e-mail address) that scheduled publications of verdicts and
# results are recorded for in the audit log; empty: those two jobs fail, visibly, until it is set.
SCHEDULER_ACCOUNT_EMAIL = os.environ.get("BUURTBUDGET_SCHEDULER_ACCOUNT", "")
# How often (seconds) `run_scheduler` looks for due jobs.
SCHEDULER_TICK_SECONDS = 30
# How often (seconds) the scheduler and each task worker write their heartbeat.
OPERATIONS_HEARTBEAT_SECONDS = 5
# A heartbeat older than this (seconds) means its process is gone (six missed beats).
OPERATIONS_HEARTBEAT_MAX_AGE_SECONDS = 30
# A count still running (or queued without a task) this many minutes after it started, whose worker
# is gone, is queued again by `recover_counts` (a million ballots count in under 30 s).
COUNT_STALE_AFTER_MINUTES = 10
# The scheduler's line per job run, heartbeat failures and recoveries are INFO/WARNING: shown.
# (LOGGING has no other loggers here; a structured-logging block that adds some keeps this one.)
LOGGING["loggers"] = {"operations": {"level": "INFO"}}
# /readyz answers 503 unless each check named here is ok (of: database, cache, workers, migrations);
# the others are reported, not required. The demo and tests run without task workers, so base
# leaves "workers" out (/readyz then shows them as "none", not required); prod.py requires all four.
READYZ_REQUIRED = tuple(
    name.strip()
    for name in os.environ.get("BUURTBUDGET_READYZ_REQUIRED", "database,cache,migrations").split(",")
    if name.strip()
)
# PostgreSQL's statement timeout (milliseconds) for /readyz's `SELECT 1`.
READYZ_DATABASE_TIMEOUT_MS = 500
# --- end issue 18 §2 §6 ---

# --- issue 18 §5 (observability): request ids, metrics (common/observability/, operations/metrics/) ---
# Outermost middleware: a request id for every request (the proxy's X-Request-ID behind a trusted
# proxy, else a new one; returned as X-Request-ID), one access line and the request metrics, by route
# name, never by path. Development keeps readable console logs (LOGGING above); production writes JSON.
MIDDLEWARE.insert(0, "common.observability.middleware.RequestObservabilityMiddleware")
# Who may read /metrics: a list of addresses or CIDR networks, or None for anyone. None here (the
# demo and development are open); production reads METRICS_ALLOWED_ADDRESSES (config/settings/prod.py).
METRICS_ALLOWED_ADDRESSES: list[str] | None = None
# Optional error reporting (Sentry or compatible): the DSN, empty (off) by default; production only.
ERROR_REPORTING_DSN = ""
# --- end issue 18 §5 ---

# --- issue 19 §4 (pagecache): anonymous public pages from the cache (docs/page-cache.md) ---
# Its own cache, so pages can never evict the rate limits' counters: Redis in production (the same
# server unless PAGE_CACHE_REDIS_URL names another; short timeouts, a frozen Redis must not hold a
# page), a local memory of its own otherwise.
_PAGE_CACHE_REDIS = os.environ.get("PAGE_CACHE_REDIS_URL") or os.environ.get("REDIS_URL")
_PAGE_CACHE: dict[str, Any] = (
    {
        "BACKEND": "common.cache.ReusingRedisCache",
        "LOCATION": _PAGE_CACHE_REDIS,
        "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.25},  # seconds
    }
    if _PAGE_CACHE_REDIS
    else {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "pages",
        "OPTIONS": {"MAX_ENTRIES": 5000},  # pages (a few per plan and language)
    }
)
CACHES["pages"] = _PAGE_CACHE
PAGE_CACHE_ALIAS = "pages"
# Longest a cached page is kept, in seconds (0 turns the page cache off). Writes retire pages at
# once; this only bounds what no write announces (a relative date, a database edited by hand).
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300"))
# After the page cache fails (Redis down), seconds during which pages render fresh before it is tried again.
PAGE_CACHE_RETRY_SECONDS = 5
# Dotted path of a function returning the moments at which public pages change by time alone
# (phases start and end, results and verdicts published at a set time): a page never outlives one.
PAGE_CACHE_MOMENTS = "editions.selectors.moments_pages_change"
# Part of every page key: set it to the deployed commit, so a release never serves its predecessor's
# pages (the templates and translations are fingerprinted besides; Python code only through this).
PAGE_CACHE_RELEASE = os.environ.get("BUURTBUDGET_RELEASE", "")
# Tables whose writes retire no page: what the public pages never show. The vote's ballot box and
# voters above all (a cast must keep the pages cached); sessions, tasks, the audit log, notifications,
# login throttles. tests/pages/test_page_cache.py checks that a cast changes no page.
PAGE_CACHE_UNWATCHED_MODELS = [
    "voting.Ballot",  # a cast: the sealed ballot
    "voting.Voter",  # a cast: the voter's ballots_cast and channel (turnout shows once the vote closed)
    "voting.PaperEntry",  # paper ballots entered by staff during the vote
    "voting.EmailChallenge",  # a register voter's one-time code
    "sessions.Session",
    "audit.AuditEntry",  # written with a staff change, which changes a watched table itself
    "notifications.Notification",  # personal: only in the account
    "django_tasks_database.DBTaskResult",  # the queue of background work (mail, counts)
    "operations.Heartbeat",  # a worker or the scheduler alive, every few seconds
    "operations.JobRun",  # a scheduled job claimed and finished (what it changes is watched itself)
]
# Columns whose update alone retires no page ("app.Model.field"): a login's timestamp.
PAGE_CACHE_UNWATCHED_COLUMNS = ["accounts.User.last_login"]
# --- end issue 19 §4 (pagecache) ---

# --- issue 19 §1 (resilience): voting without Redis (common/cache.py, common/breaker.py) ---
# Redis answers in well under a millisecond on the private network; a cache call waits at most this
# long to connect (milliseconds) ...
CACHE_CONNECT_TIMEOUT_MS = int(os.environ.get("BUURTBUDGET_CACHE_CONNECT_TIMEOUT_MS", "100"))
# ... and this long for an answer (milliseconds) before Redis counts as unavailable.
CACHE_READ_TIMEOUT_MS = int(os.environ.get("BUURTBUDGET_CACHE_READ_TIMEOUT_MS", "250"))
# After a failure each process answers from its own memory for this long (seconds), then one call
# probes Redis again: one timeout per process per period instead of one per call.
CACHE_BREAKER_SECONDS = float(os.environ.get("BUURTBUDGET_CACHE_BREAKER_SECONDS", "5"))
# Entries a process holds in its own memory while Redis is away (then the oldest are dropped).
CACHE_FALLBACK_MAX_ENTRIES = 10_000
# --- end issue 19 §1 ---

# --- issue 19 §2 (resilience): outages answer 503 (common/unavailable.py) ---
# What a 503 tells clients in Retry-After (seconds): a PostgreSQL restart or a failover takes a few.
OUTAGE_RETRY_AFTER_SECONDS = int(os.environ.get("BUURTBUDGET_OUTAGE_RETRY_AFTER_SECONDS", "5"))
# A persistent connection (CONN_MAX_AGE not 0) is checked before its first use in each request, so a
# restarted database costs no request (issue 19 saw one failed cast per persistent connection).
DATABASES["default"]["CONN_HEALTH_CHECKS"] = DATABASES["default"]["CONN_MAX_AGE"] != 0  # None: kept for ever
# --- end issue 19 §2 ---

# --- issue 19 §3 (resilience): the connection budget and PgBouncer (operations/budget, deploy/) ---
# BUURTBUDGET_PGBOUNCER=1 when DATABASE_URL points at PgBouncer in transaction mode
# (deploy/pgbouncer/pgbouncer.ini): a server connection then serves another client after each
# transaction, so nothing may live longer than one. The app keeps no session state (no SET outside
# a transaction, no advisory locks, LISTEN or temporary tables; the roles' time zone is set in the
# database by deploy/postgres/roles.sql, so Django sends no SET TIME ZONE).
DATABASE_POOLER = os.environ.get("BUURTBUDGET_PGBOUNCER") == "1"
if DATABASE_POOLER:
    # QuerySet.iterator() would open a named server-side cursor outside a transaction.
    DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = True
    # No prepared statements: the next transaction may run on a server connection without them
    # (Django's default for psycopg 3 too; pinned here so an OPTIONS change cannot undo it).
    DATABASES["default"].setdefault("OPTIONS", {})["prepare_threshold"] = None
# --- end issue 19 §3 ---

# --- issue 19 §5 (idempotency): retried casts get their first answer (voting/services/idempotency.py) ---
# A cast with an Idempotency-Key (API) or the ballot form's one-time key claims the key for this many
# seconds while it runs; a claim whose request died is taken over by a retry after it (seconds).
VOTING_IDEMPOTENCY_LEASE_SECONDS = 10
# A request with a key that another request is still casting with waits this long for its answer,
# then answers 409 idempotency_key_in_use with Retry-After (seconds).
VOTING_IDEMPOTENCY_WAIT_SECONDS = 5
# A cast's idempotency record is written with every keyed cast and no public page shows it: like the
# ballot, its writes retire no cached page (issue 19 §4's page cache).
PAGE_CACHE_UNWATCHED_MODELS += ["voting.IdempotentCast"]
# --- end issue 19 §5 ---

# --- issue 18 §7 (loadsuite: a read replica for the public pages) ---
# A streaming replica of the primary (postgres://…), off when empty: the public pages' reads go there
# (common/db_router.py says which reads stay on the primary, docs/scaling.md how to run one).
DATABASE_REPLICA_URL = os.environ.get("DATABASE_REPLICA_URL", "")
# The views (URL names) whose GET and HEAD read from the replica: the anonymous public pages.
DATABASE_REPLICA_VIEWS = frozenset(
    {"pages:home", "pages:district", "pages:edition", "pages:plan", "proposals:list", "outcomes:result"}
)
# Seconds a browser that wrote reads from the primary only, so it sees its own write despite the lag.
DATABASE_REPLICA_PIN_SECONDS = int(os.environ.get("DATABASE_REPLICA_PIN_SECONDS", "10"))
if DATABASE_REPLICA_URL:
    DATABASES["replica"] = {
        **dj_database_url.parse(DATABASE_REPLICA_URL, conn_max_age=DATABASES["default"]["CONN_MAX_AGE"]),
        # Health-checked like the primary: a replica restarted under a persistent connection is noticed.
        "CONN_HEALTH_CHECKS": True,
        # In tests the alias is the primary's test database, not a second one to create.
        "TEST": {"MIRROR": "default"},
    }
    DATABASE_ROUTERS = ["common.db_router.ReplicaRouter"]
    # Outside the sessions: a session saved at the end of a request counts as that request's write.
    MIDDLEWARE.insert(
        MIDDLEWARE.index("django.contrib.sessions.middleware.SessionMiddleware"),
        "common.db_router.ReplicaReadsMiddleware",
    )
# --- end issue 18 §7 (loadsuite) ---
