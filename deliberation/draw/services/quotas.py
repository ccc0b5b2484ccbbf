"""The panel's size, algorithm and quotas: who may set them, and saving them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from django.db import transaction

from audit.services import record
from common.translated import clean_translations
from editions.models import Edition
from editions.permissions import can
from editions.phases import Action

from ...errors import PanelError
from ...models import FeatureValue, PanelSetup, SelectionAlgorithm
from ..quotas import ValueQuota, features_of, quota_errors

if TYPE_CHECKING:
    from accounts.models import User


def may_set_quotas(user: User, edition: Edition) -> bool:
    """Quotas are set while recruiting and until the draw."""
    return can(user, Action.RECRUIT_PANEL, edition) or can(user, Action.DRAW_PANEL, edition)


@transaction.atomic
def update_panel_setup(
    *,
    edition: Edition,
    by: User,
    panel_size: int,
    algorithm: str,
    values: Sequence[ValueQuota],
) -> PanelSetup:
    """Save the panel size, the algorithm and each value's population figure and quota."""
    if not may_set_quotas(by, edition):
        raise PanelError("not_allowed")
    if panel_size < 2:
        raise PanelError("panel_size_too_small")
    algorithm = SelectionAlgorithm(algorithm).value
    features = features_of(edition)
    known = {v.pk: v for feature in features for v in feature.values.all()}
    entered = {row.value_id: row for row in values if row.value_id in known}
    errors = quota_errors(features=features, entered=entered, panel_size=panel_size)
    if errors:
        raise errors[0]
    setup, _ = PanelSetup.objects.select_for_update().get_or_create(edition=edition)
    before = {
        "panel_size": setup.panel_size,
        "algorithm": setup.algorithm,
        "quotas": {
            str(pk): [v.population, v.min_quota, v.max_quota] for pk, v in known.items() if pk in entered
        },
    }
    setup.panel_size = panel_size
    setup.algorithm = algorithm
    setup.save(update_fields=["panel_size", "algorithm"])
    changed = []
    for pk, row in entered.items():
        value = known[pk]
        value.population = row.population
        value.min_quota = row.min_quota
        value.max_quota = row.max_quota
        if row.translations is not None:
            value.translations = clean_translations(FeatureValue, row.translations)
        changed.append(value)
    FeatureValue.objects.bulk_update(changed, ["population", "min_quota", "max_quota", "translations"])
    record(
        actor=by,
        action="panel.setup",
        target=setup,
        edition=edition,
        before=before,
        after={
            "panel_size": panel_size,
            "algorithm": algorithm,
            "quotas": {str(pk): [r.population, r.min_quota, r.max_quota] for pk, r in entered.items()},
        },
    )
    return setup
