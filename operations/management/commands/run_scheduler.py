"""``manage.py run_scheduler [--once | --list]``: run the scheduled jobs, on as many nodes as you like."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from operations.models import HeartbeatRole, JobRun
from operations.scheduler.jobs import JOBS
from operations.scheduler.loop import Scheduler, default_tick
from operations.scheduler.services import run_due_jobs
from operations.workers.heartbeat import heartbeat, new_instance_id, node_name


class Command(BaseCommand):
    help = (
        "Run every scheduled job (publishing, reminders, retention purges, count recovery) when it is "
        "due. Safe on several nodes at once: each job runs once per slot over all of them."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        mode = parser.add_mutually_exclusive_group()
        mode.add_argument("--once", action="store_true", help="run every due job once, then exit")
        mode.add_argument("--list", action="store_true", help="list the jobs with their last run, then exit")
        parser.add_argument(
            "--tick", type=float, default=None, metavar="SECONDS", help="how often to look for due jobs"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["list"]:
            self._list()
            return
        tick = options["tick"] if options["tick"] is not None else default_tick()
        if tick <= 0:
            raise CommandError("--tick must be more than 0 seconds.")
        if options["once"]:
            node = node_name()
            with heartbeat(role=HeartbeatRole.SCHEDULER, instance=new_instance_id(), node=node):
                runs = run_due_jobs(node=node)
            failed = [run.job for run in runs if run.status == "failed"]
            for run in runs:
                self.stdout.write(f"{run.job}: {run.status} {run.summary}".rstrip())
            self.stdout.write(f"{len(runs)} job(s) run, {len(failed)} failed.")
            if failed:
                raise CommandError(f"Failed: {', '.join(failed)} (see above).")
            return
        Scheduler(tick=tick).run_forever()

    def _list(self) -> None:
        now = timezone.now()
        for job in JOBS:
            last = JobRun.objects.filter(job=job.name).order_by("-slot").first()
            when = "never"
            if last is not None:
                when = f"{timezone.localtime(last.slot):%Y-%m-%d %H:%M} {last.status}"
            due = "due" if last is None or last.slot < job.schedule.slot_at(now) else "not due"
            self.stdout.write(f"{job.name:24} {job.schedule.describe():36} last: {when} ({due})")
