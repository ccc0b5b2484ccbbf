"""The public site's composed pages: home, district, edition, plan, about, accessibility, errors.

This app sits on top of the others and is the one place that combines their selectors into a page
(the edition page shows plans; the district page shows editions), so that no lower context imports
a higher one.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from accounts.roles import is_district_staff
from deliberation.draw.selectors import published_draw
from deliberation.models import WorkSession
from editions.models import Edition
from editions.permissions import ACTION_RULES, holds_action_roles
from editions.phases import Action
from editions.selectors import (
    district_for_page,
    districts_with_editions,
    edition_for_page,
    editions_for_staff,
)
from editions.timeline import Timeline, timeline_of
from outcomes.selectors import published_count
from places.models import Municipality
from proposals.selectors import (
    PlanFilter,
    accepted_co_initiators,
    filter_plans,
    plan_counts_by_status,
    plan_for_detail,
)
from proposals.selectors.discussion import (
    comment_thread,
    may_moderate_somewhere,
    moderation_queue,
    support_state,
)
from proposals.selectors.revisions import revision_history
from review.selectors import public_review, public_shortlist

PLANS_ON_EDITION_PAGE = 12


def home(request: HttpRequest) -> HttpResponse:
    slug = settings.BUURTBUDGET_MUNICIPALITY_SLUG
    districts = []
    for district in districts_with_editions(slug):
        timelines = [(edition, timeline_of(edition)) for edition in district.editions.all()]
        # Only editions that still run or are coming: an ended one belongs on the district page.
        districts.append((district, [(e, t) for e, t in timelines if not t.has_ended]))
    return render(
        request,
        "pages/home.html",
        {"municipality": Municipality.objects.filter(slug=slug).first(), "districts": districts},
    )


def district_detail(request: HttpRequest, slug: str) -> HttpResponse:
    district = district_for_page(settings.BUURTBUDGET_MUNICIPALITY_SLUG, slug)
    if district is None:
        raise Http404
    editions = [(edition, timeline_of(edition)) for edition in district.editions.all()]
    return render(
        request,
        "pages/district_detail.html",
        {"district": district, "editions": editions, "neighbourhoods": district.neighbourhoods.all()},
    )


def edition_detail(request: HttpRequest, slug: str) -> HttpResponse:
    edition = edition_for_page(slug)
    if edition is None:
        raise Http404
    timeline = timeline_of(edition)
    counts = plan_counts_by_status(edition)
    current = timeline.current
    return render(
        request,
        "pages/edition_detail.html",
        {
            "edition": edition,
            "timeline": timeline,
            "current": current,
            "upcoming": timeline.upcoming,
            "plans": filter_plans(PlanFilter(edition=edition))[:PLANS_ON_EDITION_PAGE],
            "plan_count": sum(counts.values()),
            "sub_budgets": edition.sub_budgets.all(),
            "themes": edition.themes.all(),
            "shortlist": public_shortlist(edition=edition),
            "result_published": published_count(edition) is not None,
            "panel_published": published_draw(edition) is not None,
            "has_sessions": edition.has_panel and WorkSession.objects.filter(edition=edition).exists(),
        },
    )


def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A plan's public page: its content, the published review, support, revisions and the discussion."""
    plan = plan_for_detail(pk)
    if plan is None:
        raise Http404
    return render(
        request,
        "pages/plan_detail.html",
        {
            "plan": plan,
            "cost_lines": plan.cost_lines.all(),
            "co_initiators": accepted_co_initiators(plan),
            "timeline": timeline_of(plan.edition),
            "review": public_review(plan=plan),
            "support": support_state(plan=plan, user=request.user),
            "revisions": revision_history(plan=plan),
            "thread": comment_thread(plan=plan, user=request.user),
        },
    )


@dataclass(frozen=True)
class Task:
    url: str
    label: str | Promise


