"""The scheduler: each job once per slot over all nodes, failures recorded, the registry complete."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from django.core.management import call_command, get_commands
from django.test import override_settings

from operations.models import Heartbeat, JobRun, JobRunStatus
from operations.scheduler.jobs import JOBS, Job
from operations.scheduler.schedules import DailyAt, Every
from operations.scheduler.services import due_jobs, run_due_jobs
from tests import factories
from tests.concurrency import run_at_once

MOMENT = datetime(2027, 4, 12, 16, 2, tzinfo=UTC)  # 18:02 in Amsterdam (summer time)

# Real commands with nothing to do in an empty database, so they run quickly and succeed.
QUIET_JOBS = (
    Job("remind_projects", Every(5), "remind_projects", "test"),
    Job("remind_workshops", DailyAt(18, 0), "remind_workshops", "test"),
    Job("recover_counts", Every(5), "recover_counts", "test"),
)


def test_every_registered_job_calls_a_command_that_exists() -> None:
    commands = get_commands()
    missing = {job.command for job in JOBS} - set(commands)
    assert missing == set()
    assert len({job.name for job in JOBS}) == len(JOBS)


def test_the_issue_names_every_periodic_job() -> None:
    assert {job.name for job in JOBS} == {
        "publish_due_verdicts",
        "publish_due_results",
        "remind_workshops",
        "remind_projects",
        "invite_surveys",
        "refresh_evaluation",
        "purge_personal_data",
        "recover_counts",
    }


@pytest.mark.django_db
def test_a_job_runs_once_per_slot_and_again_in_the_next_slot() -> None:
    first = run_due_jobs(node="a", at=MOMENT, jobs=QUIET_JOBS)
    again = run_due_jobs(node="b", at=MOMENT + timedelta(minutes=1), jobs=QUIET_JOBS)
    later = run_due_jobs(node="b", at=MOMENT + timedelta(minutes=5), jobs=QUIET_JOBS)

    assert sorted(run.job for run in first) == ["recover_counts", "remind_projects", "remind_workshops"]
    assert all(run.status == JobRunStatus.DONE and run.finished_at for run in first)
    assert again == []
    assert sorted(run.job for run in later) == ["recover_counts", "remind_projects"]
    assert JobRun.objects.get(job="remind_projects", node="a").summary.startswith("0 reminder(s) sent")


@pytest.mark.django_db
def test_a_failing_job_is_recorded_failed_and_the_others_still_run() -> None:
    jobs = (
        Job("broken", Every(5), "remind_projects", "test", lambda: {"quiet_days": 0}),
        *QUIET_JOBS,
    )
    runs = {run.job: run for run in run_due_jobs(node="a", at=MOMENT, jobs=jobs)}

    assert runs["broken"].status == JobRunStatus.FAILED
    assert runs["broken"].summary == "CommandError: --quiet-days must be at least 1."
    assert runs["broken"].finished_at is not None
    assert {runs[name].status for name in ("remind_projects", "remind_workshops", "recover_counts")} == {
        JobRunStatus.DONE
    }


@pytest.mark.django_db
@override_settings(SCHEDULER_ACCOUNT_EMAIL="")
def test_publishing_without_the_scheduler_account_fails_visibly() -> None:
    jobs = tuple(job for job in JOBS if job.name == "publish_due_verdicts")
    (run,) = run_due_jobs(node="a", at=MOMENT, jobs=jobs)
    assert run.status == JobRunStatus.FAILED
    assert "BUURTBUDGET_SCHEDULER_ACCOUNT" in run.summary


@pytest.mark.django_db
def test_publishing_runs_as_the_scheduler_account() -> None:
    account = factories.make_user(email="planner@amsterdam.example", is_superuser=True, is_staff=True)
    jobs = tuple(job for job in JOBS if job.name in ("publish_due_verdicts", "publish_due_results"))
    with override_settings(SCHEDULER_ACCOUNT_EMAIL=account.email):
        runs = run_due_jobs(node="a", at=MOMENT, jobs=jobs)
    assert {(run.job, run.status) for run in runs} == {
        ("publish_due_verdicts", JobRunStatus.DONE),
        ("publish_due_results", JobRunStatus.DONE),
    }


@pytest.mark.django_db
def test_a_run_that_never_finished_stays_visible_and_the_next_slot_runs_again() -> None:
    job = QUIET_JOBS[0]
    JobRun.objects.create(job=job.name, slot=job.schedule.slot_at(MOMENT), node="dead")
    assert due_jobs(at=MOMENT, jobs=(job,)) == []
    (run,) = run_due_jobs(node="a", at=MOMENT + timedelta(minutes=5), jobs=(job,))
    assert run.status == JobRunStatus.DONE
    crashed = JobRun.objects.get(node="dead")
    assert (crashed.status, crashed.finished_at) == (JobRunStatus.RUNNING, None)


@pytest.mark.django_db(transaction=True)
def test_two_schedulers_started_at_once_run_each_job_once() -> None:
    """Two nodes' schedulers in threads (each its own database connection), released together."""
    runs: dict[str, list[JobRun]] = {"node-1": [], "node-2": []}
    # Django's `check` reads no table: the race is the claim alone (the tests' in-memory SQLite
    # locks whole tables, which a command reading beside the other node's claim would trip over).
    jobs = tuple(Job(job.name, job.schedule, "check", "test") for job in QUIET_JOBS)

    def node(name: str) -> Callable[[], None]:
        return lambda: runs[name].extend(run_due_jobs(node=name, at=MOMENT, jobs=jobs))

    assert run_at_once([node("node-1"), node("node-2")]) == ["ok", "ok"]

    # Each job ran once, on one node or the other. (The rows, not the lists: on a loaded SQLite a
    # "database is locked" makes run_at_once call a node again, and the runs of its first call are
    # in the database but not in its list.)
    done = sorted(JobRun.objects.values_list("job", flat=True))
    assert done == ["recover_counts", "remind_projects", "remind_workshops"]
    assert {run.job for name in runs for run in runs[name]} <= set(done)
    assert set(JobRun.objects.values_list("status", flat=True)) == {JobRunStatus.DONE}


@pytest.mark.django_db(transaction=True)
def test_once_runs_the_due_jobs_with_a_heartbeat_and_lists_them() -> None:
    account = factories.make_user(email="planner@amsterdam.example", is_superuser=True, is_staff=True)
    out = io.StringIO()
    with override_settings(SCHEDULER_ACCOUNT_EMAIL=account.email):
        call_command("run_scheduler", "--once", stdout=out)
    assert "job(s) run" in out.getvalue()
    assert JobRun.objects.filter(job="refresh_evaluation", status=JobRunStatus.DONE).exists()
    beat = Heartbeat.objects.get(role="scheduler")
    assert beat.stopped_at is not None

    listing = io.StringIO()
    call_command("run_scheduler", "--list", stdout=listing)
    assert "refresh_evaluation" in listing.getvalue() and "hourly" in listing.getvalue()
