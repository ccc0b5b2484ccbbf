"""Starting a count of a closed vote and doing it: ballots → .pb file per section → pbrules → result.

The public vote's ballots are sealed (voting.services.ballot_box): ``start_count`` takes the
officials' key shares, opens the ballots in memory, and writes each section's shuffled .pb text onto
the count; the key and the opened ballots go no further than that request. The worker then counts
those texts, which are published as they are (``publication.publish_result``, which destroys the
sealed ballots). The citizens' panel's rounds are counted by the same pipeline (``panel``).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.models import User
from audit.services import record
from ballots.sections import Section, ballot_sections
from editions.models import Edition
from editions.permissions import is_open
from editions.phases import Action
from editions.timeline import timeline_of
from voting.services.ballot_box import open_ballots
from voting.services.paper import unresolved_paper_entries

from .. import engine
from ..errors import OutcomeError
from ..models import ACTIVE_STATUSES, Count, CountSection, CountSource, CountStatus

logger = logging.getLogger(__name__)

# A count still "running" after this long died with its worker; a new count may replace it.
STALE_AFTER = timedelta(hours=2)
# What the results page compares the edition's rule with, for information: (label, rule, satisfaction).
COMPARED_RULES = (("greedy", "greedy", "cost"), ("mes", "mes", "cost"))


def _refuse_unless_closed(edition: Edition, at: datetime | None = None) -> None:
    vote = timeline_of(edition, at=at).entry_opening(Action.VOTE)
    if is_open(edition, Action.VOTE, at=at) or vote is None or vote.state != "past":
        raise OutcomeError("vote_open")


def _expire_stale_counts(edition: Edition, at: datetime | None = None) -> None:
    moment = at or timezone.now()
    Count.objects.filter(
        edition=edition, status__in=ACTIVE_STATUSES, started_at__lt=moment - STALE_AFTER
    ).update(
        status=CountStatus.FAILED,
        finished_at=moment,
        error=_("The count stopped without finishing (its worker ended); start it again."),
    )


def start_count(
    *,
    edition: Edition,
    by: User,
    shares: Sequence[str] = (),
    background: bool = True,
    at: datetime | None = None,
) -> Count:
    """Open the edition's sealed ballots with ``shares`` and queue their count (the caller checked
    ``Action.RUN_COUNT``).

    The ballots are opened here, in memory, and leave as one shuffled .pb text per section stored on
    the count (``ballot_files``); a wrong, missing or repeated share is refused (BallotBoxError) and
    nothing is stored. With ``background`` the count runs as a task once this transaction commits;
    without it the caller runs ``compute_outcome`` itself (the ``count_vote`` command does).
    ``at`` is the moment of the count (default: now).
    """
    if not edition.public_votes:
        raise OutcomeError("no_public_vote")
    _refuse_unless_closed(edition, at)
    if Count.objects.filter(edition=edition, published_at__isnull=False).exists():
        raise OutcomeError("result_published")
    unresolved = unresolved_paper_entries(edition)
    if unresolved:
        raise OutcomeError("unresolved_paper_entries", number=unresolved)
    _expire_stale_counts(edition, at)
    if Count.objects.filter(edition=edition, status__in=ACTIVE_STATUSES).exists():
        raise OutcomeError("count_running")
    files, durations = _open_into_files(edition, shares)
    with transaction.atomic():
        if Count.objects.select_for_update().filter(edition=edition, status__in=ACTIVE_STATUSES).exists():
            raise OutcomeError("count_running")
        count = Count.objects.create(
            edition=edition,
            started_by=by,
            **({} if at is None else {"started_at": at}),
            progress_text=progress_text("queued"),
            ballot_files=files,
            durations=durations,
            **engine.counting_rule(edition),
        )
        record(
            actor=by,
            action="outcomes.count_started",
            target=count,
            edition=edition,
            after={
                "count": count.pk,
                "rule": count.rule,
                "satisfaction": count.satisfaction,
                "sections": {key: file["voters"] for key, file in files.items()},
            },
            at=at,
        )
        if background:
            from ..tasks import count_vote

            transaction.on_commit(lambda: count_vote.enqueue(count.pk))
    return count


def _open_into_files(edition: Edition, shares: Sequence[str]) -> tuple[dict[str, Any], dict[str, float]]:
    """Open the sealed ballots and write each section's shuffled .pb text: {key: {text, voters}}."""
    started = time.perf_counter()
    contents = open_ballots(edition=edition, shares=shares)
    opened = time.perf_counter()
    sections = [s for s in ballot_sections(edition) if s.plans]
    choices = engine.read_choices(edition, sections, contents=contents)
    del contents
    files = {}
    for section in sections:
        pb = engine.section_file(edition, section, choices.pop(section.key))
        files[section.key] = {"text": pb.text, "voters": pb.voters}
    return files, {"open": opened - started, "write": time.perf_counter() - opened}


