"""Gunicorn's production settings for one pool of an app node: ``gunicorn -c deploy/gunicorn.conf.py``.

Every app node runs two pools of this config (docs/deploy.md): a *page* pool for browsing and a
*vote* pool for casting and code checks, on two ports; the reverse proxy routes between them, so a
cast never waits in the queue of a page render. What differs per pool comes from the environment:

- ``BUURTBUDGET_POOL``  ``pages`` or ``votes`` (the process title and the defaults below);
- ``GUNICORN_BIND``     the address to listen on (default 127.0.0.1:8000 for pages, :8001 for votes);
- ``WEB_CONCURRENCY``   worker processes (default 2 per pool: this machine has 2 cores, and two
  workers keep a pool answering while one restarts after ``max_requests``);
- ``GUNICORN_THREADS``  threads per worker (default 4: a request mostly waits on PostgreSQL);
- ``GUNICORN_MAX_REQUESTS`` requests before a worker is replaced (default 5000, with 10 % jitter so
  the workers of a pool never restart together).

A node's database connections are workers × threads per pool (``CONN_MAX_AGE`` keeps one per
thread): the sum over all nodes, plus the task workers and a reserve, must stay under PostgreSQL's
``max_connections`` (docs/deploy.md, "Sizes").
"""

from __future__ import annotations

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.prod")

pool = os.environ.get("BUURTBUDGET_POOL", "pages")
if pool not in ("pages", "votes"):
    raise SystemExit(f"BUURTBUDGET_POOL must be 'pages' or 'votes', not {pool!r}")

wsgi_app = "config.wsgi:application"
bind = [os.environ.get("GUNICORN_BIND", "127.0.0.1:8000" if pool == "pages" else "127.0.0.1:8001")]
proc_name = f"buurtbudget-{pool}"

# gthread: a worker's threads share its memory and its imported Django; a slow client never holds a
# thread, because the proxy buffers request bodies and responses (deploy/nginx).
worker_class = "gthread"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
# Requests waiting for a thread queue in the kernel, not at the proxy: room for a letters burst.
backlog = 2048

# A worker is replaced after this many requests (a slow leak never grows for long); the jitter
# spreads the replacements of one pool's workers apart.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "5000"))
max_requests_jitter = max(max_requests // 10, 1)

# Seconds a worker may stay silent before the master replaces it (gthread workers report from their
# main thread, so a long request does not count); on SIGTERM (a deploy, systemd stop) workers get
# this long to finish the requests in hand: a cast that started is finished, not cut off.
timeout = 30
graceful_timeout = 25
# The proxy opens a new connection per request (deploy/nginx: no upstream keepalive, so a POST is
# never sent on a connection the worker is just closing); a short keep-alive is enough.
keepalive = 5

# No access log: the proxy knows every request, and a request line can hold what must not be logged.
# Errors go to stderr (the journal under systemd, a log file under deploy/local).
accesslog = None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "warning")
capture_output = False

# Django is imported in each worker, not in the master: a deploy's SIGHUP reloads the code, and a
# master never holds a database connection that its forked workers would share.
preload_app = False


# --- observability (issue 18 §5): JSON lines from gunicorn too, Prometheus multiprocess mode ---
# Gunicorn's own lines (start, workers booted or killed) as the app's JSON lines (docs/observability.md);
# its "Error handling request" line loses the path. The access log stays off (above).
from common.observability.gunicorn import gunicorn_logging  # noqa: E402

# The connection budget (issue 19 §3): ``on_starting`` runs ``manage.py check_connection_budget`` in a
# child process (the master imports no Django); over PostgreSQL's limit (or PgBouncer's) the pool
# exits 1, within 10 % of it it warns (operations/budget/gunicorn.py).
from operations.budget.gunicorn import on_starting  # noqa: E402, F401 (a hook)
from operations.metrics.gunicorn import child_exit, prepare_directory  # noqa: E402, F401 (a hook)

logconfig_dict = gunicorn_logging(level=loglevel)
# Every worker writes its counters to files here and /metrics sums them: one directory per pool
# (two masters sharing one would wipe each other's files), emptied before the first worker starts
# (``when_ready``); ``child_exit`` marks a dead worker's files. Default: a directory per pool and port.
os.environ.setdefault(
    "PROMETHEUS_MULTIPROC_DIR",
    f"/tmp/buurtbudget-metrics-{pool}-{bind[0].rsplit(':', 1)[-1]}",
)


def when_ready(server: object) -> None:
    prepare_directory()


# --- end observability ---
