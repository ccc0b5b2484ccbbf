"""The pre-check pages: a plan's pre-checks with the form to ask, one pre-check with the form to answer,
and the reviewers' queue per edition.

A draft is private: its pre-checks are shown only to its initiators and to the reviewers and
officials of its district; anyone else gets "not found".
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from editions.decorators import Gate, edition_action
from editions.models import Edition
from editions.phases import Action
from proposals.models import Plan

from ..models import PreCheck
from ..selectors import criteria_of
from ..views.common import attempt, user_of
from . import selectors, services
from .forms import AnswerForm, AskForm


@login_required
@require_http_methods(["GET", "POST"])
def plan_prechecks(request: HttpRequest, pk: int) -> HttpResponse:
    """A plan's pre-checks, and for its initiators the form to ask for one."""
    plan = _visible(request, selectors.plan_with_edition(pk=pk))
    form = AskForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        question = form.cleaned_data["question"]
        ask = lambda: services.ask_precheck(plan=plan, by=user_of(request), question=question)  # noqa: E731
        if attempt(request, form, ask, _("Your question has been sent to the district.")):
            return redirect(reverse("review:plan_prechecks", kwargs={"pk": plan.pk}))
    context = {
        "plan": plan,
        "edition": plan.edition,
        "prechecks": selectors.prechecks_of_plan(plan=plan),
        "form": form,
        "refusal": selectors.ask_refusal(request.user, plan),
        "is_initiator": selectors.is_initiator(request.user, plan),
    }
    return render(request, "review/prechecks/plan.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def precheck(request: HttpRequest, pk: int) -> HttpResponse:
    """One pre-check: its question and answer; for the district, while open, the form to answer it."""
    precheck = selectors.precheck_with_plan(pk=pk)
    if precheck is None:
        raise Http404
    plan = _visible(request, selectors.plan_with_edition(pk=precheck.plan_id))
    form = _answer_form(request, precheck)
    if request.method == "POST" and form is not None and form.is_valid():
        answer = lambda: services.answer_precheck(  # noqa: E731
            precheck=precheck, by=user_of(request), notes=form.notes(), summary=form.cleaned_data["summary"]
        )
        if attempt(request, form, answer, _("Your answer has been sent to the initiators.")):
            return redirect(services.precheck_url(precheck))
    context: dict[str, object] = {"precheck": precheck, "plan": plan, "edition": plan.edition, "form": form}
    context |= {"notes": selectors.notes_of(precheck), "cost_lines": plan.cost_lines.all()}
    context["is_district"] = selectors.is_district(request.user, plan.edition)
    return render(request, "review/prechecks/precheck.html", context)


@edition_action(Action.ANSWER_PRECHECK, gate=Gate.ROLES)
def queue(request: HttpRequest, edition: Edition) -> HttpResponse:
    """The edition's pre-checks for its reviewers: the open ones by due date, then the answered ones."""
    context = {"edition": edition, "queue": selectors.precheck_queue(edition=edition)}
    return render(request, "review/prechecks/queue.html", context)


def _visible(request: HttpRequest, plan: Plan | None) -> Plan:
    """The plan when the person may see its pre-checks; else "not found" (a draft is private)."""
    if plan is None or not selectors.may_see(request.user, plan):
        raise Http404
    return plan


def _answer_form(request: HttpRequest, precheck: PreCheck) -> AnswerForm | None:
    """The answer form for the district while the pre-check is open (a late post gets the service's
    refusal: already answered); a post by anyone else is refused."""
    district = selectors.is_district(request.user, precheck.plan.edition)
    if request.method == "POST":
        if not district:
            raise PermissionDenied
        return AnswerForm(request.POST, criteria=criteria_of(edition=precheck.plan.edition))
    if district and precheck.answered_at is None:
        return AnswerForm(criteria=criteria_of(edition=precheck.plan.edition))
    return None
