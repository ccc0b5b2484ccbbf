"""Settings for running the platform in production (issues 18 and 19), one block per part.

base.py imports this module as its last line, so everything base defines is there to extend:
the database and cache dictionaries and the middleware list are changed in place.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import dj_database_url

from .base import CACHES, DATABASES, LOGGING, MIDDLEWARE

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
# Mail (common/mail): seconds to wait before each retry of a mail the server did not take; after
# the last, the mail is given up on (logged, a failed task in the admin). About 9 hours in all.
MAIL_RETRY_DELAYS = (30, 120, 600, 1800, 3600, 3 * 3600, 4 * 3600)
# The mail server the task workers hand mail to (Django's settings, from the environment).
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "") == "1"
# Seconds before a silent mail server counts as failed (Django's default waits forever, which
# would hold a worker); the attempt is then retried like a refused connection.
EMAIL_TIMEOUT = 20
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
# Longest wait (milliseconds) to connect to Redis, and for its answer, before it counts as away.
CACHE_CONNECT_TIMEOUT_MS = int(os.environ.get("BUURTBUDGET_CACHE_CONNECT_TIMEOUT_MS", "100"))
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
