"""Filling in deploy/nginx's templates: the site (for any server) and the local main configuration."""

from __future__ import annotations

import ast
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from .processes import ROOT

TEMPLATES = ROOT / "deploy" / "nginx"
SITE_TEMPLATE = TEMPLATES / "buurtbudget.conf"
LOCAL_TEMPLATE = TEMPLATES / "nginx-local.conf"
_PLACEHOLDER = re.compile(r"\{\{ (\w+) \}\}")


def request_body_max_bytes() -> int:
    """REQUEST_BODY_MAX_BYTES of config/settings/base.py, read without importing ``config.settings``.

    The launcher's process may set Django up later with another environment (a suite's script
    does, to make its vote): importing the settings module now would fix its database to this
    process's environment. Running the file on its own fails since base.py imports ``.running``
    relative to its package; so its one assignment is read from the source, integer arithmetic only.
    """
    source = (ROOT / "config/settings/base.py").read_text(encoding="utf-8")
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign) and [ast.unparse(t) for t in node.targets] == [
            "REQUEST_BODY_MAX_BYTES"
        ]:
            return _integer(node.value)
    raise LookupError("config/settings/base.py sets no REQUEST_BODY_MAX_BYTES")


def _integer(node: ast.expr) -> int:
    """An integer written as a product or sum of integers (``32 * 1024 * 1024``); nothing is run."""
    if isinstance(node, ast.Constant) and type(node.value) is int:
        return node.value
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mult | ast.Add):
        left, right = _integer(node.left), _integer(node.right)
        return left * right if isinstance(node.op, ast.Mult) else left + right
    raise ValueError(f"not integer arithmetic: {ast.unparse(node)}")


def render(template: str, values: Mapping[str, object]) -> str:
    """``template`` with every ``{{ name }}`` replaced; a name without a value is an error, not a blank."""
    missing = sorted({name for name in _PLACEHOLDER.findall(template) if name not in values})
    if missing:
        raise KeyError(f"no value for {', '.join(missing)}")
    return _PLACEHOLDER.sub(lambda match: str(values[match.group(1)]), template)


@dataclass(frozen=True)
class Site:
    """What the site template needs: where the nodes' pools listen, the ports, files and certificate."""

    page_servers: Sequence[str]  # "127.0.0.1:8711", one per node
    vote_servers: Sequence[str]
    static_root: Path
    media_root: Path
    certificate: Path
    certificate_key: Path
    client_max_body_size: int  # bytes: REQUEST_BODY_MAX_BYTES
    https_port: int = 443
    http_port: int = 80
    listen_address: str = ""  # "" listens on every address; "127.0.0.1" locally
    server_name: str = "_"

    def render(self) -> str:
        """The site configuration (deploy/nginx/buurtbudget.conf filled in)."""
        prefix = f"{self.listen_address}:" if self.listen_address else ""
        return render(
            SITE_TEMPLATE.read_text(),
            {
                "page_servers": _servers(self.page_servers),
                "vote_servers": _servers(self.vote_servers),
                "static_root": self.static_root,
                "media_root": self.media_root,
                "certificate": self.certificate,
                "certificate_key": self.certificate_key,
                "client_max_body_size": self.client_max_body_size,
                "https_listen": f"{prefix}{self.https_port}",
                "http_listen": f"{prefix}{self.http_port}",
                "https_port_suffix": "" if self.https_port == 443 else f":{self.https_port}",
                "server_name": self.server_name,
            },
        )


def _servers(addresses: Sequence[str]) -> str:
    # One failed connection takes a node out for 5 s: after a crash, the next requests go straight to
    # the other node instead of each trying the dead one first.
    return "\n".join(f"    server {address} max_fails=1 fail_timeout=5s;" for address in addresses)


def render_local(*, run_dir: Path, logs_dir: Path, site_config: Path, worker_processes: int = 1) -> str:
    """The main configuration of the launcher's own nginx (deploy/nginx/nginx-local.conf filled in)."""
    return render(
        LOCAL_TEMPLATE.read_text(),
        {
            "run_dir": run_dir,
            "logs_dir": logs_dir,
            "site_config": site_config,
            "worker_processes": worker_processes,
        },
    )
