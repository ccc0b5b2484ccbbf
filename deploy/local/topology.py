"""The launcher: the production topology on one machine, and the faults the reliability suite injects.

``with Topology(run_dir=...) as t:`` migrates and collects static files, makes the TLS certificates,
starts nginx, the app nodes (each a page pool and a vote pool of gunicorn), the task workers and the
scheduler, and waits until every node and the proxy answer. Production settings throughout
(``config.settings.prod``), with the secrets generated once per run directory and kept there: the
voting key must stay the one the database's code hashes were made with.

Ports: the proxy on ``https_port`` (and ``http_port``, which redirects); node *i*'s page pool on
``first_node_port + 2i``, its vote pool on the port after. Everything a run writes (certificates,
static files, logs, a private PostgreSQL cluster and Redis) stays in ``run_dir``.
"""

from __future__ import annotations

import os
import shutil
import ssl
import sys
import time
import types
from pathlib import Path
from typing import Self, TypeVar

from .nginx import Site, render_local, request_body_max_bytes
from .preparation import collect_static, ensure_database, flush_redis, load_secrets, migrate
from .processes import ROOT, Child, run, wait_for_url
from .services import PrivatePostgres, PrivateRedis, make_certificates

# The task workers' and the scheduler's commands. THE SWITCH: the operations app's `run_worker`
# (django-tasks' database worker with a heartbeat) and `run_scheduler` (every due job, once over all
# nodes) replace django-tasks' plain `db_worker` and "no scheduler process" once they are in main.
OPERATIONS_COMMANDS = True
WORKER_COMMAND = ("run_worker" if OPERATIONS_COMMANDS else "db_worker", "--no-reload", "--interval", "0.5")
SCHEDULER_COMMAND: tuple[str, ...] | None = ("run_scheduler",) if OPERATIONS_COMMANDS else None

SHARED_POSTGRES = "postgres://postgres@127.0.0.1:5432"
DEFAULT_DATABASE = "buurtbudget_prod"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/10"
PRIVATE_DATABASE = "buurtbudget"
START_TIMEOUT_SECONDS = 60.0
_Service = TypeVar("_Service", PrivatePostgres, PrivateRedis)


