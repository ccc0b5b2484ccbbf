"""Pages of coaching: the district's desk, its partners, a coaching's log and steps, my coaching.

Each page asks ``access`` who may see it and calls one service; a refusal is shown on the page,
translated, with a 403 (not yours), 409 (already so) or 400 (bad input). A coaching's page is a 404
for everyone who may not read its log, so nobody else learns that it exists.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from accounts.models import User
from common.errors import ServiceError
from editions.decorators import Gate, Task, edition_action
from editions.models import Edition
from editions.permissions import may_in_district
from editions.phases import Action
from places.models import District
from proposals.models import Plan

from ..models import Coaching, CoachStep, Idea, Partner
from . import selectors, services
from .access import may_mark_steps, may_read_log, may_write_log
from .errors import CoachingError
from .forms import AssignForm, NoteForm, PartnerCoachForm, PartnerForm, StepForm

FORBIDDEN = frozenset({"not_allowed", "not_district", "not_in_log", "not_the_coach"})
CONFLICTS = frozenset(
    {"coaching_ended", "already_ended", "partner_ended", "partner_name_taken", "already_a_coach"}
    | {"step_already_done", "step_not_done"}
)


def refusal_status(error: ServiceError) -> int:
    return 403 if error.code in FORBIDDEN else 409 if error.code in CONFLICTS else 400


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


# The district's desk -------------------------------------------------------------------------------


# Before the review in the edition's cycle: ideas and drafts are coached while plans are written.
DESK_TASK = Task(gettext_lazy("Coaching of ideas and drafts"), order=2, offered_with=Action.POST_IDEA)


def _desk_page(request: HttpRequest, edition: Edition, error: ServiceError | None = None) -> HttpResponse:
    page = selectors.desk(edition)
    form = AssignForm(candidates=page.candidates)
    context = {"page": page, "form": form, "error": error, "edition": edition}
    status = refusal_status(error) if error else 200
    return render(request, "development/coaching/desk.html", context, status=status)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
@edition_action(Action.MANAGE_DEVELOPMENT, gate=Gate.ROLES, task=DESK_TASK)
def desk(request: HttpRequest, edition: Edition) -> HttpResponse:
    """Ideas and drafts with their coach; a POST assigns a coach (replacing the one it had)."""
    if request.method != "POST":
        return _desk_page(request, edition)
    page = selectors.desk(edition)
    form = AssignForm(request.POST, candidates=page.candidates)
    if not form.is_valid():
        return _desk_page(
            request, edition, CoachingError("not_a_coach" if form["coach"].value() else "choose_coach")
        )
    idea, plan = _posted_subject(request)
    coach = User.objects.get(pk=form.cleaned_data["coach"])  # one of the candidates
    try:
        coaching = services.assign_coach(
            coach=coach, by=_user(request), idea=idea, plan=plan, edition=edition
        )
    except ServiceError as error:
        return _desk_page(request, edition, error)
    done = _("%(coach)s now coaches “%(title)s”.") % {"coach": coach.display_name, "title": _title(coaching)}
    messages.success(request, done)
    return redirect("development:desk", slug=edition.slug)


def _posted_subject(request: HttpRequest) -> tuple[Idea | None, Plan | None]:
    """The idea or the plan a desk form names (neither when it names none that exists)."""
    if request.POST.get("idea", "").isdigit():
        return Idea.objects.filter(pk=int(request.POST["idea"])).first(), None
    if request.POST.get("plan", "").isdigit():
        return None, Plan.objects.filter(pk=int(request.POST["plan"])).first()
    return None, None


def _title(coaching: Coaching) -> str:
    return services.assignment.title_of(coaching)


@login_required
@require_POST
def end_coaching(request: HttpRequest, pk: int) -> HttpResponse:
    coaching = selectors.load_coaching(pk)
    if coaching is None or not may_read_log(request.user, coaching):
        raise Http404
    edition = (coaching.idea or coaching.plan).edition  # type: ignore[union-attr]
    try:
        services.end_coaching(coaching=coaching, by=_user(request))
    except ServiceError as error:
        if error.code == "not_district":
            raise PermissionDenied from error
        messages.error(request, error.message)
        return redirect("development:desk", slug=edition.slug)
    messages.success(request, _("The coaching has ended. Its log can still be read."))
    return redirect("development:desk", slug=edition.slug)


# Partners ----------------------------------------------------------------------------------------


def district_for(request: HttpRequest, slug: str) -> District:
    """The district with ``slug`` whose development track the user manages (slugs repeat across
    municipalities: the one where they are an official); 404 without one, 403 when not theirs."""
    districts = list(District.objects.filter(slug=slug).select_related("municipality"))
    if not districts:
        raise Http404
    allowed = [d for d in districts if may_in_district(request.user, Action.MANAGE_DEVELOPMENT, d.pk)]
    if not allowed:
        raise PermissionDenied
    return allowed[0]


def _partners_page(
    request: HttpRequest,
    district: District,
    *,
    name_form: PartnerForm | None = None,
    coach_form: PartnerCoachForm | None = None,
    coach_partner: Partner | None = None,
    error: ServiceError | None = None,
) -> HttpResponse:
    context: dict[str, Any] = {
        "district": district,
        "partners": selectors.partners_of(district),
        "name_form": name_form or PartnerForm(auto_id="partner_%s"),
        "coach_form": coach_form,
        "coach_partner": coach_partner,
        "error": error,
    }
    bound = (name_form is not None and name_form.is_bound) or (coach_form is not None and coach_form.is_bound)
    status = refusal_status(error) if error else 400 if bound else 200
    return render(request, "development/coaching/partners.html", context, status=status)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def partners(request: HttpRequest, district: str) -> HttpResponse:
    """The district's partners and their coaches; a POST names a new partner."""
    found = district_for(request, district)
    if request.method != "POST":
        return _partners_page(request, found)
    form = PartnerForm(request.POST, auto_id="partner_%s")
    if not form.is_valid():
        return _partners_page(request, found, name_form=form)
    try:
        partner = services.name_partner(district=found, by=_user(request), **form.cleaned_data)
    except ServiceError as error:
        form.add_error(None, error.message)
        return _partners_page(request, found, name_form=form, error=error)
    messages.success(request, _("%(name)s is now a partner.") % {"name": partner.name})
    return redirect("development:partners", district=found.slug)


