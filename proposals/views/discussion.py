"""Support and discussion on a plan's page: like, take back, comment, report, hide; the moderation queue.

Every action is a POST that redirects back to the plan page (or the moderation queue) with a
message, so it all works without JavaScript. A refusal from a service becomes an error message.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from proposals.errors import PlanError
from proposals.forms import CommentForm, ReasonForm
from proposals.models import PRIVATE_STATUSES, Comment, Plan
from proposals.selectors.discussion import may_moderate_somewhere, moderation_queue, support_state
from proposals.services import comments as comment_services
from proposals.services import support as support_services


def _public_plan(pk: int) -> Plan:
    return get_object_or_404(
        Plan.objects.select_related("edition", "initiator").exclude(status__in=PRIVATE_STATUSES), pk=pk
    )


def _public_comment(comment_id: int) -> Comment:
    return get_object_or_404(
        Comment.objects.select_related("plan", "plan__edition", "author").exclude(
            plan__status__in=PRIVATE_STATUSES
        ),
        pk=comment_id,
    )


def _to_login(plan: Plan) -> HttpResponseRedirect:
    """Logged-out visitors log in and come back to the plan (a POST can't be replayed after login)."""
    return redirect(f"{reverse('accounts:login')}?{urlencode({'next': plan.get_absolute_url()})}")


def _back(request: HttpRequest, default: str) -> HttpResponseRedirect:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return redirect(target)
    return redirect(default)


def _support_response(request: HttpRequest, plan: Plan) -> HttpResponse:
    """The updated support box for htmx requests; otherwise back to the plan's support box."""
    if request.htmx:  # type: ignore[attr-defined]
        context = {"plan": plan, "support": support_state(plan=plan, user=request.user), "swapped": True}
        return render(request, "proposals/_plan_support.html", context)
    return redirect(plan.get_absolute_url() + "#steun")


@require_POST
def like(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _public_plan(pk)
    if not request.user.is_authenticated:
        return _to_login(plan)
    try:
        support_services.like_plan(plan=plan, user=request.user)
    except PlanError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Thank you: you now support this plan."))
    return _support_response(request, plan)


@require_POST
def unlike(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _public_plan(pk)
    if not request.user.is_authenticated:
        return _to_login(plan)
    try:
        support_services.unlike_plan(plan=plan, user=request.user)
    except PlanError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("You no longer support this plan."))
    return _support_response(request, plan)


@require_POST
def comment(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _public_plan(pk)
    if not request.user.is_authenticated:
        return _to_login(plan)
    form = CommentForm(request.POST)
    form.is_valid()  # every field is optional; the service gives the specific refusal
    parent_id = form.cleaned_data.get("parent")
    parent = Comment.objects.filter(pk=parent_id).first() if parent_id else None
    if parent_id and parent is None:
        messages.error(request, PlanError("reply_not_found").message)
        return redirect(plan.get_absolute_url() + "#reacties")
    try:
        posted = comment_services.post_comment(
            plan=plan, author=request.user, body=form.cleaned_data.get("body", ""), parent=parent
        )
    except PlanError as error:
        messages.error(request, error.message)
        return redirect(plan.get_absolute_url() + "#reacties")
    messages.success(
        request, _("Your reply has been posted.") if parent else _("Your comment has been posted.")
    )
    return redirect(f"{plan.get_absolute_url()}#comment-{posted.pk}")


@require_POST
def report(request: HttpRequest, comment_id: int) -> HttpResponse:
    reported = _public_comment(comment_id)
    if not request.user.is_authenticated:
        return _to_login(reported.plan)
    form = ReasonForm(request.POST)
    form.is_valid()
    try:
        comment_services.report_comment(
            comment=reported, reporter=request.user, reason=form.cleaned_data.get("reason", "")
        )
    except PlanError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Thank you. A moderator will look at this comment."))
    return redirect(f"{reported.plan.get_absolute_url()}#comment-{reported.pk}")


@require_POST
@login_required
def hide(request: HttpRequest, comment_id: int) -> HttpResponse:
    target = _public_comment(comment_id)
    form = ReasonForm(request.POST)
    form.is_valid()
    try:
        comment_services.hide_comment(
            comment=target,
            moderator=request.user,  # type: ignore[arg-type]
            reason=form.cleaned_data.get("reason", ""),
        )
    except PlanError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The comment is hidden; the reason is shown in its place."))
    return _back(request, f"{target.plan.get_absolute_url()}#comment-{target.pk}")


@require_POST
@login_required
def dismiss(request: HttpRequest, comment_id: int) -> HttpResponse:
    target = _public_comment(comment_id)
    try:
        comment_services.dismiss_reports(comment=target, moderator=request.user)  # type: ignore[arg-type]
    except PlanError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The reports are dismissed; the comment stays visible."))
    return _back(request, reverse("proposals:moderation"))


@require_GET
@login_required
def moderation(request: HttpRequest) -> HttpResponse:
    if not may_moderate_somewhere(request.user):
        raise PermissionDenied
    return render(request, "proposals/moderation.html", {"comments": moderation_queue(user=request.user)})
