"""The work-session pages: the facilitator's sessions, one session, the materials, the officials' questions,
and the public page of the panel's meetings."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from accounts.models import User
from common.errors import ServiceError
from editions.models import Edition
from editions.permissions import can, holds_action_roles
from editions.phases import Action
from proposals.models import Plan

from .. import selectors_sessions as selectors
from ..forms_sessions import AnswerForm, AttendanceForm, InviteForm, MinutesForm, QuestionForm, SessionForm
from ..models import WorkSession
from ..selectors import published_draw
from ..services.sessions import (
    answer_question,
    ask_question,
    invite_presenter,
    may_answer,
    plan_session,
    record_attendance,
    record_minutes,
    update_session,
)
from ..steps import published_decision
from .draw import _facilitator_edition, edition_or_404

SESSION_ACTIONS = ("details", "attendance", "minutes", "invite", "question")
# Refusals about the moment rather than the input: the forms are hidden then, so they go in a message.
CLOSED_CODES = frozenset({"not_allowed", "no_panel", "record_closed"})


def _panel_facilitator(request: HttpRequest, slug: str) -> tuple[Edition, User]:
    """The edition with a panel, if the user facilitates panels in its district; 404 / 403 otherwise."""
    edition, user = _facilitator_edition(request, slug)
    if not edition.has_panel:
        raise Http404
    return edition, user


def _list_url(edition: Edition) -> str:
    return reverse("panel_sessions:list", kwargs={"slug": edition.slug})


def _session_url(session: WorkSession) -> str:
    return reverse("panel_sessions:session", kwargs={"slug": session.edition.slug, "number": session.number})


def _questions_url(edition: Edition) -> str:
    return reverse("panel_sessions:questions", kwargs={"slug": edition.slug})


def _ballot_choices(edition: Edition) -> list[tuple[int, str]]:
    return [(p.pk, p.title) for section in selectors.session_materials(edition) for p in section.plans]


def _plan(edition: Edition, pk: int | None) -> Plan | None:
    if pk is None:
        return None
    return Plan.objects.filter(edition=edition, pk=pk).first()


@login_required
@require_http_methods(["GET", "POST"])
def session_list(request: HttpRequest, slug: str) -> HttpResponse:
    """The edition's sessions with their attendance, and a form to plan the next one."""
    edition, user = _panel_facilitator(request, slug)
    form = SessionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            session = plan_session(edition=edition, by=user, **form.details())
        except ServiceError as error:
            if error.code in CLOSED_CODES:
                messages.error(request, error.message)
                return redirect(_list_url(edition))
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Session %(number)s has been planned.") % {"number": session.number})
            return redirect(_session_url(session))
    return render(
        request,
        "deliberation/sessions/list.html",
        {
            "edition": edition,
            "rows": selectors.session_rows(edition),
            "form": form,
            "can_facilitate": can(user, Action.FACILITATE_PANEL, edition),
            "record_closed": published_decision(edition) is not None,
            "panel_published": published_draw(edition) is not None,
        },
    )


def _handle_session_post(
    request: HttpRequest, session: WorkSession, user: User, action: str, forms_: dict[str, Any]
) -> HttpResponse | None:
    """Run the posted action's service; a redirect when it succeeded, else None (the form shows why)."""
    edition = session.edition
    form = forms_[action]
    if not form.is_valid():
        return None
    try:
        if action == "details":
            update_session(session=session, by=user, **form.details())
            done = _("The session's details have been saved.")
        elif action == "attendance":
            record_attendance(session=session, by=user, present=form.cleaned_data["present"])
            done = _("The attendance has been saved.")
        elif action == "minutes":
            record_minutes(session=session, by=user, minutes=form.cleaned_data["minutes"])
            done = _("The minutes have been saved.")
        elif action == "invite":
            plan = _plan(edition, form.cleaned_data["plan"])
            if plan is None:
                raise Http404
            invite_presenter(session=session, by=user, plan=plan)
            done = _("The initiators of “%(plan)s” have been invited and notified.") % {"plan": plan.title}
        else:
            ask_question(
                edition=edition,
                by=user,
                session=session,
                plan=_plan(edition, form.cleaned_data["plan"]),
                question=form.cleaned_data["question"],
            )
            done = _("The question has been recorded for the officials.")
    except ServiceError as error:
        if error.code in CLOSED_CODES:
            messages.error(request, error.message)
            return redirect(_session_url(session))
        form.add_error(None, error.message)
        return None
    messages.success(request, done)
    return redirect(_session_url(session) + f"#{action}")


