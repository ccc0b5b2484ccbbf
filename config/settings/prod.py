"""Production settings: everything secret or site-specific comes from the environment."""

import logging
import os

from common.observability.logging import logging_config
from common.observability.reporting import init_error_reporting

from .base import *  # noqa: F403

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
# The key of the voting-code hashes: never the development default, never in the database.
VOTING_CODE_KEY = os.environ["BUURTBUDGET_VOTING_KEY"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
# issue 12 §4: SECURE_PROXY_SSL_HEADER is set below, only behind a configured proxy.

# --- issue 12 §4 (transport): HTTPS only, and the forwarded scheme trusted only behind our proxy ---
# `manage.py check --deploy --fail-level WARNING` passes with these (tests/config/test_deploy.py).
SECURE_SSL_REDIRECT = True
# The load balancer's health and readiness checks may speak plain HTTP on the private network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
# Eligible for the browsers' preload list (the header says so; submitting the domain is the city's act).
SECURE_HSTS_PRELOAD = os.environ.get("SECURE_HSTS_PRELOAD", "1") == "1"
LANGUAGE_COOKIE_SECURE = True
LANGUAGE_COOKIE_HTTPONLY = True
# X-Forwarded-Proto is believed only when a proxy is configured: then that proxy must SET the header
# (overwriting whatever the client sent), so a client can never claim HTTPS itself. Without a proxy the
# app terminates TLS itself (or is reached directly) and the header is ignored.
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if TRUSTED_PROXY_COUNT > 0 else None  # noqa: F405 (base.py)
)
# --- end issue 12 §4 ---

# --- issue 18 §5 (operations: readiness) ---
# A node is ready when its database, the cache (or its in-process fallback while Redis is away) and
# the migrations answer. The task workers' heartbeat is reported, not required: workers are shared by
# every node, and voting needs none, so their absence must not take every node out of the load
# balancer (alert on it instead: docs/observability.md). BUURTBUDGET_READYZ_REQUIRED can add it.
READYZ_REQUIRED = tuple(
    name.strip()
    for name in os.environ.get("BUURTBUDGET_READYZ_REQUIRED", "database,cache,migrations").split(",")
    if name.strip()
)
# --- end issue 18 §5 (operations: readiness) ---

# --- issue 18 §5 (observability): JSON logs, /metrics restricted, optional error reporting ---
# One JSON object per line on stderr (docs/observability.md): request id, route name (never the
# path), method, status, duration in ms, node (BUURTBUDGET_NODE, else the host name); codes, e-mail
# addresses and tokens scrubbed. BUURTBUDGET_LOG_LEVEL: DEBUG, INFO (default), WARNING, ERROR.
# BUURTBUDGET_ACCESS_LOG=0 leaves out the access line (one per request) and keeps the rest.
LOGGING = logging_config(
    level=os.environ.get("BUURTBUDGET_LOG_LEVEL", "INFO").upper(),
    request_lines=os.environ.get("BUURTBUDGET_ACCESS_LOG", "1") != "0",
)
# Python's warnings become log lines (logger py.warnings), so stderr holds JSON lines only.
logging.captureWarnings(True)
# Addresses or CIDR networks (comma-separated) that may read /metrics; everyone else gets a 404.
# Default: this machine only (a Prometheus agent on the node). Empty: nobody. The client address is
# the one the rate limits use (behind BUURTBUDGET_TRUSTED_PROXIES proxies, what the outermost saw).
METRICS_ALLOWED_ADDRESSES = [
    entry.strip()
    for entry in os.environ.get("METRICS_ALLOWED_ADDRESSES", "127.0.0.1/32,::1/128").split(",")
    if entry.strip()
]
# Prometheus scrapes each node directly over the private network, like the load balancer's probe.
SECURE_REDIRECT_EXEMPT = [*SECURE_REDIRECT_EXEMPT, r"^metrics$"]
# Error reports (Sentry or compatible, e.g. GlitchTip) go to this DSN; unset or empty: nothing is
# loaded or sent. Reports carry no personal data (common/observability/reporting.py).
ERROR_REPORTING_DSN = os.environ.get("ERROR_REPORTING_DSN", "")
init_error_reporting(
    dsn=ERROR_REPORTING_DSN,
    environment=os.environ.get("ERROR_REPORTING_ENVIRONMENT", "production"),
    release=os.environ.get("BUURTBUDGET_RELEASE", ""),
)
# --- end issue 18 §5 ---

# --- issue 19 §3 (resilience): PgBouncer (deploy/pgbouncer, docs/deploy.md), production only ---
# BUURTBUDGET_PGBOUNCER=1 when DATABASE_URL points at PgBouncer in transaction mode
# (deploy/pgbouncer/pgbouncer.ini): a server connection then serves another client after each
# transaction, so nothing may live longer than one. The app keeps no session state (no SET outside
# a transaction, no advisory locks, LISTEN or temporary tables; the roles' time zone is set in the
# database by deploy/postgres/roles.sql, so Django sends no SET TIME ZONE).
DATABASE_POOLER = os.environ.get("BUURTBUDGET_PGBOUNCER") == "1"
if DATABASE_POOLER:
    # QuerySet.iterator() would open a named server-side cursor outside a transaction.
    DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = True  # noqa: F405 (base.py)
    # No prepared statements: the next transaction may run on a server connection without them
    # (Django's default for psycopg 3 too; pinned here so an OPTIONS change cannot undo it).
    DATABASES["default"].setdefault("OPTIONS", {})["prepare_threshold"] = None  # noqa: F405
# --- end issue 19 §3 ---
