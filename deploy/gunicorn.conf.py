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


# --- connection budget (issue 19 §3): the resilience engineer's start-up check goes here ---
# An ``on_starting(server)`` hook that runs ``manage.py check_connection_budget`` and refuses to start
# a pool whose connections would not fit PostgreSQL's max_connections.
# --- end connection budget ---


# --- observability (issue 18 §5): the metrics engineer's hooks go here ---
# Prometheus multiprocess mode needs gunicorn's ``child_exit`` hook to mark a dead worker's files
# (operations/metrics/gunicorn.py). Define it here, e.g.:
#
#     def child_exit(server, worker):
#         from operations.metrics.gunicorn import child_exit as metrics_child_exit
#         metrics_child_exit(server, worker)
#
# and set PROMETHEUS_MULTIPROC_DIR per pool in the environment (deploy/buurtbudget.env.example).
# --- end observability ---