@login_required
@require_http_methods(["GET", "POST"])
def session_detail(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    """One session: its details, attendance, minutes, presenters and questions, each with its own form."""
    edition, user = _panel_facilitator(request, slug)
    session = selectors.session_of(edition, number)
    if session is None:
        raise Http404
    action = request.POST.get("action", "") if request.method == "POST" else ""
    if request.method == "POST" and action not in SESSION_ACTIONS:
        raise Http404

    def data(name: str) -> Any:
        return request.POST if action == name else None

    members = selectors.attendance_rows(session)
    plans = _ballot_choices(edition)
    forms_: dict[str, Any] = {
        "details": SessionForm(data("details"), session=session, prefix="details"),
        "attendance": AttendanceForm(
            data("attendance"),
            members=[(m.pk, m.pool_id) for m in members],
            prefix="attendance",
        ),
        "minutes": MinutesForm(data("minutes"), initial={"minutes": session.minutes}, prefix="minutes"),
        "invite": InviteForm(data("invite"), plans=plans, prefix="invite"),
        "question": QuestionForm(data("question"), plans=plans, prefix="question"),
    }
    if action:
        response = _handle_session_post(request, session, user, action, forms_)
        if response is not None:
            return response
    checked = set(forms_["attendance"].data.getlist("attendance-present")) if action == "attendance" else None
    return render(
        request,
        "deliberation/sessions/session.html",
        {
            "edition": edition,
            "session": session,
            "forms": forms_,
            "action": action,
            "members": [(m, str(m.pk) in checked if checked is not None else m.present) for m in members],
            "present_count": sum(1 for m in members if m.present),
            "attendance_recorded": session.attendance.exists(),
            "presentations": list(session.presentations.select_related("plan").order_by("plan__title")),
            "questions": selectors.questions_of(edition, session=session),
            "started": session.starts_at <= timezone.now(),
            "can_facilitate": can(user, Action.FACILITATE_PANEL, edition),
            "record_closed": published_decision(edition) is not None,
            "panel_published": published_draw(edition) is not None,
        },
    )


@login_required
@require_GET
def materials(request: HttpRequest, slug: str) -> HttpResponse:
    """The printable materials: the plans on the ballot with their review verdicts and costs, per section."""
    edition, _user = _panel_facilitator(request, slug)
    return render(
        request,
        "deliberation/sessions/materials.html",
        {"edition": edition, "sections": selectors.session_materials(edition)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def questions(request: HttpRequest, slug: str) -> HttpResponse:
    """The panel's questions: officials and reviewers answer them, the facilitator asks them."""
    edition = edition_or_404(slug)
    if not edition.has_panel:
        raise Http404
    user = request.user
    if not isinstance(user, User) or not user.is_active:
        raise PermissionDenied
    answering = may_answer(user, edition)
    facilitating = holds_action_roles(user, Action.FACILITATE_PANEL, edition)
    if not (answering or facilitating):
        raise PermissionDenied
    all_questions = selectors.questions_of(edition)
    plans = _ballot_choices(edition)
    action = request.POST.get("action", "") if request.method == "POST" else ""
    ask_form = QuestionForm(request.POST if action == "ask" else None, plans=plans, prefix="question")
    answer_forms = {
        q.pk: AnswerForm(
            request.POST if action == f"answer-{q.pk}" else None,
            initial={"answer": q.answer},
            prefix=f"answer-{q.pk}",
        )
        for q in all_questions
    }
    if request.method == "POST":
        if action == "ask" and facilitating:
            if ask_form.is_valid():
                try:
                    ask_question(
                        edition=edition,
                        by=user,
                        plan=_plan(edition, ask_form.cleaned_data["plan"]),
                        question=ask_form.cleaned_data["question"],
                    )
                except ServiceError as error:
                    if error.code in CLOSED_CODES:
                        messages.error(request, error.message)
                        return redirect(_questions_url(edition))
                    ask_form.add_error(None, error.message)
                else:
                    messages.success(request, _("The question has been recorded for the officials."))
                    return redirect(_questions_url(edition))
        elif action.startswith("answer-") and answering:
            question = next((q for q in all_questions if f"answer-{q.pk}" == action), None)
            if question is None:
                raise Http404
            form = answer_forms[question.pk]
            if form.is_valid():
                try:
                    answer_question(question=question, by=user, answer=form.cleaned_data["answer"])
                except ServiceError as error:
                    if error.code in CLOSED_CODES:
                        messages.error(request, error.message)
                        return redirect(_questions_url(edition))
                    form.add_error(None, error.message)
                else:
                    messages.success(request, _("The answer has been saved."))
                    return redirect(_questions_url(edition) + f"#question-{question.pk}")
        else:
            raise PermissionDenied
    return render(
        request,
        "deliberation/sessions/questions.html",
        {
            "edition": edition,
            "rows": [(q, answer_forms[q.pk]) for q in all_questions],
            "ask_form": ask_form,
            "answering": answering,
            "can_ask": facilitating and can(user, Action.FACILITATE_PANEL, edition),
            "record_closed": published_decision(edition) is not None,
            "open_count": sum(1 for q in all_questions if not q.answer),
        },
    )


@require_GET
def public(request: HttpRequest, slug: str) -> HttpResponse:
    """The panel's meetings for everyone: date, place, agenda, presenters; the record after the decision."""
    edition = edition_or_404(slug)
    if not edition.is_published or not edition.has_panel:
        raise Http404
    return render(
        request,
        "deliberation/sessions/public.html",
        {"edition": edition, "page": selectors.sessions_public(edition)},
    )
