"""Background work of the panel: a queued draw runs here, outside the web request."""

from __future__ import annotations

from django_tasks import task

from .models import Draw


@task()
def run_draw(draw_id: int) -> str:
    """Do the queued draw ``draw_id``; returns its final status (done, infeasible or failed)."""
    from .draw.services.queued import run_queued_draw  # the service queues this task: import at call time

    draw = Draw.objects.select_related("edition", "drawn_by").get(pk=draw_id)
    return run_queued_draw(draw=draw).status