@dataclass(frozen=True)
class _SectionResult:
    section: Section
    file: engine.SectionFile
    tie_order: list[str]
    outcome: dict[str, Any]
    plans: list[dict[str, Any]]
    comparison: dict[str, Any]
    facts: dict[str, Any]


def progress_text(stage: str, **params: Any) -> str:
    """Progress in the site's default language (the task runs outside any request)."""
    with translation.override(settings.LANGUAGE_CODE):
        texts = {
            "queued": _("Waiting for a worker to start the count."),
            "reading": _("Reading the ballots."),
            "section": _("Counting %(section)s (%(number)s of %(total)s)."),
            "saving": _("Saving the result."),
            "done": _("The count is done."),
        }
        return texts[stage] % params if params else texts[stage]


def _set_progress(count: Count, percent: int, text: str) -> None:
    Count.objects.filter(pk=count.pk).update(progress=percent, progress_text=text)


def _count_section(
    count: Count, section: Section, pb: engine.SectionFile, durations: dict[str, float]
) -> _SectionResult:
    edition = count.edition
    written = time.perf_counter()
    # Count from the text just written: the published file is exactly what was counted.
    instance = engine.parse_text(pb.text)
    parsed = time.perf_counter()
    outcome = engine.count_instance(
        instance, rule=count.rule, satisfaction=count.satisfaction, completion=count.completion
    )
    data = engine.outcome_data(instance, outcome)
    facts = engine.section_facts(
        instance,
        rule=count.rule,
        satisfaction=count.satisfaction,
        trace=outcome.trace,
        params=dict(outcome.params),
    )
    counted = time.perf_counter()
    comparison: dict[str, Any] = {}
    for label, rule, satisfaction in COMPARED_RULES:
        same = rule == count.rule and satisfaction == count.satisfaction
        other = (
            outcome
            if same
            else engine.count_instance(
                instance, rule=rule, satisfaction=satisfaction, completion="exhaustion"
            )
        )
        comparison[label] = {
            "rule": rule,
            "satisfaction": satisfaction,
            "completion": "exhaustion" if rule == "mes" else "",
            "selected": list(other.selected),
            "total_cost": engine.amount(other.total_cost),
        }
    compared = time.perf_counter()
    for key, seconds in (
        ("parse", parsed - written),
        ("count", counted - parsed),
        ("compare", compared - counted),
    ):
        durations[key] = durations.get(key, 0.0) + seconds
    return _SectionResult(
        section=section,
        file=pb,
        tie_order=engine.tie_order(instance),
        outcome=data,
        plans=engine.plan_rows(edition, section, instance),
        comparison=comparison,
        facts=facts,
    )


def count_sections_of(
    count: Count, *, contents: Iterable[Mapping[str, Any]] | None = None
) -> tuple[list[_SectionResult], dict[str, float]]:
    """Count every section: of ``contents`` (the panel's ballots), or else of the count's ballot files
    (the public vote's, opened when the count started)."""
    edition = count.edition
    durations: dict[str, float] = dict(count.durations or {})
    sections = [s for s in ballot_sections(edition) if s.plans]
    if not sections:
        raise OutcomeError("no_plans")
    _set_progress(count, 2, progress_text("reading"))
    started = time.perf_counter()
    files: dict[str, engine.SectionFile] = {}
    if contents is not None:
        choices = engine.read_choices(edition, sections, contents=contents)
        panel = count.source == CountSource.PANEL
        for section in sections:
            files[section.key] = engine.section_file(edition, section, choices.pop(section.key), panel=panel)
        durations["write"] = time.perf_counter() - started
    else:
        for section in sections:
            stored = count.ballot_files.get(section.key)
            if stored is None:  # the ballot changed between opening and counting
                raise OutcomeError("plans_changed")
            text = stored["text"]
            files[section.key] = engine.SectionFile(section, text, engine.sha256_of(text), stored["voters"])
    results = []
    for number, section in enumerate(sections, start=1):
        _set_progress(
            count,
            10 + 85 * (number - 1) // len(sections),
            progress_text("section", section=section.label, number=number, total=len(sections)),
        )
        results.append(_count_section(count, section, files.pop(section.key), durations))
    return results, durations


