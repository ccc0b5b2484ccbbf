"""The public site's composed pages: home, district, edition, plan, about, accessibility, errors.

This app sits on top of the others and is the one place that combines their selectors into a page
(the edition page shows plans; the district page shows editions), so that no lower context imports
a higher one.
"""

from __future__ import annotations

import sys

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader

from accounts.models import User
from accounts.roles import is_district_staff
from common.pagecache import cached_page
from common.unavailable import unavailable_response
from deliberation.draw.selectors import published_draw
from deliberation.models import WorkSession
from editions.decorators import edition_page
from editions.models import Edition
from editions.permissions import may_in_district
from editions.phases import Action
from editions.selectors import (
    district_for_page,
    districts_with_editions,
    editions_for_staff,
    published_editions,
    sub_budgets_for_page,
)
from editions.timeline import timeline_of
from execution.projects.selectors import has_projects
from outcomes.selectors import published_count
from outreach.postcodes.errors import PostcodeError
from outreach.postcodes.forms import PostcodeForm
from outreach.postcodes.selectors import find_neighbourhood
from places.models import District, Municipality
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

from .next_step import NextStep, next_step
from .workspace import tasks_for

PLANS_ON_EDITION_PAGE = 12
# Refusals of a postcode lookup that are about the house number, shown at that field.
NUMBER_ERRORS = frozenset({"needs_number", "unknown_number"})


@cached_page()
def home(request: HttpRequest) -> HttpResponse:
    """What a resident can do now (one action per running edition), find your neighbourhood, districts."""
    slug = settings.BUURTBUDGET_MUNICIPALITY_SLUG
    districts = []
    steps = []
    for district in districts_with_editions(slug):
        timelines = [(edition, timeline_of(edition)) for edition in district.editions.all()]
        # Only editions that still run or are coming: an ended one belongs on the district page.
        districts.append((district, [(e, t) for e, t in timelines if not t.has_ended]))
        steps += [step for e, t in timelines if (step := next_step(e, t)) is not None]
    return render(
        request,
        "pages/home.html",
        {
            "municipality": Municipality.objects.filter(slug=slug).first(),
            "districts": districts,
            "steps": steps,
            "postcode_form": PostcodeForm(),
        },
    )


def neighbourhood_finder(request: HttpRequest) -> HttpResponse:
    """Find your neighbourhood: a postcode (and house number) → district, neighbourhood, what is open."""
    form = PostcodeForm(request.GET if "postcode" in request.GET else None)
    found, steps = None, []
    if form.is_valid():
        try:
            found = find_neighbourhood(
                municipality_slug=settings.BUURTBUDGET_MUNICIPALITY_SLUG,
                postcode=form.cleaned_data["postcode"],
                house_number=form.cleaned_data["number"],
            )
        except PostcodeError as error:
            form.add_error("number" if error.code in NUMBER_ERRORS else "postcode", error.message)
        else:
            steps = _steps_in(found.district)
    return render(request, "pages/neighbourhood.html", {"form": form, "found": found, "steps": steps})


def _steps_in(district: District) -> list[NextStep]:
    editions = published_editions().filter(district=district).order_by("-year", "name")
    return [step for e in editions if (step := next_step(e, timeline_of(e))) is not None]


@cached_page()
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


@cached_page()
@edition_page
def edition_detail(request: HttpRequest, edition: Edition) -> HttpResponse:
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
            "sub_budgets": sub_budgets_for_page(edition),
            "themes": edition.themes.all(),
            "shortlist": public_shortlist(edition=edition),
            "result_published": published_count(edition) is not None,
            "panel_published": published_draw(edition) is not None,
            "has_sessions": edition.has_panel and WorkSession.objects.filter(edition=edition).exists(),
            "has_projects": has_projects(edition),
        },
    )


@cached_page()
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


@login_required
def workspace(request: HttpRequest) -> HttpResponse:
    """Staff's starting point: per edition in their districts, the work their roles give them."""
    user = request.user
    if not isinstance(user, User) or not is_district_staff(user):
        raise PermissionDenied
    editions = []
    for edition in editions_for_staff(user):
        timeline = timeline_of(edition)
        editions.append((edition, timeline, tasks_for(user, edition, timeline)))
    return render(
        request,
        "pages/workspace.html",
        {
            "editions": editions,
            "postcode_districts": _postcode_districts(user, [edition for edition, _, _ in editions]),
            "may_moderate": may_moderate_somewhere(user),
            "open_reports": len(moderation_queue(user=user)),
        },
    )


def _postcode_districts(user: User, editions: list[Edition]) -> list[District]:
    """The districts whose postcode table this person may import (an official's)."""
    managed = {e.district for e in editions if may_in_district(user, Action.MANAGE_EDITION, e.district_id)}
    return sorted(managed, key=lambda district: district.name)


@cached_page()
def about(request: HttpRequest) -> HttpResponse:
    return render(request, "pages/about.html")


@cached_page()
def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "pages/accessibility.html")


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "403.html", status=403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    """Rendered without the request's context, so a failing database or context processor can't break it.

    An outage met outside a view (a middleware saving the session) arrives here too: it answers 503
    with Retry-After like the views' (common/unavailable.py), not 500.
    """
    error = sys.exc_info()[1]
    outage = unavailable_response(request, error) if error is not None else None
    return outage or HttpResponseServerError(loader.get_template("500.html").render())
