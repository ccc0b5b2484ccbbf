"""What operators look at when something runs in the background: scheduled job runs and heartbeats."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class JobRunStatus(models.TextChoices):
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class JobRun(models.Model):
    """One scheduled job in one slot, claimed by the node that inserted this row first.

    The unique (job, slot) pair is the lock between schedulers on several nodes: the row is inserted
    before the job runs, so a second node's insert fails and it skips the slot. A process that died
    mid-job leaves its row "running" without an end (visible to operators); the next slot is a new
    row, so the job runs again then.
    """

    job = models.CharField(_("job"), max_length=60)
    slot = models.DateTimeField(_("slot"))
    node = models.CharField(_("node"), max_length=100)
    status = models.CharField(
        _("status"), max_length=10, choices=JobRunStatus.choices, default=JobRunStatus.RUNNING
    )
    started_at = models.DateTimeField(_("started at"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    # The command's last line of output (its summary, e.g. "3 reminder(s) sent") or the error.
    summary = models.CharField(_("summary"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("job run")
        verbose_name_plural = _("job runs")
        ordering = ["-slot", "job"]
        constraints = [
            models.UniqueConstraint(fields=["job", "slot"], name="operations_one_run_per_slot"),
            models.CheckConstraint(
                condition=Q(finished_at__isnull=True) | ~Q(status="running"),
                name="operations_finished_run_is_not_running",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.job} @ {self.slot:%Y-%m-%d %H:%M} ({self.status})"


class HeartbeatRole(models.TextChoices):
    WORKER = "worker", _("Task worker")
    SCHEDULER = "scheduler", _("Scheduler")


class Heartbeat(models.Model):
    """A background process says it is alive: written every few seconds by a thread of the process.

    ``instance`` is unique per process (a task worker's id is the one django-tasks records on the
    tasks it claims, so a task can be traced to the process running it and that process's last
    sign of life). ``stopped_at`` is set when the process ends cleanly; a process killed stops
    beating and its ``seen_at`` ages.
    """

    role = models.CharField(_("role"), max_length=20, choices=HeartbeatRole.choices)
    node = models.CharField(_("node"), max_length=100)
    instance = models.CharField(_("instance"), max_length=64)
    started_at = models.DateTimeField(_("started at"), default=timezone.now)
    seen_at = models.DateTimeField(_("last seen at"), default=timezone.now)
    stopped_at = models.DateTimeField(_("stopped at"), null=True, blank=True)

    class Meta:
        verbose_name = _("heartbeat")
        verbose_name_plural = _("heartbeats")
        ordering = ["role", "-seen_at"]
        constraints = [
            models.UniqueConstraint(fields=["role", "instance"], name="operations_one_heartbeat_per_process")
        ]
        indexes = [models.Index(fields=["role", "seen_at"], name="operations_beat_role_seen")]

    def __str__(self) -> str:
        return f"{self.role} {self.instance} on {self.node}"
