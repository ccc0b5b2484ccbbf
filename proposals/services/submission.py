"""Writing, submitting, editing, revising, withdrawing and deleting a plan, by its initiators.

Every function validates against the edition's rules before it writes, inside one transaction, so
bad input changes nothing. After submission every edit is kept as a ``PlanRevision`` (number 1 is
the plan as submitted) so the public page can show what changed and when.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from common.translated import clean_translations
from editions.models import Edition, Theme
from editions.permissions import can
from editions.phases import DECIDING_ACTIONS, Action
from editions.timeline import timeline_of
from places.models import Neighbourhood
from proposals.errors import PlanError
from proposals.models import CoInitiatorStatus, CostLine, Plan, PlanRevision, PlanStatus
from proposals.selectors.revisions import changed_fields, snapshot_of
from proposals.status import change_status, check_transition
from ui.templatetags.money import format_money

if TYPE_CHECKING:
    from django.db.models.fields.files import FieldFile

    from accounts.models import User

S = PlanStatus

# The plan's own fields an initiator writes; cost lines and images have their own arguments/services.
EDITABLE_FIELDS = frozenset(
    {"title", "summary", "description", "theme", "neighbourhood", "address", "latitude", "longitude"}
    | {"for_whom", "public_name", "translations"}  # translations: title and summary in other languages
)
_TEXT_FIELDS = ("title", "summary", "description", "address", "for_whom", "public_name")
# What a plan must have before it goes public (the theme is never empty: a draft starts with one).
REQUIRED_FOR_SUBMISSION = ("title", "summary", "description", "public_name")
# A generous box around the Netherlands: a point outside it is a typo (swapped or missing digits).
_LATITUDES = (Decimal("50.7"), Decimal("53.7"))
_LONGITUDES = (Decimal("3.2"), Decimal("7.3"))
_COORDINATE_PLACES = Decimal("0.000001")
WITHDRAWABLE_STATUSES = frozenset({S.SUBMITTED, S.IN_REVIEW, S.CHANGES_REQUESTED, S.FEASIBLE, S.SHORTLISTED})


@dataclass(frozen=True)
class CostLineInput:
    """One cost line as typed: ``amount_cents`` is None when the amount was left empty."""

    description: str
    amount_cents: int | None


# ---------------------------------------------------------------------------------------------
# Who may do what


def is_initiator(*, plan: Plan, user: User) -> bool:
    """The plan's initiator, or a co-initiator who accepted."""
    if not user.is_authenticated:
        return False
    if plan.initiator_id == user.pk:
        return True
    return plan.co_initiators.filter(user=user, status=CoInitiatorStatus.ACCEPTED).exists()


def check_may_revise(*, plan: Plan, user: User, at: datetime | None = None) -> None:
    """Refuse unless the plan was returned for changes and the deadline has not passed."""
    if plan.status != S.CHANGES_REQUESTED:
        raise PlanError("no_changes_requested")
    if not can(user, Action.REVISE_PLAN, plan.edition, at=at):
        raise PlanError("not_allowed")
    if plan.changes_due_at is not None and (at or timezone.now()) >= plan.changes_due_at:
        raise PlanError("deadline_passed")


def check_may_edit(*, plan: Plan, user: User, at: datetime | None = None) -> None:
    """Refuse unless ``user`` is one of the plan's initiators and its status and phase allow a change."""
    if not is_initiator(plan=plan, user=user):
        raise PlanError("not_yours")
    if plan.status == S.DRAFT:
        if not can(user, Action.SUBMIT_PLAN, plan.edition, at=at):
            raise PlanError("not_allowed")
    elif plan.status == S.SUBMITTED:
        if not can(user, Action.EDIT_OWN_PLAN, plan.edition, at=at):
            raise PlanError("not_editable")
    elif plan.status == S.CHANGES_REQUESTED:
        check_may_revise(plan=plan, user=user, at=at)
    else:
        raise PlanError("not_editable")


def decision_has_started(edition: Edition, *, at: datetime | None = None) -> bool:
    """Whether the phase in which the decision is taken (the vote, or the panel's decision), or any
    phase after it, has begun."""
    entries = timeline_of(edition, at=at).entries
    first = next((i for i, e in enumerate(entries) if e.opens & DECIDING_ACTIONS), len(entries))
    return any(entry.state != "upcoming" for entry in entries[first:])


def check_may_withdraw(*, plan: Plan, user: User, at: datetime | None = None) -> None:
    if plan.initiator_id != user.pk:
        raise PlanError("not_yours")
    if not can(user, Action.WITHDRAW_PLAN, plan.edition, at=at):
        raise PlanError("not_allowed")
    check_transition(plan.status, S.WITHDRAWN)
    if decision_has_started(plan.edition, at=at):
        raise PlanError("withdraw_too_late")


# ---------------------------------------------------------------------------------------------
# Validation against the edition's rules


