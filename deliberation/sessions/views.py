"""The work-session pages: the facilitator's sessions, one session, the materials, the officials' questions,
and the public page of the panel's meetings.

A posted form names its ``action``; each action has one handler in a table (``SESSION_POSTS``,
``QUESTION_POSTS``) that calls one service. The questions page serves two roles: officials and
reviewers answer (``Action.ANSWER_PANEL_QUESTIONS``), the facilitator asks (``Action.FACILITATE_PANEL``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_GET, require_http_methods

from accounts.models import User
from common.errors import ServiceError
from editions.decorators import Gate, Task, edition_action, edition_page
from editions.models import Edition
from editions.permissions import can, holds_action_roles
from editions.phases import Action
from proposals.models import Plan

from ..draw.selectors import published_draw
from ..models import PanelQuestion, WorkSession
from ..steps import published_decision
from . import selectors
from .forms import AnswerForm, AttendanceForm, InviteForm, MinutesForm, QuestionForm, SessionForm
from .services import (
    answer_question,
    ask_question,
    invite_presenter,
    may_answer,
    plan_session,
    record_attendance,
    record_minutes,
    update_session,
)

SESSIONS_TASK = Task(_lazy("Work sessions"), order=70, offered_with=Action.SIGN_UP_FOR_PANEL)
QUESTIONS_TASK = Task(_lazy("Questions from the panel"), order=100, offered_with=Action.SIGN_UP_FOR_PANEL)
# Refusals about the moment rather than the input: the forms are hidden then, so they go in a message.
CLOSED_CODES = frozenset({"not_allowed", "no_panel", "record_closed"})


def _panel_user(request: HttpRequest, edition: Edition) -> User:
    """The signed-in staff member (the decorator checked the roles), if the edition has a panel; else 404."""
    if not edition.has_panel:
        raise Http404
    assert isinstance(request.user, User)
    return request.user


def _list_url(edition: Edition) -> str:
    return reverse("deliberation:sessions", kwargs={"slug": edition.slug})


def _session_url(session: WorkSession) -> str:
    return reverse("deliberation:session", kwargs={"slug": session.edition.slug, "number": session.number})


def _questions_url(edition: Edition) -> str:
    return reverse("deliberation:questions", kwargs={"slug": edition.slug})


def _ballot_choices(edition: Edition) -> list[tuple[int, str]]:
    return [(p.pk, p.title) for section in selectors.session_materials(edition) for p in section.plans]


def _plan(edition: Edition, pk: int | None) -> Plan | None:
    if pk is None:
        return None
    return Plan.objects.filter(edition=edition, pk=pk).first()


def _refused(request: HttpRequest, form: Any, error: ServiceError, back: str) -> HttpResponse | None:
    """A refusal about the moment goes in a message and back to ``back``; else it shows at the form (None)."""
    if error.code in CLOSED_CODES:
        messages.error(request, error.message)
        return redirect(back)
    form.add_error(None, error.message)
    return None


def _record_state(user: User, edition: Edition) -> dict[str, Any]:
    return {
        "can_facilitate": can(user, Action.FACILITATE_PANEL, edition),
        "record_closed": published_decision(edition) is not None,
        "panel_published": published_draw(edition) is not None,
    }


@edition_action(Action.FACILITATE_PANEL, gate=Gate.ROLES, task=SESSIONS_TASK)
@require_http_methods(["GET", "POST"])
def session_list(request: HttpRequest, edition: Edition) -> HttpResponse:
    """The edition's sessions with their attendance, and a form to plan the next one."""
    user = _panel_user(request, edition)
    form = SessionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            session = plan_session(edition=edition, by=user, **form.details())
        except ServiceError as error:
            refused = _refused(request, form, error, _list_url(edition))
            if refused is not None:
                return refused
        else:
            messages.success(request, _("Session %(number)s has been planned.") % {"number": session.number})
            return redirect(_session_url(session))
    context = {"edition": edition, "rows": selectors.session_rows(edition), "form": form}
    return render(request, "deliberation/sessions/list.html", {**context, **_record_state(user, edition)})


# --- One session: each posted action and its service ---------------------------------------------


def _save_details(session: WorkSession, by: User, form: Any) -> str:
    update_session(session=session, by=by, **form.details())
    return _("The session's details have been saved.")


