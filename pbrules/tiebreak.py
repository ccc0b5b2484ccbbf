"""Tie-breaking: one explicit, documented order in which tied projects are preferred.

The default is pabutools' (project ids compared as strings, so "10" comes before "9"), so that
our results compare with the reference. A caller may pass any other complete order of ids.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

DEFAULT_TIE_BREAKING = "lexicographic project id (as strings, as pabutools does)"


def priority(project_ids: Sequence[str], order: Sequence[str] | None = None) -> npt.NDArray[np.int64]:
    """Rank of each project (index-aligned with ``project_ids``): lower rank wins a tie.

    ``order`` lists every project id, most preferred first; None means the default order.
    """
    ranking = list(order) if order is not None else sorted(project_ids)
    position = {pid: i for i, pid in enumerate(ranking)}
    missing = [pid for pid in project_ids if pid not in position]
    if missing:
        raise ValueError(f"tie-breaking order misses project(s): {', '.join(missing[:5])}")
    return np.fromiter((position[pid] for pid in project_ids), dtype=np.int64, count=len(project_ids))
