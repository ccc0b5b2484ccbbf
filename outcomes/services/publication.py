"""Publishing a result: the chosen plans become "selected", every initiator is told, the sealed ballots go."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy

from accounts.models import User
from audit.services import record
from ballots.sections import CHOSEN_STATUSES, ballot_statuses
from deliberation.models import PanelDecision, PanelReason, PanelStep
from execution.models import ChosenBy
from execution.projects.services import open_projects
from notifications.models import NotificationKind
from notifications.services import notify
from notifications.texts import source_text
from proposals.models import Plan, PlanStatus
from proposals.status import change_status, initiators_of
from voting.services.ballot_box import destroy_sealed_ballots

from ..errors import OutcomeError
from ..models import Count, CountSource
from ..selectors import published_count
from ..selectors.counts import CONSENSUS
from ..whatif.tasks import precompute_what_ifs

FUNDED = gettext_lazy("Your plan was chosen: it will be carried out.")
NOT_FUNDED = gettext_lazy("Your plan was not chosen this time.")


def publish_result(
    *, count: Count, by: User, at: datetime | None = None, notify_initiators: bool = True
) -> Count:
    """Make the published result take effect: winners become "selected", every initiator is told.

    The results page shows a result from its publication date on; this is the step that follows
    (a button for officials and the panel's facilitator, or ``manage.py publish_due_results`` from
    cron). It runs once. For the citizens' panel's count it publishes the panel's recorded decision
    too, which makes its sessions' minutes and questions public. ``at`` is the moment of publishing
    (default: now); without ``notify_initiators`` nobody is told (the demo makes its notices itself).
    """
    edition = count.edition
    moment = at or timezone.now()
    if published_count(edition, at=moment) != count:
        raise OutcomeError("not_publishable")
    with transaction.atomic():
        if Count.objects.filter(pk=count.pk, published_at__isnull=True).update(published_at=moment) != 1:
            raise OutcomeError("already_published")
        if count.source == CountSource.PANEL:
            PanelDecision.objects.filter(
                edition=edition, step=PanelStep.DECISION, published_at__isnull=True
            ).update(published_at=moment)
        winners = {int(pid) for section in count.sections.all() for pid in section.selected}
        # The result stands: the sealed ballots have served their purpose and go (docs/voting.md).
        destroyed = destroy_sealed_ballots(edition=edition, at=moment)
        chosen = _select_winners(count, winners, by=by, at=at, notify_initiators=notify_initiators)
        # The next step: every chosen plan becomes a project, carried out by its initiators.
        open_projects(
            plans=chosen,
            chosen_by=ChosenBy.PANEL if count.source == CountSource.PANEL else ChosenBy.VOTE,
            because=_why_chosen(count),
            by=by,
            at=at,
            notify_owners=notify_initiators,
        )
        record(
            actor=by,
            action="outcomes.result_published",
            target=count,
            edition=edition,
            after={"selected": sorted(winners), "sealed_ballots_destroyed": destroyed},
            at=moment,
        )
        if count.rule != CONSENSUS:
            # Big editions answer their what-ifs from the cache: count them once, in the background.
            transaction.on_commit(lambda: precompute_what_ifs.enqueue(count.pk))
    count.refresh_from_db()
    return count


def _select_winners(
    count: Count, winners: set[int], *, by: User, at: datetime | None, notify_initiators: bool
) -> list[Plan]:
    """The winners become "selected" (executed plans stay as they are); every initiator is told."""
    edition = count.edition
    url = reverse("outcomes:result", args=[edition.slug])
    chosen: list[Plan] = []
    for plan in Plan.objects.filter(edition=edition, status__in=ballot_statuses(edition)).select_related(
        "edition", "initiator"
    ):
        funded = plan.pk in winners
        if funded and plan.status not in CHOSEN_STATUSES:  # executed plans stay as they are
            change_status(plan=plan, to=PlanStatus.SELECTED, by=by, notify_initiators=False, at=at)
        if funded:
            chosen.append(plan)
        if notify_initiators:
            notify(
                recipients=initiators_of(plan),
                kind=NotificationKind.RESULT,
                params={"plan": plan.title, "outcome": source_text(FUNDED if funded else NOT_FUNDED)},
                url=url,
                at=at,
            )
    return chosen


def _why_chosen(count: Count) -> dict[int, dict[str, object]]:
    """Per chosen plan, what the result said about it: its section, its support, the rule, and the
    panel's own reason where the panel decided (the parameters of the project page's sentence)."""
    reasons: dict[int, str] = {}
    if count.source == CountSource.PANEL:
        reasons = dict(
            PanelReason.objects.filter(
                decision__edition=count.edition, decision__step=PanelStep.DECISION
            ).values_list("plan_id", "reason")
        )
    because: dict[int, dict[str, object]] = {}
    for section in count.sections.all():
        chosen = {int(pid) for pid in section.selected}
        for row in section.plans:
            plan_id = int(row["id"])
            if plan_id in chosen:
                because[plan_id] = {
                    "count": count.pk,
                    "rule": count.rule,
                    "section": section.label,
                    "supporters": int(row["supporters"]),
                    "points": row.get("points"),
                    "reason": reasons.get(plan_id, ""),
                }
    return because