def _save_attendance(session: WorkSession, by: User, form: Any) -> str:
    record_attendance(session=session, by=by, present=form.cleaned_data["present"])
    return _("The attendance has been saved.")


def _save_minutes(session: WorkSession, by: User, form: Any) -> str:
    record_minutes(session=session, by=by, minutes=form.cleaned_data["minutes"])
    return _("The minutes have been saved.")


def _invite(session: WorkSession, by: User, form: Any) -> str:
    plan = _plan(session.edition, form.cleaned_data["plan"])
    if plan is None:
        raise Http404
    invite_presenter(session=session, by=by, plan=plan)
    return _("The initiators of “%(plan)s” have been invited and notified.") % {"plan": plan.title}


def _ask_in_session(session: WorkSession, by: User, form: Any) -> str:
    ask_question(
        edition=session.edition,
        by=by,
        session=session,
        plan=_plan(session.edition, form.cleaned_data["plan"]),
        question=form.cleaned_data["question"],
    )
    return _("The question has been recorded for the officials.")


SESSION_POSTS: dict[str, Callable[[WorkSession, User, Any], str]] = {
    "details": _save_details,
    "attendance": _save_attendance,
    "minutes": _save_minutes,
    "invite": _invite,
    "question": _ask_in_session,
}


def _session_forms(request: HttpRequest, session: WorkSession, action: str) -> dict[str, Any]:
    """Every form of the session page; the posted one bound to the POST."""

    def data(name: str) -> Any:
        return request.POST if action == name else None

    members = [(m.pk, m.pool_id) for m in selectors.attendance_rows(session)]
    plans = _ballot_choices(session.edition)
    return {
        "details": SessionForm(data("details"), session=session, prefix="details"),
        "attendance": AttendanceForm(data("attendance"), members=members, prefix="attendance"),
        "minutes": MinutesForm(data("minutes"), initial={"minutes": session.minutes}, prefix="minutes"),
        "invite": InviteForm(data("invite"), plans=plans, prefix="invite"),
        "question": QuestionForm(data("question"), plans=plans, prefix="question"),
    }


def _handle_session_post(
    request: HttpRequest, session: WorkSession, user: User, action: str, forms_: dict[str, Any]
) -> HttpResponse | None:
    """Run the posted action's service; a redirect when it succeeded, else None (the form shows why)."""
    form = forms_[action]
    if not form.is_valid():
        return None
    try:
        done = SESSION_POSTS[action](session, user, form)
    except ServiceError as error:
        return _refused(request, form, error, _session_url(session))
    messages.success(request, done)
    return redirect(_session_url(session) + f"#{action}")


def _session_context(
    request: HttpRequest, session: WorkSession, user: User, action: str, forms_: dict[str, Any]
) -> dict[str, Any]:
    edition = session.edition
    members = selectors.attendance_rows(session)
    checked = set(forms_["attendance"].data.getlist("attendance-present")) if action == "attendance" else None
    return {
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
        **_record_state(user, edition),
    }


@edition_action(Action.FACILITATE_PANEL, gate=Gate.ROLES)
@require_http_methods(["GET", "POST"])
def session_detail(request: HttpRequest, edition: Edition, number: int) -> HttpResponse:
    """One session: its details, attendance, minutes, presenters and questions, each with its own form."""
    user = _panel_user(request, edition)
    session = selectors.session_of(edition, number)
    if session is None:
        raise Http404
    action = request.POST.get("action", "") if request.method == "POST" else ""
    if request.method == "POST" and action not in SESSION_POSTS:
        raise Http404
    forms_ = _session_forms(request, session, action)
    if action:
        response = _handle_session_post(request, session, user, action, forms_)
        if response is not None:
            return response
    context = _session_context(request, session, user, action, forms_)
    return render(request, "deliberation/sessions/session.html", context)


@edition_action(Action.FACILITATE_PANEL, gate=Gate.ROLES)
@require_GET
def materials(request: HttpRequest, edition: Edition) -> HttpResponse:
    """The printable materials: the plans on the ballot with their review verdicts and costs, per section."""
    _panel_user(request, edition)
    return render(
        request,
        "deliberation/sessions/materials.html",
        {"edition": edition, "sections": selectors.session_materials(edition)},
    )


# --- The panel's questions: the facilitator asks, officials and reviewers answer -----------------


