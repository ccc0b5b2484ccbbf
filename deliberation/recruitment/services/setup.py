"""The panel's set-up as recruitment starts: how many members it gets and the sessions' dates."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction

from accounts.models import User
from audit.services import record
from editions.models import Edition
from editions.permissions import can
from editions.phases import Action

from ...errors import PanelError
from ...models import PanelSetup


@transaction.atomic
def set_up_panel(
    *,
    edition: Edition,
    by: User,
    panel_size: int,
    availability_text: str,
    open_sign_up: bool = True,
    at: datetime | None = None,
) -> PanelSetup:
    """Create or change the edition's panel set-up while recruitment is open at ``at`` (default now).

    Audited when something changed; the same set-up again changes nothing. The quotas and the
    algorithm are the draw's (``deliberation.draw.services.quotas.update_panel_setup``).
    """
    if not can(by, Action.RECRUIT_PANEL, edition, at=at):
        raise PanelError("not_allowed")
    if panel_size < 2:
        raise PanelError("panel_size_too_small")
    Edition.objects.select_for_update().filter(pk=edition.pk).first()
    setup, created = PanelSetup.objects.get_or_create(edition=edition)
    wanted = {"panel_size": panel_size, "availability_text": availability_text, "open_sign_up": open_sign_up}
    before = {field: getattr(setup, field) for field in wanted}
    if not created and before == wanted:
        return setup
    for field, value in wanted.items():
        setattr(setup, field, value)
    setup.save(update_fields=list(wanted))
    record(
        actor=by,
        action="panel.set_up",
        target=setup,
        edition=edition,
        before={} if created else before,
        after=wanted,
        at=at,
    )
    return setup