def _partner(request: HttpRequest, pk: int) -> Partner:
    partner = get_object_or_404(Partner.objects.select_related("district"), pk=pk)
    if not may_in_district(request.user, Action.MANAGE_DEVELOPMENT, partner.district_id):
        raise PermissionDenied
    return partner


@login_required
@require_POST
def add_partner_coach(request: HttpRequest, pk: int) -> HttpResponse:
    partner = _partner(request, pk)
    form = PartnerCoachForm(request.POST, auto_id=f"coach{partner.pk}_%s")
    if not form.is_valid():
        return _partners_page(request, partner.district, coach_form=form, coach_partner=partner)
    try:
        coach = services.add_partner_coach(
            partner=partner, by=_user(request), email=form.cleaned_data["email"]
        )
    except ServiceError as error:
        form.add_error("email", error.message)
        return _partners_page(request, partner.district, coach_form=form, coach_partner=partner, error=error)
    messages.success(
        request,
        _("%(person)s now coaches for %(partner)s.")
        % {"person": coach.user.display_name, "partner": partner.name},
    )
    return redirect("development:partners", district=partner.district.slug)


@login_required
@require_POST
def end_partner(request: HttpRequest, pk: int) -> HttpResponse:
    partner = _partner(request, pk)
    try:
        services.end_partner(partner=partner, by=_user(request))
    except ServiceError as error:
        return _partners_page(request, partner.district, error=error)
    messages.success(request, _("%(name)s is no longer a partner.") % {"name": partner.name})
    return redirect("development:partners", district=partner.district.slug)