@dataclass(frozen=True)
class QuestionForms:
    """The questions page's forms: asking one, and answering each question; the posted one bound."""

    questions: list[PanelQuestion]
    ask: QuestionForm
    answers: dict[int, AnswerForm]

    @classmethod
    def of(cls, request: HttpRequest, edition: Edition, action: str) -> QuestionForms:
        questions = selectors.questions_of(edition)
        posted = request.POST
        return cls(
            questions=questions,
            ask=QuestionForm(
                posted if action == "ask" else None, plans=_ballot_choices(edition), prefix="question"
            ),
            answers={
                q.pk: AnswerForm(
                    posted if action == f"answer-{q.pk}" else None,
                    initial={"answer": q.answer},
                    prefix=f"answer-{q.pk}",
                )
                for q in questions
            },
        )


def _ask(
    request: HttpRequest, edition: Edition, user: User, forms_: QuestionForms, action: str
) -> HttpResponse | None:
    form = forms_.ask
    if not form.is_valid():
        return None
    plan = _plan(edition, form.cleaned_data["plan"])
    try:
        ask_question(edition=edition, by=user, plan=plan, question=form.cleaned_data["question"])
    except ServiceError as error:
        return _refused(request, form, error, _questions_url(edition))
    messages.success(request, _("The question has been recorded for the officials."))
    return redirect(_questions_url(edition))


def _answer(
    request: HttpRequest, edition: Edition, user: User, forms_: QuestionForms, action: str
) -> HttpResponse | None:
    question = next((q for q in forms_.questions if f"answer-{q.pk}" == action), None)
    if question is None:
        raise Http404
    form = forms_.answers[question.pk]
    if not form.is_valid():
        return None
    try:
        answer_question(question=question, by=user, answer=form.cleaned_data["answer"])
    except ServiceError as error:
        return _refused(request, form, error, _questions_url(edition))
    messages.success(request, _("The answer has been saved."))
    return redirect(_questions_url(edition) + f"#question-{question.pk}")


QuestionPost = Callable[[HttpRequest, Edition, User, QuestionForms, str], HttpResponse | None]
# Each posted action of the questions page: the action whose roles it needs, and its handler.
QUESTION_POSTS: dict[str, tuple[Action, QuestionPost]] = {
    "ask": (Action.FACILITATE_PANEL, _ask),
    "answer": (Action.ANSWER_PANEL_QUESTIONS, _answer),
}


def _question_post(user: User, edition: Edition, action: str) -> QuestionPost:
    """The handler of the posted ``action`` ("ask" or "answer-<question>"), if the user may; else 403."""
    kind = "ask" if action == "ask" else "answer" if action.startswith("answer-") else ""
    if kind not in QUESTION_POSTS or not holds_action_roles(user, QUESTION_POSTS[kind][0], edition):
        raise PermissionDenied
    return QUESTION_POSTS[kind][1]


@edition_action(Action.ANSWER_PANEL_QUESTIONS, Action.FACILITATE_PANEL, gate=Gate.ROLES, task=QUESTIONS_TASK)
@require_http_methods(["GET", "POST"])
def questions(request: HttpRequest, edition: Edition) -> HttpResponse:
    """The panel's questions: officials and reviewers answer them, the facilitator asks them."""
    user = _panel_user(request, edition)
    action = request.POST.get("action", "") if request.method == "POST" else ""
    forms_ = QuestionForms.of(request, edition, action)
    if request.method == "POST":
        response = _question_post(user, edition, action)(request, edition, user, forms_, action)
        if response is not None:
            return response
    context = {
        "edition": edition,
        "rows": [(q, forms_.answers[q.pk]) for q in forms_.questions],
        "ask_form": forms_.ask,
        "answering": may_answer(user, edition),
        "can_ask": can(user, Action.FACILITATE_PANEL, edition),
        "record_closed": published_decision(edition) is not None,
        "open_count": sum(1 for q in forms_.questions if not q.answer),
    }
    return render(request, "deliberation/sessions/questions.html", context)


@edition_page
@require_GET
def public(request: HttpRequest, edition: Edition) -> HttpResponse:
    """The panel's meetings for everyone: date, place, agenda, presenters; the record after the decision."""
    if not edition.has_panel:
        raise Http404
    return render(
        request,
        "deliberation/sessions/public.html",
        {"edition": edition, "page": selectors.sessions_public(edition)},
    )
