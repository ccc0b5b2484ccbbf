"""The facilitator's page for the citizens' panel's decision: count a round or record a consensus, publish.

Each POST names its action; the view parses the input, checks who may act, and calls one service
(``count_panel_vote``, ``record_panel_decision`` or ``publish_result``). A refusal re-renders
the page with the input kept and the message in an error summary.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from accounts.models import User
from common.errors import ServiceError
from deliberation.models import DecisionMethod, PanelVote
from deliberation.steps import decision_open
from editions.decorators import Gate, Task, edition_action
from editions.models import Edition
from editions.permissions import can, is_open
from editions.phases import Action

from .. import selectors, services
from ..errors import OutcomeError
from ..models import CountSource
from ..selectors import DecisionPage, decision_page
from . import signed_in

ACTIONS = ("count", "record_vote", "record_consensus", "publish")


@dataclass
class Posted:
    """What the facilitator sent, to show again after a refusal."""

    action: str = ""
    chosen: set[int] = field(default_factory=set)
    reasons: dict[int, str] = field(default_factory=dict)
    summary: str = ""
    vote: int | None = None

    @classmethod
    def of(cls, data: QueryDict) -> Posted:
        reasons = {
            int(name[7:]): data.get(name, "")
            for name in data
            if name.startswith("reason-") and name[7:].isdigit()
        }
        vote = data.get("vote", "")
        return cls(
            action=data.get("action", ""),
            chosen={int(v) for v in data.getlist("chosen") if v.isdigit()},
            reasons=reasons,
            summary=data.get("summary", ""),
            vote=int(vote) if vote.isdigit() else None,
        )


def _may_publish(user: User, edition: Edition) -> bool:
    """The facilitator publishes while the panel decides, or in the result phase (when counts are run)."""
    return can(user, Action.FACILITATE_PANEL, edition) or is_open(edition, Action.RUN_COUNT)


def _round(edition: Edition, vote_id: int | None) -> PanelVote:
    vote = PanelVote.objects.filter(pk=vote_id, edition=edition).first() if vote_id else None
    if vote is None:
        raise OutcomeError("round_not_found")
    return vote


def _act(edition: Edition, user: User, posted: Posted) -> str:
    """Do what the facilitator asked; returns the success message."""
    if posted.action == "count":
        services.count_panel_vote(edition=edition, vote=_round(edition, posted.vote), by=user)
        return _("The ballot round is counted. Check the result, add the panel's reasons and record it.")
    if posted.action in ("record_vote", "record_consensus"):
        consensus = posted.action == "record_consensus"
        services.record_panel_decision(
            edition=edition,
            by=user,
            method=DecisionMethod.CONSENSUS if consensus else DecisionMethod.VOTE,
            reasons=posted.reasons,
            funded=posted.chosen if consensus else None,
            summary=posted.summary,
            vote=None if consensus else _round(edition, posted.vote),
        )
        return _("The panel's decision is recorded. Publish it when the panel agrees with the text.")
    if not _may_publish(user, edition):
        raise PermissionDenied
    count = selectors.result_count(edition)
    if count is None or count.source != CountSource.PANEL:
        raise OutcomeError("not_publishable")
    services.publish_result(count=count, by=user)
    return _("The panel's decision is published: the chosen plans are selected and every initiator is told.")


def _with_input(page: DecisionPage, posted: Posted) -> list[dict[str, object]]:
    """Per section the plans with what was entered, the total of the chosen plans, and per plan the
    counted round's result explained as the public vote's is (``PlanResult``) and the panel's recorded
    reason."""
    counted = {p.id: p for s in selectors.section_results(page.count) for p in s.plans} if page.count else {}
    recorded = (
        {
            pid: (reason, funded)
            for pid, reason, funded in page.decision.reasons.values_list("plan_id", "reason", "funded")
        }
        if page.decision
        else {}
    )
    rows = []
    for section in page.sections:
        chosen = [p for p in section.plans if p.id in posted.chosen]
        rows.append(
            {
                "section": section,
                "plans": [
                    {
                        "plan": p,
                        "chosen": p.id in posted.chosen,
                        "reason": posted.reasons.get(p.id, ""),
                        "counted": counted.get(p.id),
                        "recorded": recorded.get(p.id),
                    }
                    for p in section.plans
                ],
                "chosen_cents": sum(p.cost_cents for p in chosen),
            }
        )
    return rows


def _error_target(error: ServiceError) -> str:
    """Where the error summary links to: the field the refusal is about."""
    if error.code == "reason_missing" and "plan_id" in error.params:
        return f"consensus-reason-{error.params['plan_id']}"
    if error.code in ("over_section_budget", "over_total_budget"):
        return "consensus-plans"
    return ""


@require_http_methods(["GET", "HEAD", "POST"])
@edition_action(
    Action.RECORD_PANEL_DECISION, gate=Gate.ROLES, task=Task(gettext_lazy("The panel's decision"), order=90)
)
def panel_decision(request: HttpRequest, edition: Edition) -> HttpResponse:
    if not edition.panel_decides:
        raise Http404
    user = signed_in(request)
    posted = Posted()
    error: ServiceError | None = None
    if request.method == "POST":
        posted = Posted.of(request.POST)
        if posted.action not in ACTIONS:
            raise PermissionDenied
        try:
            done = _act(edition, user, posted)
        except ServiceError as refused:
            error = refused
        else:
            messages.success(request, done)
            return redirect("outcomes:panel_decision", slug=edition.slug)
    return render(request, "outcomes/panel_decision.html", _page(edition, user, posted, error))


def _page(edition: Edition, user: User, posted: Posted, error: ServiceError | None) -> dict[str, object]:
    """The page, with what was posted and the refusal to show again."""
    page = decision_page(edition)
    result = selectors.result_count(edition)
    return {
        "edition": edition,
        "page": page,
        "rows": _with_input(page, posted),
        "posted": posted,
        "error": error,
        "error_target": _error_target(error) if error is not None else "",
        "may_decide": decision_open(edition) and can(user, Action.FACILITATE_PANEL, edition),
        "result": result if result is not None and result.source == CountSource.PANEL else None,
        "published": selectors.published_count(edition),
        "may_publish": _may_publish(user, edition),
    }
