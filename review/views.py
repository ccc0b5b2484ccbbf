"""The reviewers' queue and plan page, and the committee's shortlist page (staff only).

Each POST calls one service and redirects back with a message; a refusal is shown next to the
field it concerns (or on top of the page) and the form keeps what was typed.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from accounts.models import User
from common.errors import ServiceError
from editions.models import Edition
from editions.permissions import can, holds_action_roles
from editions.phases import Action
from proposals.models import Plan

from . import selectors, services
from .forms import ChangeRequestForm, ChecklistForm, QueueFilterForm, ShortlistForm, VerdictForm
from .models import Verdict

# Which form field a refusal is about, so the message appears next to it.
ERROR_FIELDS: dict[str, str] = {
    "verdict_needs_explanation": "public_explanation",
    "cost_change_needs_reason": "cost_change_reason",
    "adjusted_cost_not_positive": "adjusted_cost_cents",
    "message_required": "message",
    "deadline_in_past": "deadline",
    "deadline_after_review": "deadline",
    "reason_required": "reason",
}


def _edition(slug: str) -> Edition:
    edition = (
        Edition.objects.select_related("district")
        .prefetch_related("phases", "themes")
        .filter(slug=slug)
        .first()
    )
    if edition is None:
        raise Http404
    return edition


def _reviewer_edition(request: HttpRequest, slug: str) -> Edition:
    """The edition, if the user may work on its review (reviewers and officials of its district)."""
    edition = _edition(slug)
    # Publishing verdicts is open in every phase to exactly the people who may see the review work.
    if not can(request.user, Action.PUBLISH_VERDICTS, edition):
        raise PermissionDenied
    return edition


def _user(request: HttpRequest) -> User:
    """The logged-in user (every view here requires a login)."""
    user = request.user
    if not isinstance(user, User):
        raise PermissionDenied
    return user


def _add_error(form: forms.Form, error: ServiceError) -> None:
    field = ERROR_FIELDS.get(error.code)
    form.add_error(field if field in form.fields else None, error.message)


def _queue_url(edition: Edition) -> str:
    return reverse("review:queue", kwargs={"slug": edition.slug})


def _plan_url(edition: Edition, plan: Plan) -> str:
    return reverse("review:plan", kwargs={"slug": edition.slug, "pk": plan.pk})


@login_required
def queue(request: HttpRequest, slug: str) -> HttpResponse:
    edition = _reviewer_edition(request, slug)
    form = QueueFilterForm(request.GET, edition=edition)
    return render(
        request,
        "review/queue.html",
        {
            "edition": edition,
            "form": form,
            "plans": selectors.review_queue(edition=edition, queue_filter=form.to_filter()),
            "counts": selectors.queue_counts(edition=edition),
            "publication": selectors.verdict_publication_state(edition=edition),
            "can_review": can(request.user, Action.REVIEW_PLAN, edition),
            "filtered": bool(request.GET),
        },
    )


@login_required
@require_POST
def start_reviews(request: HttpRequest, slug: str) -> HttpResponse:
    edition = _reviewer_edition(request, slug)
    try:
        reviews = services.start_reviews_for_edition(edition=edition, by=_user(request))
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            ngettext("%(count)s plan is now in review.", "%(count)s plans are now in review.", len(reviews))
            % {"count": len(reviews)},
        )
    return redirect(_queue_url(edition))


@login_required
@require_POST
def publish_verdicts(request: HttpRequest, slug: str) -> HttpResponse:
    edition = _reviewer_edition(request, slug)
    try:
        result = services.publish_verdicts(edition=edition, by=_user(request))
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        if result.created:
            messages.success(
                request,
                ngettext(
                    "%(count)s verdict has been published.",
                    "%(count)s verdicts have been published.",
                    result.publication.verdict_count,
                )
                % {"count": result.publication.verdict_count},
            )
        else:
            messages.info(request, _("The verdicts of this edition had already been published."))
    return redirect(_queue_url(edition))


def _plan(edition: Edition, pk: int) -> Plan:
    plan = selectors.plan_for_review(edition=edition, pk=pk)
    if plan is None:
        raise Http404
    return plan


@login_required
@require_http_methods(["GET", "POST"])
def plan_review(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """A plan's review: start it, fill in the checklist, record the verdict, or ask for changes."""
    edition = _reviewer_edition(request, slug)
    plan = _plan(edition, pk)
    page = selectors.review_page(plan=plan)
    criteria = [row.criterion for row in page.checklist]
    review = page.review
    action = request.POST.get("action", "")
    posted = request.POST if request.method == "POST" else None
    checklist_form = ChecklistForm(
        posted if action == "checks" else None,
        criteria=criteria,
        initial={
            "internal_remarks": review.internal_remarks if review else "",
            **{f"outcome_{r.criterion.key}": r.check.outcome for r in page.checklist if r.check},
            **{f"note_{r.criterion.key}": r.check.note for r in page.checklist if r.check},
        },
    )
    verdict_form = VerdictForm(
        posted if action == "verdict" else None,
        initial={
            "verdict": review.verdict if review else "",
            "public_explanation": review.public_explanation if review else "",
            "adjusted_cost_cents": review.adjusted_cost_cents if review else None,
            "cost_change_reason": review.cost_change_reason if review else "",
        },
    )
    changes_form = ChangeRequestForm(posted if action == "changes" else None)
    if request.method == "POST":
        done = _handle_review_post(request, plan, action, checklist_form, verdict_form, changes_form)
        if done:
            return redirect(_plan_url(edition, plan))
    return render(
        request,
        "review/plan_review.html",
        {
            "edition": edition,
            "plan": plan,
            "page": page,
            "review": review,
            "cost_lines": plan.cost_lines.all(),
            "checklist_form": checklist_form,
            "verdict_form": verdict_form,
            "changes_form": changes_form,
            "can_review": can(request.user, Action.REVIEW_PLAN, edition),
        },
    )