@dataclass(frozen=True)
class WorkspaceTask:
    """A link in the staff workspace, declared by the action it serves.

    It is offered in an edition to whoever holds ``action``'s roles there (in any phase), when the
    edition has a phase that opens ``offered_with`` (default: ``action``) under its decision model.
    """

    url_name: str
    label: Promise
    action: Action
    offered_with: Action | None = None
    panel_label: Promise | None = None  # the label when the citizens' panel makes the shortlist
    url_arg: str = "slug"
    admin: bool = False  # a page of the Django admin: only for accounts with admin access

    def offered(self, user: User, edition: Edition, timeline: Timeline) -> bool:
        if self.admin and not user.is_staff:
            return False
        if not holds_action_roles(user, self.action, edition):
            return False
        opening = self.offered_with or self.action
        return ACTION_RULES[opening].any_phase or timeline.has_phase_opening(opening)

    def link(self, edition: Edition) -> Task:
        label = self.panel_label if self.panel_label and edition.panel_shortlists else self.label
        return Task(reverse(self.url_name, args=[getattr(edition, self.url_arg)]), label)


# Panel work is offered in editions that recruit a citizens' panel (residents sign up for it).
WORKSPACE_TASKS: tuple[WorkspaceTask, ...] = (
    WorkspaceTask("review:queue", _("Feasibility review"), Action.REVIEW_PLAN),
    WorkspaceTask(
        "review:shortlist", _("Shortlist"), Action.SHORTLIST_PLAN, panel_label=_("The panel's shortlist")
    ),
    WorkspaceTask("voting:manage", _("Vote management"), Action.ENTER_PAPER_BALLOT),
    WorkspaceTask("outcomes:count", _("Count and publish the result"), Action.RUN_COUNT),
    WorkspaceTask(
        "deliberation:recruitment",
        _("Panel recruitment"),
        Action.RECRUIT_PANEL,
        offered_with=Action.SIGN_UP_FOR_PANEL,
    ),
    WorkspaceTask(
        "deliberation:draw", _("Panel draw"), Action.DRAW_PANEL, offered_with=Action.SIGN_UP_FOR_PANEL
    ),
    WorkspaceTask(
        "deliberation:sessions",
        _("Work sessions"),
        Action.FACILITATE_PANEL,
        offered_with=Action.SIGN_UP_FOR_PANEL,
    ),
    WorkspaceTask("deliberation:round", _("Ballot round in a session"), Action.RECORD_PANEL_DECISION),
    WorkspaceTask("outcomes:panel_decision", _("The panel's decision"), Action.RECORD_PANEL_DECISION),
    WorkspaceTask(
        "deliberation:questions",
        _("Questions from the panel"),
        Action.ANSWER_PANEL_QUESTIONS,
        offered_with=Action.SIGN_UP_FOR_PANEL,
    ),
    WorkspaceTask(
        "admin:editions_edition_change",
        _("Edition settings"),
        Action.MANAGE_EDITION,
        url_arg="pk",
        admin=True,
    ),
)


@login_required
def workspace(request: HttpRequest) -> HttpResponse:
    """Staff's starting point: per edition in their districts, the work their roles give them."""
    user = request.user
    if not isinstance(user, User) or not is_district_staff(user):
        raise PermissionDenied
    editions = []
    for edition in editions_for_staff(user):
        timeline = timeline_of(edition)
        tasks = [task.link(edition) for task in WORKSPACE_TASKS if task.offered(user, edition, timeline)]
        editions.append((edition, timeline, tasks))
    return render(
        request,
        "pages/workspace.html",
        {
            "editions": editions,
            "may_moderate": may_moderate_somewhere(user),
            "open_reports": len(moderation_queue(user=user)),
        },
    )


def about(request: HttpRequest) -> HttpResponse:
    return render(request, "pages/about.html")


def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "pages/accessibility.html")


def healthz(request: HttpRequest) -> HttpResponse:
    """A page with no database work: the baseline the page benchmark compares against."""
    return HttpResponse("ok", content_type="text/plain")


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "403.html", status=403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    """Rendered without the request's context, so a failing database or context processor can't break it."""
    return HttpResponseServerError(loader.get_template("500.html").render())
