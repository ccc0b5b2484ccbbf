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
from deliberation.models import PanelDecision, PanelStep
from notifications.models import NotificationKind
from notifications.services import notify
from notifications.texts import source_text
from proposals.models import Plan, PlanStatus
from proposals.status import change_status, initiators_of
from voting.services.ballot_box import destroy_sealed_ballots

from ..errors import OutcomeError
from ..models import Count, CountSource
from ..selectors import published_count

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
        url = reverse("outcomes:result", args=[edition.slug])
        for plan in Plan.objects.filter(edition=edition, status__in=ballot_statuses(edition)).select_related(
            "edition", "initiator"
        ):
            funded = plan.pk in winners
            if funded and plan.status not in CHOSEN_STATUSES:  # executed plans stay as they are
                change_status(plan=plan, to=PlanStatus.SELECTED, by=by, notify_initiators=False, at=at)
            if notify_initiators:
                notify(
                    recipients=initiators_of(plan),
                    kind=NotificationKind.RESULT,
                    params={"plan": plan.title, "outcome": source_text(FUNDED if funded else NOT_FUNDED)},
                    url=url,
                    at=at,
                )
        record(
            actor=by,
            action="outcomes.result_published",
            target=count,
            edition=edition,
            after={"selected": sorted(winners), "sealed_ballots_destroyed": destroyed},
            at=moment,
        )
    count.refresh_from_db()
    return count
