"""Changes to editions: setting the phase chain, checked against the declared chain, and setting up an
edition with its themes, sub-budgets and phases (for commands and the demo; staff use the admin)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from itertools import pairwise
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import prefetch_related_objects
from django.utils.translation import gettext as _

from common.translated import clean_translations
from places.models import District, Neighbourhood

from .models import Edition, Phase, SubBudget, Theme
from .phases import CHAIN_ORDER, PHASES, REQUIRED_PHASES, STEP_NEEDS, PhaseKind, Step, step_key


@dataclass(frozen=True)
class PhaseDates:
    kind: str
    starts_at: datetime
    ends_at: datetime
    description: str = ""  # the district's own words for the phase, optional
    translations: Mapping[str, Mapping[str, str]] | None = None  # the description in other languages


@dataclass(frozen=True)
class ThemeDetails:
    slug: str
    name: str
    description: str = ""
    translations: Mapping[str, Mapping[str, str]] | None = None  # the name and description in other languages


@dataclass(frozen=True)
class SubBudgetDetails:
    """A part of the budget for exactly one of a neighbourhood of the district or a theme (by slug)."""

    amount_cents: int
    neighbourhood_slug: str | None = None
    theme_slug: str | None = None


STEPS = frozenset(Step)
# What ``set_up_edition`` sets besides the district: the edition's own fields, as the admin's form has them.
EDITION_SETTINGS = frozenset(
    field.name
    for field in Edition._meta.concrete_fields
    if field.name not in {"id", "slug", "district"} and field.editable
)


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
    if "phases" in getattr(edition, "_prefetched_objects_cache", {}):
        edition.refresh_from_db(fields=["phases"])  # drops the prefetched chain: it is replaced
    return Phase.objects.bulk_create(
        Phase(
            edition=edition,
            kind=p.kind,
            starts_at=p.starts_at,
            ends_at=p.ends_at,
            description=p.description.strip(),
            translations=clean_translations(Phase, p.translations),
        )
        for p in phases
    )


@transaction.atomic
def set_up_edition(
    *,
    slug: str,
    district: District,
    settings: Mapping[str, Any],
    themes: Sequence[ThemeDetails],
    sub_budgets: Sequence[SubBudgetDetails] = (),
    phases: Sequence[PhaseDates],
) -> Edition:
    """Create the edition ``slug``, or bring it to these settings, themes, sub-budgets and phases.

    Themes are kept by slug (plans point at them); sub-budgets and phases become exactly those given.
    Settings the edition's model refuses, a sub-budget naming an unknown neighbourhood or theme, or
    an invalid phase chain raise ``ValidationError`` and change nothing. Running it twice with the
    same arguments changes nothing the second time but the phases' rows.
    """
    unknown = set(settings) - EDITION_SETTINGS
    if unknown:
        raise TypeError(f"Editions have no settings {sorted(unknown)}")
    edition = Edition.objects.select_for_update().filter(slug=slug).first() or Edition(slug=slug)
    edition.district = district
    for name, value in settings.items():
        setattr(edition, name, value)
    edition.full_clean()
    edition.save()
    by_slug = {theme.slug: theme for theme in edition.themes.all()}
    for details in themes:
        theme = by_slug.get(details.slug) or Theme(edition=edition, slug=details.slug)
        theme.name, theme.description = details.name, details.description
        theme.translations = clean_translations(Theme, details.translations)
        theme.full_clean(exclude=["edition"])
        theme.save()
        by_slug[theme.slug] = theme
    neighbourhoods = {n.slug: n for n in district.neighbourhoods.all()}
    _set_sub_budgets(edition, [_sub_budget(edition, d, neighbourhoods, by_slug) for d in sub_budgets])
    set_phases(edition=edition, phases=phases)
    # Its callers ask the edition's phases for every permission (editions.permissions.can): once will do.
    prefetch_related_objects([edition], "phases")
    return edition


def _set_sub_budgets(edition: Edition, sub_budgets: Sequence[SubBudget]) -> None:
    """Keep the sub-budgets that stay (with their new amount), add the new ones, delete the rest."""
    wanted: dict[tuple[int | None, int | None], SubBudget] = {}
    for sub in sub_budgets:
        key = (sub.neighbourhood_id, sub.theme_id)
        if key in wanted:
            raise ValidationError(_("“%(name)s” has more than one sub-budget.") % {"name": sub})
        wanted[key] = sub
    current = {(s.neighbourhood_id, s.theme_id): s for s in edition.sub_budgets.all()}
    edition.sub_budgets.exclude(pk__in=[s.pk for key, s in current.items() if key in wanted]).delete()
    for key, sub in wanted.items():
        held = current.get(key)
        if held is None:
            sub.save()
        elif held.amount_cents != sub.amount_cents:
            SubBudget.objects.filter(pk=held.pk).update(amount_cents=sub.amount_cents)


def _sub_budget(
    edition: Edition,
    details: SubBudgetDetails,
    neighbourhoods: Mapping[str, Neighbourhood],
    themes: Mapping[str, Theme],
) -> SubBudget:
    if (details.neighbourhood_slug is None) == (details.theme_slug is None):
        raise ValidationError(_("A sub-budget is for exactly one neighbourhood or one theme."))
    if details.neighbourhood_slug is not None and details.neighbourhood_slug not in neighbourhoods:
        raise ValidationError(
            _("The district has no neighbourhood “%(slug)s”.") % {"slug": details.neighbourhood_slug}
        )
    if details.theme_slug is not None and details.theme_slug not in themes:
        raise ValidationError(_("The edition has no theme “%(slug)s”.") % {"slug": details.theme_slug})
    return SubBudget(
        edition=edition,
        neighbourhood=neighbourhoods.get(details.neighbourhood_slug or ""),
        theme=themes.get(details.theme_slug or ""),
        amount_cents=details.amount_cents,
    )
