"""The production topology on this machine: TLS proxy, app nodes, task workers, scheduler (docs/deploy.md).

``Topology`` starts and stops it and breaks parts of it on purpose for the reliability suite
(bench/reliability); ``python -m deploy.local up`` is ``make prod-local``.
"""

from .topology import Topology

__all__ = ["Topology"]
