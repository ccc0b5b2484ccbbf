"""Background work of the outcomes app: a queued count runs here, outside the web request."""

from __future__ import annotations

from django_tasks import task

from .models import Count


@task()
def count_vote(count_id: int) -> str:
    """Do the queued count ``count_id``; returns its final status (done or failed)."""
    from .services import compute_outcome  # services queue this task: import at call time

    count = Count.objects.select_related("edition", "started_by").get(pk=count_id)
    return compute_outcome(count=count).status
