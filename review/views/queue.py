"""The reviewers' queue: the edition's plans with filters and counts; start the reviews, publish."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from common.errors import ServiceError
from editions.decorators import Gate, Task, edition_action
from editions.models import Edition
from editions.permissions import can
from editions.phases import Action
from review import selectors, services
from review.forms import QueueFilterForm

from .common import queue_url, user_of

# Publishing verdicts is open in every phase to exactly the people who may see the review work;
# the workspace offers the queue to the reviewers, whose task the review is.
REVIEW_TASK = Task(gettext_lazy("Feasibility review"), order=10, offered_to=Action.REVIEW_PLAN)


@edition_action(Action.PUBLISH_VERDICTS, gate=Gate.ROLES, task=REVIEW_TASK)
def queue(request: HttpRequest, edition: Edition) -> HttpResponse:
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


@edition_action(Action.PUBLISH_VERDICTS, gate=Gate.ROLES)
@require_POST
def start_reviews(request: HttpRequest, edition: Edition) -> HttpResponse:
    try:
        reviews = services.start_reviews_for_edition(edition=edition, by=user_of(request))
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            ngettext("%(count)s plan is now in review.", "%(count)s plans are now in review.", len(reviews))
            % {"count": len(reviews)},
        )
    return redirect(queue_url(edition))


@edition_action(Action.PUBLISH_VERDICTS, gate=Gate.ROLES)
@require_POST
def publish_verdicts(request: HttpRequest, edition: Edition) -> HttpResponse:
    try:
        result = services.publish_verdicts(edition=edition, by=user_of(request))
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        if result.created:
            count = result.publication.verdict_count
            messages.success(
                request,
                ngettext(
                    "%(count)s verdict has been published.", "%(count)s verdicts have been published.", count
                )
                % {"count": count},
            )
        else:
            messages.info(request, _("The verdicts of this edition had already been published."))
    return redirect(queue_url(edition))