# A coaching's page -------------------------------------------------------------------------------


def _readable(request: HttpRequest, pk: int) -> Coaching:
    coaching = selectors.load_coaching(pk)
    if coaching is None or not may_read_log(request.user, coaching):
        raise Http404
    return coaching


def _coaching_context(user: User, coaching: Coaching, step_form: StepForm) -> dict[str, Any]:
    """What the coaching page shows ``user``: the log, the steps and the forms they may use."""
    page = selectors.coaching_page(coaching)
    steps_open = [state.step for state in page.steps if state.done is None]
    step_form.fields["step"].choices = [(s.value, s.label) for s in steps_open]  # type: ignore[attr-defined]
    edition = (coaching.idea or coaching.plan).edition  # type: ignore[union-attr]
    return {
        "page": page,
        "coaching": coaching,
        "subject_edition": edition,
        "step_form": step_form,
        "may_write": may_write_log(user, coaching),
        "may_mark": may_mark_steps(user, coaching),
        "may_manage": may_in_district(user, Action.MANAGE_DEVELOPMENT, edition.district_id),
        "steps_open": steps_open,
    }


def _coaching_page(
    request: HttpRequest,
    coaching: Coaching,
    *,
    note_form: NoteForm | None = None,
    step_form: StepForm | None = None,
    error: ServiceError | None = None,
) -> HttpResponse:
    context = _coaching_context(_user(request), coaching, step_form or StepForm(auto_id="step_%s"))
    context.update(note_form=note_form or NoteForm(auto_id="note_%s"), error=error)
    bound = context["note_form"].is_bound or context["step_form"].is_bound
    status = refusal_status(error) if error else 400 if bound else 200
    return render(request, "development/coaching/coaching.html", context, status=status)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def coaching(request: HttpRequest, pk: int) -> HttpResponse:
    """The shared log and the steps; a POST writes an entry."""
    found = _readable(request, pk)
    if request.method != "POST":
        return _coaching_page(request, found)
    form = NoteForm(request.POST, auto_id="note_%s")
    if not form.is_valid():
        return _coaching_page(request, found, note_form=form)
    try:
        note = services.write_note(coaching=found, by=_user(request), **form.cleaned_data)
    except ServiceError as error:
        form.add_error(None, error.message)
        return _coaching_page(request, found, note_form=form, error=error)
    messages.success(request, _("Your entry is in the log."))
    return redirect(reverse("development:coaching", args=[found.pk]) + f"#log-{note.pk}")


@login_required
@require_POST
def mark_step(request: HttpRequest, pk: int) -> HttpResponse:
    found = _readable(request, pk)
    form = StepForm(request.POST, auto_id="step_%s")
    form.fields["step"].choices = CoachStep.choices  # type: ignore[attr-defined]
    if not form.is_valid():
        return _coaching_page(request, found, step_form=form)
    try:
        services.mark_step(coaching=found, by=_user(request), **form.cleaned_data)
    except ServiceError as error:
        form.add_error(None, error.message)
        return _coaching_page(request, found, step_form=form, error=error)
    messages.success(request, _("The step is marked as done."))
    return redirect(reverse("development:coaching", args=[found.pk]) + "#steps")


@login_required
@require_POST
def undo_step(request: HttpRequest, pk: int, step: str) -> HttpResponse:
    found = _readable(request, pk)
    try:
        services.undo_step(coaching=found, by=_user(request), step=step)
    except ServiceError as error:
        return _coaching_page(request, found, error=error)
    messages.success(request, _("The step is no longer marked as done."))
    return redirect(reverse("development:coaching", args=[found.pk]) + "#steps")


# My coaching -------------------------------------------------------------------------------------


@login_required
@require_safe
def my_coaching(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    context = {
        "coaching": selectors.coached_by(user),
        "coached": selectors.coaching_of_initiator(user),
    }
    return render(request, "development/coaching/mine.html", context)
