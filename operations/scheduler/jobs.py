"""The registry of scheduled jobs: each a management command with its options and its schedule.

The commands are the ones an operator can also run by hand (and cron used to); the scheduler only
decides when, and makes sure one node runs each slot. Options are computed when the job runs, from
settings, so a missing setting fails that run visibly instead of the whole scheduler at start-up.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from .schedules import DailyAt, Every, Schedule


def _no_options() -> Mapping[str, Any]:
    return {}


@dataclass(frozen=True)
class Job:
    """A job: its ``name`` (the key of its runs), when it runs, and the command it calls."""

    name: str
    schedule: Schedule
    command: str
    purpose: str
    options: Callable[[], Mapping[str, Any]] = field(default=_no_options)


def _as_scheduler_account() -> Mapping[str, Any]:
    """Publishing is audited in an account's name: the one the operator set for the scheduler."""
    email = settings.SCHEDULER_ACCOUNT_EMAIL
    if not email:
        raise ImproperlyConfigured(
            "Set BUURTBUDGET_SCHEDULER_ACCOUNT to the e-mail address of the account (an administrator) "
            "that scheduled publications are recorded for in the audit log."
        )
    return {"by": email}


JOBS: tuple[Job, ...] = (
    Job(
        "publish_due_verdicts",
        Every(5),
        "publish_due_verdicts",
        "publish the feasibility verdicts of editions whose publication date has passed",
        _as_scheduler_account,
    ),
    Job(
        "publish_due_results",
        Every(5),
        "publish_due_results",
        "results whose publication date has come take effect (winners selected, initiators told)",
        _as_scheduler_account,
    ),
    Job(
        "recover_counts",
        Every(5),
        "recover_counts",
        "queue again the counts whose worker died (running, no progress, no live worker)",
    ),
    Job(
        "refresh_evaluation",
        Every(60),
        "refresh_evaluation",
        "recompute the learning reports' figures",
    ),
    Job(
        "remind_workshops",
        DailyAt(18, 0),
        "remind_workshops",
        "remind everyone signed up for a plan workshop the evening before (each workshop once)",
    ),
    Job(
        "remind_projects",
        DailyAt(9, 0),
        "remind_projects",
        "remind initiators of overdue milestones and of updates due (each reminder once)",
    ),
    Job(
        "invite_surveys",
        DailyAt(10, 0),
        "invite_surveys",
        "invite people newly eligible for an open survey (each person once)",
    ),
    Job(
        "purge_personal_data",
        DailyAt(3, 30),
        "purge_personal_data",
        "delete personal data whose retention period has ended (privacy)",
    ),
)


def job_named(name: str, jobs: tuple[Job, ...] = JOBS) -> Job:
    """The job called ``name``; KeyError if there is none."""
    for job in jobs:
        if job.name == name:
            return job
    raise KeyError(name)


__all__ = ["JOBS", "DailyAt", "Every", "Job", "job_named"]