def _failure_message(exc: Exception) -> str:
    if isinstance(exc, OutcomeError):
        return exc.message
    if isinstance(exc, engine.ENGINE_ERRORS):
        return OutcomeError("engine_failed", detail=str(exc)).message
    return OutcomeError("engine_failed", detail=f"{type(exc).__name__}: {exc}").message


def _fail(count: Count, exc: Exception) -> None:
    """Mark a count that is still active failed; one already ended (e.g. expired as stale) keeps its end."""
    with transaction.atomic():
        failed = Count.objects.filter(pk=count.pk, status__in=ACTIVE_STATUSES).update(
            status=CountStatus.FAILED, finished_at=timezone.now(), error=_failure_message(exc)[:2000]
        )
        if not failed:
            return
        record(
            actor=count.started_by,
            action="outcomes.count_failed",
            target=count,
            edition=count.edition,
            after={"count": count.pk, "error": _failure_message(exc)[:500]},
        )


def compute_outcome(*, count: Count, at: datetime | None = None) -> Count:
    """Do a queued count: per section build the file, count it, explain and compare; store it all.

    Progress is written as it goes (outside a transaction, so the staff page sees it). The result
    is stored in one transaction that also makes this count the edition's current result. Any
    error marks the count failed with a message; it never stays running. ``at`` is the moment it
    runs (default: now); it finishes as long after as it took.
    """
    began = time.monotonic()
    claimed = Count.objects.filter(pk=count.pk, status=CountStatus.QUEUED).update(
        status=CountStatus.RUNNING, started_at=at or timezone.now(), progress=1
    )
    if not claimed:
        raise OutcomeError("not_queued")
    count.refresh_from_db()
    try:
        results, durations = count_sections_of(count)
        _set_progress(count, 96, progress_text("saving"))
        finished = None if at is None else at + timedelta(seconds=time.monotonic() - began)
        store_result(count, results, durations, at=finished)
        # The files now live on as the counted sections' .pb files; the working copy goes.
        Count.objects.filter(pk=count.pk).update(ballot_files={})
    except Exception as exc:
        logger.exception("Count %s of edition %s failed", count.pk, count.edition_id)
        _fail(count, exc)
    count.refresh_from_db()
    return count


def store_result(
    count: Count, results: list[_SectionResult], durations: dict[str, float], *, at: datetime | None = None
) -> None:
    """Finish a running count with its result and make it the current one, in one transaction.

    Only a count that is still running is finished: one that an expiry marked failed meanwhile (it
    ran past ``STALE_AFTER``, and a newer count may have started) is refused with nothing stored.
    The conditional update comes first, so it takes the count's row lock: an expiry racing it either
    ended the count before (and nothing here matches) or waits and then finds it done.
    """
    with transaction.atomic():
        finished = Count.objects.filter(pk=count.pk, status=CountStatus.RUNNING).update(
            status=CountStatus.DONE,
            progress=100,
            progress_text=progress_text("done"),
            finished_at=at or timezone.now(),
            durations={k: round(v, 3) for k, v in durations.items()},
        )
        if not finished:
            raise OutcomeError("no_longer_running")
        Count.objects.filter(edition=count.edition, source=count.source, is_current=True).update(
            is_current=False
        )
        Count.objects.filter(pk=count.pk).update(is_current=True)
        CountSection.objects.bulk_create(
            CountSection(
                count=count,
                position=position,
                key=r.section.key,
                label=r.section.label,
                budget_cents=r.section.budget_cents,
                pb_file=r.file.text,
                sha256=r.file.sha256,
                tie_order=r.tie_order,
                selected=[int(pid) for pid in r.outcome["selected"]],
                outcome=r.outcome,
                plans=r.plans,
                comparison=r.comparison,
                facts=r.facts,
                voters=r.file.voters,
            )
            for position, r in enumerate(results)
        )
        record(
            actor=count.started_by,
            action="outcomes.count_finished",
            target=count,
            edition=count.edition,
            after={
                "count": count.pk,
                "sections": {r.section.key: r.file.sha256 for r in results},
                "selected": {r.section.key: r.outcome["selected"] for r in results},
            },
            at=at,
        )
