"""A plan's review: start it, fill in the checklist, record the verdict, or ask for changes."""

from __future__ import annotations

from collections.abc import Callable

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts.models import User
from editions.decorators import Gate, edition_action
from editions.models import Edition
from editions.permissions import can
from editions.phases import Action
from proposals.costs.selectors import compare_lines
from proposals.models import Plan
from review import selectors, services
from review.forms import ReviewForms
from review.models import Verdict
from review.prechecks.selectors import answered_prechecks

from .common import attempt, plan_url, user_of


@edition_action(Action.PUBLISH_VERDICTS, gate=Gate.ROLES)
@require_http_methods(["GET", "POST"])
def plan_review(request: HttpRequest, edition: Edition, pk: int) -> HttpResponse:
    """A plan's review: start it, fill in the checklist, record the verdict, or ask for changes."""
    plan = selectors.plan_for_review(edition=edition, pk=pk)
    if plan is None:
        raise Http404
    page = selectors.review_page(plan=plan)
    action = request.POST.get("action", "")
    forms = ReviewForms.of(page, posted=request.POST if request.method == "POST" else None, action=action)
    if request.method == "POST" and _handle_post(request, plan, action, forms):
        return redirect(plan_url(edition, plan))
    cost_lines = list(plan.cost_lines.all())
    context = {
        "edition": edition,
        "plan": plan,
        "page": page,
        "review": page.review,
        "cost_lines": cost_lines,
        "cost_comparison": compare_lines(edition=edition, lines=cost_lines),
        "checklist_form": forms.checklist,
        "verdict_form": forms.verdict,
        "changes_form": forms.changes,
        "can_review": can(request.user, Action.REVIEW_PLAN, edition),
        "answered_prechecks": answered_prechecks(plan=plan),
    }
    return render(request, "review/plan_review.html", context)


def _handle_post(request: HttpRequest, plan: Plan, action: str, forms: ReviewForms) -> bool:
    """Call the service the posted form asks for; True when it succeeded."""
    handle = POSTED_ACTIONS.get(action)
    return handle is not None and handle(request, plan, user_of(request), forms)


def _start(request: HttpRequest, plan: Plan, user: User, forms: ReviewForms) -> bool:
    started = _("The review of this plan has started.")
    return attempt(request, None, lambda: services.start_review(plan=plan, by=user), started)


def _checks(request: HttpRequest, plan: Plan, user: User, forms: ReviewForms) -> bool:
    if not forms.checklist.is_valid():
        return False
    checks = forms.checklist.answers()
    remarks = forms.checklist.cleaned_data["internal_remarks"]
    return attempt(
        request,
        forms.checklist,
        lambda: services.record_checks(plan=plan, by=user, checks=checks, internal_remarks=remarks),
        _("The checklist has been saved."),
    )


def _verdict(request: HttpRequest, plan: Plan, user: User, forms: ReviewForms) -> bool:
    if not forms.verdict.is_valid():
        return False
    data = forms.verdict.cleaned_data
    return attempt(
        request,
        forms.verdict,
        lambda: services.record_verdict(
            plan=plan,
            by=user,
            verdict=Verdict(data["verdict"]),
            public_explanation=data["public_explanation"],
            adjusted_cost_cents=data["adjusted_cost_cents"],
            cost_change_reason=data["cost_change_reason"],
        ),
        _("The verdict has been recorded. It becomes public when the verdicts are published."),
    )


def _changes(request: HttpRequest, plan: Plan, user: User, forms: ReviewForms) -> bool:
    if not forms.changes.is_valid():
        return False
    data = forms.changes.cleaned_data
    return attempt(
        request,
        forms.changes,
        lambda: services.request_changes(
            plan=plan, by=user, message=data["message"], deadline=data["deadline"]
        ),
        _("The plan has been returned to its initiators for changes."),
    )


# The posted ``action`` → what it does (each calls one service).
POSTED_ACTIONS: dict[str, Callable[[HttpRequest, Plan, User, ReviewForms], bool]] = {
    "start": _start,
    "checks": _checks,
    "verdict": _verdict,
    "changes": _changes,
}