def clean_fields(*, edition: Edition, fields: Mapping[str, Any]) -> dict[str, Any]:
    """The given plan fields, checked against the edition's themes and area; PlanError on bad input."""
    unknown = set(fields) - EDITABLE_FIELDS
    if unknown:
        raise ValueError(f"not plan fields an initiator can write: {sorted(unknown)}")
    cleaned: dict[str, Any] = {
        name: str(fields[name] or "").strip() for name in _TEXT_FIELDS if name in fields
    }
    if "title" in cleaned and not cleaned["title"]:
        raise PlanError("title_required")
    if "theme" in fields:
        theme = fields["theme"]
        if not isinstance(theme, Theme) or theme.edition_id != edition.pk:
            raise PlanError("theme_not_in_edition")
        cleaned["theme"] = theme
    if "neighbourhood" in fields:
        neighbourhood = fields["neighbourhood"]
        if neighbourhood is not None and (
            not isinstance(neighbourhood, Neighbourhood) or neighbourhood.district_id != edition.district_id
        ):
            raise PlanError(
                "neighbourhood_outside_area", neighbourhood=str(neighbourhood), district=edition.district.name
            )
        cleaned["neighbourhood"] = neighbourhood
    if "translations" in fields:
        cleaned["translations"] = clean_translations(Plan, fields["translations"])
    if "latitude" in fields or "longitude" in fields:
        cleaned["latitude"], cleaned["longitude"] = _clean_point(
            fields.get("latitude"), fields.get("longitude")
        )
    return cleaned


def _clean_point(latitude: Any, longitude: Any) -> tuple[Decimal | None, Decimal | None]:
    if latitude is None and longitude is None:
        return None, None
    if latitude is None or longitude is None:
        raise PlanError("point_incomplete")
    lat = Decimal(str(latitude)).quantize(_COORDINATE_PLACES)
    lon = Decimal(str(longitude)).quantize(_COORDINATE_PLACES)
    if not (_LATITUDES[0] <= lat <= _LATITUDES[1] and _LONGITUDES[0] <= lon <= _LONGITUDES[1]):
        raise PlanError("point_outside_area")
    return lat, lon


def clean_cost_lines(*, edition: Edition, lines: Sequence[CostLineInput]) -> list[CostLineInput]:
    """Each line has a description and a positive amount, and together they fit the edition's maximum."""
    cleaned = []
    for line in lines:
        description = line.description.strip()
        if not description or line.amount_cents is None:
            raise PlanError("empty_cost_line")
        if line.amount_cents <= 0:
            raise PlanError("non_positive_amount")
        cleaned.append(CostLineInput(description=description, amount_cents=line.amount_cents))
    check_within_max_cost(edition=edition, total_cents=sum(line.amount_cents or 0 for line in cleaned))
    return cleaned


def check_within_max_cost(*, edition: Edition, total_cents: int) -> None:
    if total_cents > edition.max_plan_cost_cents:
        raise PlanError(
            "over_max_cost", cost=format_money(total_cents), limit=format_money(edition.max_plan_cost_cents)
        )


def check_complete(*, plan: Plan) -> None:
    """Refuse a plan that lacks what the public and the reviewers need."""
    missing = [
        str(Plan._meta.get_field(name).verbose_name)  # type: ignore[union-attr]
        for name in REQUIRED_FOR_SUBMISSION
        if not str(getattr(plan, name) or "").strip()
    ]
    if missing:
        raise PlanError("incomplete", fields=", ".join(missing))
    amounts = list(plan.cost_lines.values_list("amount_cents", flat=True))
    if not amounts:
        raise PlanError("no_cost_lines")
    check_within_max_cost(edition=plan.edition, total_cents=sum(amounts))


# ---------------------------------------------------------------------------------------------
# Writing


def _locked(plan: Plan) -> Plan:
    """The plan as it is in the database now, locked for the rest of the transaction."""
    return (
        Plan.objects.select_for_update()
        .select_related("edition", "edition__district", "theme")
        .get(pk=plan.pk)
    )


def _write(
    *, plan: Plan, fields: Mapping[str, Any] | None, cost_lines: Sequence[CostLineInput] | None
) -> None:
    """Validate everything first, then write: a refusal leaves the plan as it was."""
    cleaned = clean_fields(edition=plan.edition, fields=fields or {})
    lines = clean_cost_lines(edition=plan.edition, lines=cost_lines) if cost_lines is not None else None
    if cleaned:
        for name, value in cleaned.items():
            setattr(plan, name, value)
        plan.save(update_fields=[*cleaned, "updated_at"])
    if lines is not None:
        plan.cost_lines.all().delete()
        CostLine.objects.bulk_create(
            CostLine(plan=plan, description=line.description, amount_cents=line.amount_cents or 0, position=i)
            for i, line in enumerate(lines)
        )


def record_edit(
    *, plan: Plan, by: User, before: dict[str, Any], note: str = "", at: datetime | None = None
) -> PlanRevision | None:
    """Keep the edit of a submitted plan as its next revision; None when nothing public changed.

    Call inside the transaction of the edit, with ``before`` = ``snapshot_of(plan)`` taken first.
    """
    after = snapshot_of(plan)
    changed = changed_fields(before=before, after=after)
    if not changed:
        return None
    last = PlanRevision.objects.filter(plan=plan).aggregate(n=Max("number"))["n"] or 0
    return PlanRevision.objects.create(
        plan=plan,
        number=last + 1,
        author=by,
        snapshot=after,
        changed_fields=changed,
        note=note.strip()[:300],
        created_at=at or timezone.now(),
    )