class Topology:
    """The proxy, ``nodes`` app nodes, ``task_workers`` workers and the scheduler, started and broken here.

    With ``private_services`` the topology also runs its own PostgreSQL cluster (``pg_port``) and
    redis-server (``redis_port``), which ``restart_postgres``, ``stop_redis`` and ``freeze_redis``
    act on; otherwise it uses ``database_url`` (default: database ``buurtbudget_prod`` on the
    machine's PostgreSQL, created when missing) and ``redis_url`` (default: Redis database 10, which
    it empties at start: the topology owns it). ``env`` adds to (or overrides) the environment of
    every process it starts.
    """

    def __init__(
        self,
        *,
        run_dir: Path,
        database_url: str | None = None,
        redis_url: str | None = None,
        private_services: bool = False,
        nodes: int = 2,
        page_workers: int = 2,
        vote_workers: int = 2,
        threads: int = 4,
        task_workers: int = 2,
        scheduler: bool = True,
        https_port: int = 8443,
        http_port: int = 8080,
        first_node_port: int = 8711,
        pg_port: int = 5440,
        redis_port: int = 6390,
        env: dict[str, str] | None = None,
    ) -> None:
        if nodes < 1:
            raise ValueError("a topology needs at least one node")
        self.run_dir = Path(run_dir).resolve()
        self.private_services = private_services
        self.nodes = nodes
        self.page_workers, self.vote_workers, self.threads = page_workers, vote_workers, threads
        self.task_workers = task_workers
        self.scheduler = scheduler
        self.https_port, self.http_port = https_port, http_port
        self.first_node_port = first_node_port
        self.extra_env = dict(env or {})
        self.logs_dir = self.run_dir / "logs"
        self.certs_dir = self.run_dir / "certs"
        self.static_root = self.run_dir / "static"
        self.media_root = self.run_dir / "media"
        self.postgres: PrivatePostgres | None = None
        self.redis: PrivateRedis | None = None
        if private_services:
            self.postgres = PrivatePostgres(self.run_dir / "postgres", port=pg_port)
            self.redis = PrivateRedis(
                self.run_dir / "redis", port=redis_port, log=self.logs_dir / "redis.log"
            )
            database_url = database_url or f"postgres://postgres@127.0.0.1:{pg_port}/{PRIVATE_DATABASE}"
            redis_url = redis_url or f"redis://127.0.0.1:{redis_port}/0"
        self.database_url: str = database_url or f"{SHARED_POSTGRES}/{DEFAULT_DATABASE}"
        self.redis_url: str = redis_url or DEFAULT_REDIS_URL
        self.base_url = f"https://127.0.0.1:{https_port}"
        self.ca_file = self.certs_dir / "ca.pem"
        self.node_urls = [f"http://127.0.0.1:{self._port(i, 'pages')}" for i in range(nodes)]
        self.vote_urls = [f"http://127.0.0.1:{self._port(i, 'votes')}" for i in range(nodes)]
        self._nginx: Child | None = None
        self._pools: dict[tuple[int, str], Child] = {}
        self._workers: list[Child] = []
        self._scheduler: Child | None = None
        self._started = False

    # --- the environment of every process ---

    def _port(self, node: int, pool: str) -> int:
        return self.first_node_port + 2 * node + (0 if pool == "pages" else 1)

    @property
    def app_env(self) -> dict[str, str]:
        """What every app process gets (nodes, workers, scheduler, manage.py): production settings.

        A script that makes a vote in this topology's database (bench/reliability/world.py) uses
        it too: the voting key must be the nodes' for the codes it makes to be valid there.
        """
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("DJANGO_", "BUURTBUDGET_", "GUNICORN_", "PYTEST", "WEB_CONCURRENCY"))
        }
        env.update(
            {
                "DJANGO_SETTINGS_MODULE": "config.settings.prod",
                **load_secrets(self.run_dir),
                "DATABASE_URL": self.database_url,
                # Persistent connections: one per thread, opened once (docs/deploy.md, "Sizes").
                "CONN_MAX_AGE": "600",
                "REDIS_URL": self.redis_url,
                "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
                # nginx sets X-Forwarded-For and -Proto itself: the one trusted proxy.
                "BUURTBUDGET_TRUSTED_PROXIES": "1",
                "BUURTBUDGET_SITE_URL": self.base_url,
                "BUURTBUDGET_STATIC_ROOT": str(self.static_root),
                "BUURTBUDGET_MEDIA_ROOT": str(self.media_root),
                "PRIVATE_FILES_ROOT": str(self.run_dir / "private"),
                # Mail is written to files in the run directory: no mail server here.
                "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
                "EMAIL_FILE_PATH": str(self.run_dir / "mail"),
                # Browsers would remember HSTS for "localhost" for a year, for every other local server
                # too; production keeps the default (a year).
                "SECURE_HSTS_SECONDS": "0",
                "PYTHONUNBUFFERED": "1",
            }
        )
        env.update(self.extra_env)
        return env

    def manage(self, *args: str, log_name: str = "manage") -> None:
        """Run ``manage.py <args>`` with the topology's settings (migrate, load_demo …); raise on failure."""
        run(
            [sys.executable, "manage.py", *args],
            env=self.app_env,
            log=self.logs_dir / f"{log_name}.log",
            what=f"manage.py {' '.join(args)}",
        )

    # --- starting and stopping ---

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: types.TracebackType | None,
    ) -> None:
        self.stop()

    def start(self) -> None:
        """Migrate, collect static files, make certificates, start nginx, nodes, workers and scheduler;
        return once every node's pools answer /healthz and the proxy answers over verified HTTPS."""
        self._prepare_directories()
        try:
            if self.postgres is not None and self.redis is not None:
                self.postgres.create()
                self.postgres.start()
                self.redis.start()
            self._started = True
            ensure_database(self.database_url)
            flush_redis(self.redis_url)
            migrate(self.manage, database_url=self.database_url, postgres=self.postgres)
            collect_static(self.manage, static_root=self.static_root)
            self._start_nginx()
            for node in range(self.nodes):
                self.start_node(node, wait=False)
            for index in range(self.task_workers):
                self.start_worker(index)
            if self.scheduler and SCHEDULER_COMMAND is not None:
                self._scheduler = self._manage_child("scheduler", SCHEDULER_COMMAND)
                self._scheduler.start()
            for node in range(self.nodes):
                self._wait_for_node(node)
            self._wait_for(f"{self.base_url}/healthz", what="the proxy")
        except BaseException:
            self.stop()
            raise

    def stop(self) -> None:
        """Stop everything this topology started (gracefully, then by force); remove a private cluster."""
        children = [*self._pools.values(), *self._workers]
        if self._scheduler is not None:
            children.append(self._scheduler)
        for child in children:
            child.stop()
        if self._nginx is not None:
            self._nginx.stop()
        if self._started and self.redis is not None:
            self.redis.stop()
        if self._started and self.postgres is not None:
            self.postgres.remove()
        self._started = False

    def _prepare_directories(self) -> None:
        for directory in (
            self.run_dir,
            self.logs_dir,
            self.static_root,
            self.media_root,
            self.run_dir / "mail",
        ):
            directory.mkdir(parents=True, exist_ok=True)
        # nginx's workers (user nobody) and PostgreSQL (user postgres) pass through the run directory.
        self.run_dir.chmod(0o711)
        for directory in (self.static_root, self.media_root):
            directory.chmod(0o755)
        # nginx makes its temporary directories itself, owned by its workers' user.
        (self.run_dir / "nginx" / "tmp").mkdir(parents=True, exist_ok=True)
        make_certificates(self.certs_dir)

    def site(self) -> Site:
        """The nginx site of this topology (deploy/nginx/buurtbudget.conf)."""
        return Site(
            page_servers=[f"127.0.0.1:{self._port(i, 'pages')}" for i in range(self.nodes)],
            vote_servers=[f"127.0.0.1:{self._port(i, 'votes')}" for i in range(self.nodes)],
            static_root=self.static_root,
            media_root=self.media_root,
            certificate=self.certs_dir / "server.pem",
            certificate_key=self.certs_dir / "server.key",
            client_max_body_size=request_body_max_bytes(),
            https_port=self.https_port,
            http_port=self.http_port,
            listen_address="127.0.0.1",
            server_name="127.0.0.1 localhost",
        )

    def write_nginx_config(self) -> Path:
        """Write the site and the main configuration into the run directory; return the main one."""
        directory = self.run_dir / "nginx"
        directory.mkdir(parents=True, exist_ok=True)
        site = directory / "buurtbudget.conf"
        site.write_text(self.site().render())
        main = directory / "nginx.conf"
        main.write_text(render_local(run_dir=self.run_dir, logs_dir=self.logs_dir, site_config=site))
        return main

    def _start_nginx(self) -> None:
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        if not Path(nginx).exists():
            raise RuntimeError("nginx is missing: apt-get install -y -qq nginx (make prod-local does)")
        config = self.write_nginx_config()
        prefix = ["-p", str(self.run_dir / "nginx"), "-e", str(self.logs_dir / "nginx-error.log")]
        run(
            [nginx, *prefix, "-t", "-c", str(config)],
            env=os.environ,
            log=self.logs_dir / "nginx-test.log",
            what="nginx -t",
        )
        self._nginx = Child(
            "nginx", [nginx, *prefix, "-c", str(config)], env=os.environ, log=self.logs_dir / "nginx.log"
        )
        self._nginx.start()

    def _manage_child(self, name: str, command: tuple[str, ...]) -> Child:
        return Child(
            name, [sys.executable, "manage.py", *command], env=self.app_env, log=self.logs_dir / f"{name}.log"
        )

    def _pool(self, node: int, pool: str) -> Child:
        key = (node, pool)
        if key not in self._pools:
            env = {
                **self.app_env,
                "BUURTBUDGET_POOL": pool,
                "BUURTBUDGET_NODE": f"node{node}",
                "GUNICORN_BIND": f"127.0.0.1:{self._port(node, pool)}",
                "WEB_CONCURRENCY": str(self.page_workers if pool == "pages" else self.vote_workers),
                "GUNICORN_THREADS": str(self.threads),
                # The whole deployment, for the connection budget each pool checks as it starts
                # (operations/budget: refused when it would not fit the database's limit).
                "BUURTBUDGET_APP_NODES": str(self.nodes),
                "BUURTBUDGET_NODE_CONNECTIONS": str((self.page_workers + self.vote_workers) * self.threads),
                "BUURTBUDGET_TASK_WORKERS": str(self.task_workers),
                "BUURTBUDGET_SCHEDULERS": "1" if self.scheduler else "0",
                # Prometheus multiprocess mode: one directory per pool (operations/metrics/gunicorn.py).
                "PROMETHEUS_MULTIPROC_DIR": str(self.run_dir / "metrics" / f"node{node}-{pool}"),
            }
            name = f"node{node}-{pool}"
            command = [sys.executable, "-m", "gunicorn", "-c", str(ROOT / "deploy" / "gunicorn.conf.py")]
            self._pools[key] = Child(name, command, env=env, log=self.logs_dir / f"{name}.log")
        return self._pools[key]

    # --- what the suite breaks and mends ---

    def kill_node(self, index: int) -> None:
        """``kill -9`` both pools of node ``index``: the masters and every worker, at once."""
        for pool in ("pages", "votes"):
            self._pool(index, pool).kill()

    def start_node(self, index: int, *, wait: bool = True) -> None:
        """Start node ``index``'s two pools (again); with ``wait``, until both answer /healthz."""
        for pool in ("pages", "votes"):
            self._pool(index, pool).start()
        if wait:
            self._wait_for_node(index)

    def kill_worker(self, index: int) -> None:
        """``kill -9`` task worker ``index`` (a task it was running stays claimed: see crashes.py)."""
        self._workers[index].kill()

    def start_worker(self, index: int) -> None:
        """Start task worker ``index`` (again)."""
        while len(self._workers) <= index:
            number = len(self._workers)
            self._workers.append(self._manage_child(f"worker{number}", WORKER_COMMAND))
        self._workers[index].start()

    def restart_postgres(self, *, down_seconds: float = 0, immediate: bool = False) -> None:
        """Stop the private PostgreSQL (``immediate``: as if it crashed), keep it down, start it again."""
        postgres = self._private(self.postgres)
        postgres.stop(mode="immediate" if immediate else "fast")
        time.sleep(down_seconds)
        postgres.start()

    def stop_redis(self) -> None:
        """Stop the private redis-server (SIGTERM)."""
        self._private(self.redis).stop()

    def start_redis(self) -> None:
        self._private(self.redis).start()

    def freeze_redis(self) -> None:
        """SIGSTOP the private redis-server: it keeps its connections and answers nothing."""
        self._private(self.redis).freeze()

    def thaw_redis(self) -> None:
        self._private(self.redis).thaw()

    @staticmethod
    def _private(service: _Service | None) -> _Service:
        if service is None:
            raise RuntimeError("only a topology with private_services=True may stop its PostgreSQL or Redis")
        return service

    # --- what the suite reads ---

    def pids(self) -> dict[str, list[int]]:
        """Every running process per role: "node0-pages" (master and workers), "node0-votes", …,
        "worker0", …, "scheduler", "nginx", and with private services "postgres" and "redis"."""
        found = {child.name: child.pids() for child in self._pools.values()}
        found.update({child.name: child.pids() for child in self._workers})
        if self._scheduler is not None:
            found["scheduler"] = self._scheduler.pids()
        if self._nginx is not None:
            found["nginx"] = self._nginx.pids()
        if self.postgres is not None:
            found["postgres"] = self.postgres.pids()
        if self.redis is not None:
            found["redis"] = self.redis.child.pids()
        return found

    def logs(self) -> dict[str, Path]:
        """Each process's log file by the same names as ``pids`` (and migrate, collectstatic, nginx)."""
        return {path.stem: path for path in sorted(self.logs_dir.glob("*.log"))}

    # --- waiting ---

    def ssl_context(self) -> ssl.SSLContext:
        """A client TLS context that trusts this topology's CA (and nothing else)."""
        return ssl.create_default_context(cafile=str(self.ca_file))

    def _wait_for_node(self, node: int) -> None:
        for pool in ("pages", "votes"):
            child = self._pool(node, pool)
            self._wait_for(f"http://127.0.0.1:{self._port(node, pool)}/healthz", what=child.name, child=child)

    def _wait_for(self, url: str, *, what: str, child: Child | None = None) -> None:
        context = self.ssl_context() if url.startswith("https") else None
        if not wait_for_url(url, context=context, child=child, seconds=START_TIMEOUT_SECONDS):
            where = child.log if child is not None else self.logs_dir
            raise RuntimeError(f"{what} did not answer {url} in {START_TIMEOUT_SECONDS:.0f} s; see {where}")
