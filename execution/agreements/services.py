"""Proposing, confirming and withdrawing versions of a project's agreement, and bringing one into force.

Either side proposes a version (its own side confirms by proposing); when the other side confirms
too, the version comes into force: its milestones and payments become the project's live rows, the
version before it is superseded, and each line's committed money becomes what the schedule pays on
it. One version waits at a time (the database holds that); every step is one transaction on the
locked project, and the confirmations are conditional updates, so two people confirming at once
bring a version into force once.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from django.db import IntegrityError, transaction
from django.db.models import Max, QuerySet
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from audit.services import record
from notifications.models import NotificationKind
from notifications.services import notify

from ..access import check_district, check_open, check_owner, district_people, is_owner
from ..models import Agreement, AuthorSide, Project
from .errors import AgreementError
from .live import make_live
from .terms import MilestoneTerm, PaymentTerm, build_terms

CONFIRMED_AT = {
    AuthorSide.INITIATORS: "initiators_confirmed_at",
    AuthorSide.DISTRICT: "district_confirmed_at",
}
CONFIRMED_BY = {
    AuthorSide.INITIATORS: "initiators_confirmed_by",
    AuthorSide.DISTRICT: "district_confirmed_by",
}


def side_of(user: User, project: Project) -> AuthorSide:
    """The side ``user`` acts for on ``project``, or a refusal (a resident, another district's official)."""
    if is_owner(user, project):
        check_owner(user, project)
        return AuthorSide.INITIATORS
    check_district(user, project)
    return AuthorSide.DISTRICT


def propose_agreement(
    *,
    project: Project,
    by: User,
    milestones: Sequence[MilestoneTerm],
    payments: Sequence[PaymentTerm],
    conditions: str = "",
    change_reason: str = "",
    at: datetime | None = None,
) -> Agreement:
    """Propose the next version; the proposer's side has confirmed it, the other side is told."""
    side = side_of(by, project)
    check_open(project)
    moment = at or timezone.now()
    with transaction.atomic():
        locked = Project.objects.select_for_update().select_related("plan", "edition").get(pk=project.pk)
        check_open(locked)
        if _pending(locked).exists():
            raise AgreementError("pending_exists")
        number = (locked.agreements.aggregate(top=Max("number"))["top"] or 0) + 1
        if number > 1 and not change_reason.strip():
            raise AgreementError("reason_required")
        terms = build_terms(project=locked, milestones=milestones, payments=payments, conditions=conditions)
        try:
            with transaction.atomic():
                agreement = Agreement.objects.create(
                    project=locked,
                    number=number,
                    terms=terms,
                    conditions=terms["conditions"],
                    change_reason=change_reason.strip(),
                    proposed_by=by,
                    proposed_at=moment,
                    **{CONFIRMED_BY[side]: by, CONFIRMED_AT[side]: moment},
                )
        except IntegrityError:
            raise AgreementError("pending_exists") from None
        notify(
            recipients=_the_other_side(locked, side),
            kind=NotificationKind.AGREEMENT_PROPOSED,
            params={"plan": locked.plan.title, "version": number},
            url=agreement_url(locked),
            exclude=by,
            at=at,
        )
        _audit(
            by,
            side,
            "execution.agreement_proposed",
            agreement,
            {"change_reason": agreement.change_reason},
            at,
        )
    return agreement


def confirm_agreement(
    *, agreement: Agreement, by: User, acceptance_reason: str = "", at: datetime | None = None
) -> Agreement:
    """Confirm a waiting version for ``by``'s side; with both sides confirmed it comes into force.

    A change to a version in force is accepted with a public reason.
    """
    project = agreement.project
    side = side_of(by, project)
    check_open(project)
    moment = at or timezone.now()
    with transaction.atomic():
        locked = Project.objects.select_for_update().select_related("plan", "edition").get(pk=project.pk)
        check_open(locked)
        current = _refetch_pending(agreement)
        if getattr(current, CONFIRMED_AT[side]) is not None:
            raise AgreementError("already_confirmed")
        is_change = _in_force(locked).exists()
        if is_change and not acceptance_reason.strip():
            raise AgreementError("acceptance_reason_required")
        confirmed = (
            _pending(locked)
            .filter(pk=current.pk, **{f"{CONFIRMED_AT[side]}__isnull": True})
            .update(
                **{
                    CONFIRMED_BY[side]: by,
                    CONFIRMED_AT[side]: moment,
                    "acceptance_reason": acceptance_reason.strip(),
                }
            )
        )
        if confirmed != 1:
            raise AgreementError("already_confirmed")
        current.refresh_from_db()
        _audit(
            by,
            side,
            "execution.agreement_confirmed",
            current,
            {"acceptance_reason": current.acceptance_reason},
            at,
        )
        if current.initiators_confirmed_at and current.district_confirmed_at:
            _bring_into_force(locked, current, moment, by=by, at=at)
    return current


def withdraw_agreement(*, agreement: Agreement, by: User, at: datetime | None = None) -> Agreement:
    """The proposer's side takes back a version the other side has not confirmed."""
    project = agreement.project
    side = side_of(by, project)
    moment = at or timezone.now()
    with transaction.atomic():
        Project.objects.select_for_update().get(pk=project.pk)
        current = _refetch_pending(agreement)
        if _proposer_side(current) != side:
            raise AgreementError("not_proposer")
        if _pending(project).filter(pk=current.pk).update(withdrawn_at=moment) != 1:
            raise AgreementError("not_pending")
        current.refresh_from_db()
        _audit(by, side, "execution.agreement_withdrawn", current, {"withdrawn_at": moment.isoformat()}, at)
    return current


def decline_agreement(
    *, agreement: Agreement, by: User, reason: str, at: datetime | None = None
) -> Agreement:
    """The side that has not confirmed a waiting version turns it down with a reason; the proposer's
    side is told and may propose again."""
    project = agreement.project
    side = side_of(by, project)
    reason = reason.strip()
    if not reason:
        raise AgreementError("decline_reason_required")
    moment = at or timezone.now()
    with transaction.atomic():
        Project.objects.select_for_update().get(pk=project.pk)
        current = _refetch_pending(agreement)
        if getattr(current, CONFIRMED_AT[side]) is not None:
            raise AgreementError("own_proposal")
        declined = (
            _pending(project)
            .filter(pk=current.pk, **{f"{CONFIRMED_AT[side]}__isnull": True})
            .update(withdrawn_at=moment, declined_by=by, decline_reason=reason)
        )
        if declined != 1:
            raise AgreementError("not_pending")
        current.refresh_from_db()
        _audit(by, side, "execution.agreement_declined", current, {"decline_reason": reason}, at)
        notify(
            recipients=_people(project, _proposer_side(current)),
            kind=NotificationKind.AGREEMENT_DECLINED,
            params={"plan": project.plan.title, "version": current.number, "excerpt": reason[:140]},
            url=agreement_url(project),
            at=at,
        )
    return current


def _bring_into_force(
    project: Project, agreement: Agreement, moment: datetime, *, by: User, at: datetime | None
) -> None:
    """Supersede the version in force, make this one's rows live, set the lines' committed money."""
    _in_force(project).exclude(pk=agreement.pk).update(superseded_at=moment)
    updated = Agreement.objects.filter(
        pk=agreement.pk,
        in_force_at__isnull=True,
        withdrawn_at__isnull=True,
        initiators_confirmed_at__isnull=False,
        district_confirmed_at__isnull=False,
    ).update(in_force_at=moment)
    if updated != 1:
        raise AgreementError("not_pending")
    agreement.refresh_from_db()
    make_live(project=project, agreement=agreement, moment=moment)
    notify(
        recipients=[*_people(project, AuthorSide.INITIATORS), *_people(project, AuthorSide.DISTRICT)],
        kind=NotificationKind.AGREEMENT_IN_FORCE,
        params={"plan": project.plan.title, "version": agreement.number},
        url=agreement_url(project),
        at=at,
    )


def _pending(project: Project) -> QuerySet[Agreement]:
    return Agreement.objects.filter(project=project, in_force_at__isnull=True, withdrawn_at__isnull=True)


def _in_force(project: Project) -> QuerySet[Agreement]:
    return Agreement.objects.filter(project=project, in_force_at__isnull=False, superseded_at__isnull=True)


def _refetch_pending(agreement: Agreement) -> Agreement:
    current = Agreement.objects.get(pk=agreement.pk)
    if current.in_force_at is not None or current.withdrawn_at is not None:
        raise AgreementError("not_pending")
    return current


def _proposer_side(agreement: Agreement) -> AuthorSide:
    if agreement.initiators_confirmed_by_id == agreement.proposed_by_id and agreement.initiators_confirmed_at:
        return AuthorSide.INITIATORS
    return AuthorSide.DISTRICT


def _the_other_side(project: Project, side: AuthorSide) -> Iterable[User]:
    return _people(project, AuthorSide.DISTRICT if side == AuthorSide.INITIATORS else AuthorSide.INITIATORS)


def _people(project: Project, side: AuthorSide) -> list[User]:
    """The owners; or for the district its contact person, else the district's officials."""
    if side == AuthorSide.INITIATORS:
        return list(User.objects.filter(owned_projects__project=project))
    return district_people(project)


def _audit(
    by: User,
    side: AuthorSide,
    action: str,
    agreement: Agreement,
    after: dict[str, object],
    at: datetime | None,
) -> None:
    """Staff actions are audited; the initiators' own steps are their record in the versions."""
    if side != AuthorSide.DISTRICT:
        return
    record(
        actor=by,
        action=action,
        target=agreement,
        edition=agreement.project.edition,
        after={"version": agreement.number, **after},
        at=at,
    )


def agreement_url(project: Project) -> str:
    return reverse("execution:agreement", kwargs={"pk": project.pk})
