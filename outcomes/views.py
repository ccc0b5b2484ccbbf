"""The public results page with its downloads, and the officials' count page.

The result is public once a count is done and the edition's publication time has come; before
that the page says when. Downloads answer 404 until then. The count page starts a count (POST)
and shows its progress; htmx refreshes the status every 2 seconds, a plain reload works too.
"""

from __future__ import annotations

import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_safe

from accounts.models import User
from common import csv_safe
from common.errors import ServiceError
from editions.models import Edition
from editions.permissions import can, holds_action_roles
from editions.phases import Action
from voting.selectors import ballot_box_of

from . import selectors, services
from .errors import OutcomeError
from .models import Count, CountSection, CountSource


def _edition(slug: str) -> Edition:
    edition = Edition.objects.select_related("district").prefetch_related("phases").filter(slug=slug).first()
    if edition is None or not edition.is_published:
        raise Http404
    return edition


def _published(slug: str) -> tuple[Edition, Count]:
    edition = _edition(slug)
    count = selectors.published_count(edition)
    if count is None:
        raise Http404
    return edition, count


@require_safe
def result(request: HttpRequest, slug: str) -> HttpResponse:
    edition = _edition(slug)
    count = selectors.published_count(edition)
    if count is None:
        return render(
            request,
            "outcomes/not_published.html",
            {"edition": edition, "counted": selectors.result_count(edition) is not None},
        )
    return render(request, "outcomes/result.html", {"edition": edition, "result": selectors.result_of(count)})


def _pb_response(count: Count, key: str) -> HttpResponse:
    section = CountSection.objects.select_related("count__edition").filter(count=count, key=key).first()
    if section is None or not section.pb_file:  # a consensus of the panel has no ballots
        raise Http404
    response = HttpResponse(section.pb_file.encode("utf-8"), content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{section.file_name}"'
    response["X-Content-SHA256"] = section.sha256
    return response


@require_safe
def ballots(request: HttpRequest, slug: str, key: str) -> HttpResponse:
    return _pb_response(_published(slug)[1], key)


@require_safe
def advice_ballots(request: HttpRequest, slug: str, key: str) -> HttpResponse:
    """The public vote's ballots that advised the citizens' panel: public with the panel's decision."""
    edition, count = _published(slug)
    advice = selectors.advice_count(edition)
    if count.source != CountSource.PANEL or advice is None:
        raise Http404
    return _pb_response(advice, key)


@require_safe
def result_json(request: HttpRequest, slug: str) -> JsonResponse:
    count = _published(slug)[1]
    response = JsonResponse(selectors.result_data(count), json_dumps_params={"ensure_ascii": False})
    response["Content-Disposition"] = f'attachment; filename="{count.edition.slug}-uitslag.json"'
    return response


CSV_COLUMNS = (
    "section",
    "plan_id",
    "title",
    "neighbourhood",
    "theme",
    "cost_cents",
    "supporters",
    "points",
    "funded",
    "round",
    "greedy",
    "equal_shares",
    "decided_by",
    "method",
    "panel_reason",
    "advice_support",
    "advice_funded",
)


@require_safe
def result_csv(request: HttpRequest, slug: str) -> HttpResponse:
    edition, count = _published(slug)
    out = io.StringIO()
    writer = csv_safe.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    result = selectors.result_of(count)
    method = result.panel.method if result.panel is not None else ""
    for section in result.sections:
        for p in section.plans:
            writer.writerow(
                [
                    section.section.key,
                    p.id,
                    p.title,
                    p.neighbourhood,
                    p.theme,
                    p.cost_cents,
                    p.supporters,
                    "" if p.points is None else p.points,
                    int(p.funded),
                    p.round or "",
                    int(p.chosen_by_greedy),
                    int(p.chosen_by_mes),
                    count.source,
                    method,
                    p.reason,
                    p.advice_support,
                    "" if p.advice_funded is None else int(p.advice_funded),
                ]
            )
    response = HttpResponse(out.getvalue().encode("utf-8"), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{edition.slug}-uitslag.csv"'
    return response


def _official_edition(request: HttpRequest, slug: str) -> tuple[Edition, User]:
    """The edition and the official looking at its counts (officials of its district only)."""
    edition = Edition.objects.select_related("district").prefetch_related("phases").filter(slug=slug).first()
    if edition is None:
        raise Http404
    user = request.user
    if not isinstance(user, User) or not holds_action_roles(user, Action.RUN_COUNT, edition):
        raise PermissionDenied
    return edition, user


@sensitive_post_parameters("share")  # key shares never reach an error report
@never_cache
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def count(request: HttpRequest, slug: str) -> HttpResponse:
    edition, user = _official_edition(request, slug)
    may_count = can(user, Action.RUN_COUNT, edition)
    if request.method == "POST":
        if not may_count:
            raise PermissionDenied
        publishing = request.POST.get("action") == "publish"
        try:
            if publishing:
                # The deciding count: in a hybrid edition with the vote first, the panel's, never the advice.
                current = selectors.result_count(edition)
                if current is None:
                    raise OutcomeError("not_publishable")
                services.publish_result(count=current, by=user)
            else:
                services.start_count(edition=edition, by=user, shares=request.POST.getlist("share"))
        except ServiceError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                _("The result is published: the chosen plans are selected and every initiator is told.")
                if publishing
                else _("The count has started. This page shows its progress."),
            )
        return redirect("outcomes:count", slug=edition.slug)
    context = {
        "edition": edition,
        "latest": selectors.latest_count(edition),
        "current": selectors.current_count(edition),
        "result": selectors.result_count(edition),
        "published": selectors.published_count(edition),
        "advice": edition.public_votes and edition.panel_decides,
        "may_count": may_count,
        "ballot_box": ballot_box_of(edition),
    }
    if request.headers.get("HX-Request") == "true":
        return render(request, "outcomes/_count_status.html", context)
    return render(request, "outcomes/count.html", context)