def start_draft(
    *,
    edition: Edition,
    initiator: User,
    title: str,
    theme: Theme,
    summary: str = "",
    description: str = "",
    translations: Mapping[str, Mapping[str, str]] | None = None,
    at: datetime | None = None,
) -> Plan:
    """A new draft with the first step's answers, begun ``at``; public name: the initiator's."""
    with transaction.atomic():
        if not can(initiator, Action.SUBMIT_PLAN, edition, at=at):
            raise PlanError("not_allowed")
        cleaned = clean_fields(
            edition=edition,
            fields={"title": title, "theme": theme, "summary": summary, "description": description}
            | {"translations": translations or {}},
        )
        return Plan.objects.create(
            edition=edition,
            initiator=initiator,
            public_name=initiator.display_name,
            status=S.DRAFT,
            created_at=at or timezone.now(),
            **cleaned,
        )


def save_draft(
    *,
    plan: Plan,
    by: User,
    fields: Mapping[str, Any] | None = None,
    cost_lines: Sequence[CostLineInput] | None = None,
    at: datetime | None = None,
) -> Plan:
    """Save one wizard step of a draft: the given fields, and the cost lines when given (they replace all)."""
    with transaction.atomic():
        current = _locked(plan)
        if current.status != S.DRAFT:
            raise PlanError("already_submitted")
        check_may_edit(plan=current, user=by, at=at)
        _write(plan=current, fields=fields, cost_lines=cost_lines)
        return current


def edit_submitted_plan(
    *,
    plan: Plan,
    by: User,
    fields: Mapping[str, Any] | None = None,
    cost_lines: Sequence[CostLineInput] | None = None,
    note: str = "",
    at: datetime | None = None,
) -> PlanRevision | None:
    """Change a submitted plan (or one returned for changes) and keep the change as a revision.

    Returns the new revision, or None when the change left the public content as it was.
    """
    with transaction.atomic():
        current = _locked(plan)
        if current.status == S.DRAFT:
            raise PlanError("not_allowed")
        check_may_edit(plan=current, user=by, at=at)
        before = snapshot_of(current)
        _write(plan=current, fields=fields, cost_lines=cost_lines)
        check_complete(plan=current)
        return record_edit(plan=current, by=by, before=before, note=note, at=at)


def submit_plan(*, plan: Plan, by: User, age_confirmed: bool, at: datetime | None = None) -> Plan:
    """Make a complete draft public (at ``at``): status submitted, revision 1 kept, co-initiators told."""
    with transaction.atomic():
        current = _locked(plan)
        if current.status != S.DRAFT:
            raise PlanError("already_submitted")
        if not is_initiator(plan=current, user=by):
            raise PlanError("not_yours")
        if not can(by, Action.SUBMIT_PLAN, current.edition, at=at):
            raise PlanError("not_allowed")
        if not age_confirmed:
            raise PlanError("too_young", min_age=current.edition.min_age)
        # The rules may have been checked when each step was saved, but check them again as a whole.
        clean_fields(
            edition=current.edition,
            fields={"theme": current.theme, "neighbourhood": current.neighbourhood},
        )
        check_complete(plan=current)
        change_status(plan=current, to=S.SUBMITTED, by=by, at=at)
        first = PlanRevision(
            plan=current, number=1, author=by, snapshot=snapshot_of(current), changed_fields=[]
        )
        first.created_at = at or timezone.now()
        first.save()
        return current


def resubmit_plan(*, plan: Plan, by: User, at: datetime | None = None) -> Plan:
    """Send a plan that was returned for changes back to review, before the deadline."""
    with transaction.atomic():
        current = _locked(plan)
        if not is_initiator(plan=current, user=by):
            raise PlanError("not_yours")
        check_may_revise(plan=current, user=by, at=at)
        check_complete(plan=current)
        return change_status(plan=current, to=S.IN_REVIEW, by=by, at=at)


def withdraw_plan(*, plan: Plan, by: User) -> Plan:
    """The initiator takes a submitted plan back, until the decision phase starts."""
    with transaction.atomic():
        current = _locked(plan)
        check_may_withdraw(plan=current, user=by)
        return change_status(plan=current, to=S.WITHDRAWN, by=by)


def delete_draft(*, plan: Plan, by: User) -> None:
    """The initiator throws away a draft, with its cost lines and images."""
    with transaction.atomic():
        current = _locked(plan)
        if current.initiator_id != by.pk:
            raise PlanError("not_yours")
        if current.status != S.DRAFT:
            raise PlanError("not_a_draft")
        files = [image.image for image in current.images.all()]
        current.delete()
        transaction.on_commit(lambda: delete_files(files))


def delete_files(files: Sequence[FieldFile]) -> None:
    """Remove stored uploads whose rows are gone (after the commit, so a rollback keeps them)."""
    for file in files:
        if file.name:
            file.storage.delete(file.name)
