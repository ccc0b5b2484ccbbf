"""Admin for the scheduler's runs and the processes' heartbeats: read by the platform's operators only.

Both are records the processes write (backoffice.rules: superusers read them, nobody edits them):
what ran when on which node and how it ended, and which worker or scheduler was last seen when.
``manage.py run_scheduler --list`` and ``/readyz`` show the same from the command line.
"""

from django.contrib import admin

from .models import Heartbeat, JobRun


@admin.register(JobRun)
class JobRunAdmin(admin.ModelAdmin[JobRun]):
    list_display = ["job", "slot", "node", "status", "started_at", "finished_at", "summary"]
    list_filter = ["job", "status"]
    search_fields = ["job", "node"]
    date_hierarchy = "slot"
    ordering = ["-slot", "job"]


@admin.register(Heartbeat)
class HeartbeatAdmin(admin.ModelAdmin[Heartbeat]):
    list_display = ["role", "node", "instance", "started_at", "seen_at", "stopped_at"]
    list_filter = ["role", "node"]
    search_fields = ["node", "instance"]
    ordering = ["-seen_at"]
