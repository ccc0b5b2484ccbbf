"""Background work of the what-if: after a result is published, count its what-ifs into the cache."""

from __future__ import annotations

from django_tasks import task

from ..models import Count
from .selectors import warm_what_ifs


@task()
def precompute_what_ifs(count_id: int) -> int:
    """Count every what-if of the published count ``count_id`` (big editions answer from the cache)."""
    return warm_what_ifs(Count.objects.select_related("edition").get(pk=count_id))