def _handle_review_post(
    request: HttpRequest,
    plan: Plan,
    action: str,
    checklist_form: ChecklistForm,
    verdict_form: VerdictForm,
    changes_form: ChangeRequestForm,
) -> bool:
    """Call the service the posted form asks for; True when it succeeded."""
    user = _user(request)
    form: forms.Form | None = None
    try:
        if action == "start":
            services.start_review(plan=plan, by=user)
            messages.success(request, _("The review of this plan has started."))
            return True
        if action == "checks":
            form = checklist_form
            if form.is_valid():
                services.record_checks(
                    plan=plan,
                    by=user,
                    checks=checklist_form.answers(),
                    internal_remarks=form.cleaned_data["internal_remarks"],
                )
                messages.success(request, _("The checklist has been saved."))
                return True
        elif action == "verdict":
            form = verdict_form
            if form.is_valid():
                services.record_verdict(
                    plan=plan,
                    by=user,
                    verdict=Verdict(form.cleaned_data["verdict"]),
                    public_explanation=form.cleaned_data["public_explanation"],
                    adjusted_cost_cents=form.cleaned_data["adjusted_cost_cents"],
                    cost_change_reason=form.cleaned_data["cost_change_reason"],
                )
                messages.success(
                    request,
                    _("The verdict has been recorded. It becomes public when the verdicts are published."),
                )
                return True
        elif action == "changes":
            form = changes_form
            if form.is_valid():
                services.request_changes(
                    plan=plan,
                    by=user,
                    message=form.cleaned_data["message"],
                    deadline=form.cleaned_data["deadline"],
                )
                messages.success(request, _("The plan has been returned to its initiators for changes."))
                return True
    except ServiceError as error:
        if form is None:
            messages.error(request, error.message)
        else:
            _add_error(form, error)
    return False


def _committee_edition(request: HttpRequest, slug: str) -> Edition:
    edition = _edition(slug)
    user = _user(request)
    if not holds_action_roles(user, Action.SHORTLIST_PLAN, edition):
        raise PermissionDenied  # the committee's, or the facilitator's when the panel shortlists
    return edition


@login_required
@require_http_methods(["GET", "POST"])
def shortlist(request: HttpRequest, slug: str) -> HttpResponse:
    """The committee's shortlist: choose feasible plans with a reason, take them off, publish."""
    edition = _committee_edition(request, slug)
    action = request.POST.get("action", "")
    failed: dict[int, ShortlistForm] = {}
    if request.method == "POST" and _handle_shortlist_post(request, edition, action, failed):
        return redirect(reverse("review:shortlist", kwargs={"slug": edition.slug}))
    board = selectors.shortlist_for_committee(edition=edition)
    rows = [
        (row, failed.get(row.plan.pk) or ShortlistForm(prefix=f"plan-{row.plan.pk}")) for row in board.rows
    ]
    return render(
        request,
        "review/shortlist.html",
        {
            "edition": edition,
            "board": board,
            "rows": rows,
            "can_shortlist": can(request.user, Action.SHORTLIST_PLAN, edition),
            "can_publish": can(request.user, Action.PUBLISH_SHORTLIST, edition),
        },
    )


def _handle_shortlist_post(
    request: HttpRequest, edition: Edition, action: str, failed: dict[int, ShortlistForm]
) -> bool:
    user = _user(request)
    try:
        if action == "publish":
            services.publish_shortlist(edition=edition, by=user)
            messages.success(request, _("The shortlist has been published."))
            return True
        plan_id = request.POST.get("plan", "")
        if not plan_id.isdigit():
            raise Http404
        plan = Plan.objects.select_related("edition").filter(edition=edition, pk=plan_id).first()
        if plan is None:
            raise Http404
        if action == "add":
            form = ShortlistForm(request.POST, prefix=f"plan-{plan.pk}")
            form.is_valid()
            try:
                services.shortlist_plan(plan=plan, by=user, reason=form.cleaned_data.get("reason", ""))
            except ServiceError as error:
                _add_error(form, error)
                failed[plan.pk] = form
                return False
            messages.success(request, _("“%(plan)s” is on the shortlist.") % {"plan": plan.title})
            return True
        if action == "remove":
            services.unshortlist_plan(plan=plan, by=user)
            messages.success(request, _("“%(plan)s” is no longer on the shortlist.") % {"plan": plan.title})
            return True
    except ServiceError as error:
        messages.error(request, error.message)
    return False
