"""Changes to editions: setting the phase chain, checked against the declared chain."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from itertools import pairwise

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .models import Edition, Phase
from .phases import CHAIN_ORDER, PHASES, REQUIRED_PHASES, STEP_NEEDS, PhaseKind, Step, step_key


@dataclass(frozen=True)
class PhaseDates:
    kind: str
    starts_at: datetime
    ends_at: datetime


STEPS = frozenset(Step)


def decision_model_phase_errors(edition: Edition | None, kinds: Sequence[str]) -> list[str]:
    """What the edition's decision model asks of the chain: a hybrid's panel step needs its phase
    (``STEP_NEEDS``), and a phase that opens nothing under the edition's step cannot be in it."""
    if edition is None:
        return []
    step = step_key(edition.decision_model, edition.hybrid_order)
    if step not in STEPS:  # a hybrid edition without its order: the edition's form says so
        step = Step.ONLINE_VOTE
    errors: list[str] = []
    needed, why = STEP_NEEDS.get(Step(step), (None, ""))
    if needed is not None and needed not in kinds:
        errors.append(str(why % {"phase": needed.label}))
    for kind in dict.fromkeys(kinds):
        if kind in PHASES and not PHASES[kind].opens_for(step):
            errors.append(
                _("The phase “%(phase)s” is only for hybrid editions where everyone votes first.")
                % {"phase": PhaseKind(kind).label}
            )
    return errors


def phase_chain_errors(phases: Sequence[PhaseDates], *, edition: Edition | None = None) -> list[str]:
    """Every reason the chain is invalid: unknown, duplicate or missing phases, bad order, overlaps,
    and (given the edition) phases its decision model needs or cannot have."""
    errors: list[str] = []
    kinds = [p.kind for p in phases]
    errors += decision_model_phase_errors(edition, kinds)
    for kind in sorted(set(kinds)):
        if kind not in PHASES:
            errors.append(_("Unknown phase “%(kind)s”.") % {"kind": kind})
        elif kinds.count(kind) > 1:
            errors.append(_("The phase “%(phase)s” occurs twice.") % {"phase": PhaseKind(kind).label})
    for kind in sorted(REQUIRED_PHASES - set(kinds), key=CHAIN_ORDER.__getitem__):
        errors.append(_("Every edition needs the phase “%(phase)s”.") % {"phase": PhaseKind(kind).label})
    known = sorted((p for p in phases if p.kind in PHASES), key=lambda p: CHAIN_ORDER[p.kind])
    for phase in known:
        if phase.ends_at <= phase.starts_at:
            errors.append(
                _("The phase “%(phase)s” must end after it starts.") % {"phase": PhaseKind(phase.kind).label}
            )
    for before, after in pairwise(known):
        if after.starts_at < before.ends_at:
            errors.append(
                _("The phase “%(after)s” starts before “%(before)s” has ended; phases follow each other.")
                % {"after": PhaseKind(after.kind).label, "before": PhaseKind(before.kind).label}
            )
    return errors


@transaction.atomic
def set_phases(*, edition: Edition, phases: Sequence[PhaseDates]) -> list[Phase]:
    """Replace the edition's phase chain; refuses an invalid chain and then changes nothing."""
    errors = phase_chain_errors(phases, edition=edition)
    if errors:
        raise ValidationError(errors)
    Edition.objects.select_for_update().filter(pk=edition.pk).first()
    edition.phases.all().delete()
    return Phase.objects.bulk_create(
        Phase(edition=edition, kind=p.kind, starts_at=p.starts_at, ends_at=p.ends_at) for p in phases
    )
