"""Pages of ideas: the list, posting and editing, one idea's page and what people do there.

Every action is a form POST that redirects back to the idea's page with a message, so it all works
without JavaScript. Each view parses its input and calls one service; a refusal becomes a message
(or is shown on the form it came from).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from accounts.models import User
from common.errors import ServiceError
from editions.decorators import Gate, edition_action, edition_page
from editions.models import Edition
from editions.permissions import can
from editions.phases import Action

from ..models import Idea, IdeaComment, IdeaMember
from . import selectors
from .errors import IdeaError
from .forms import DraftForm, IdeaCommentForm, IdeaFilterForm, IdeaForm, JoinForm, ReasonForm
from .services import discussion, drafting, people, posting, support

PAGE_SIZE = 24
FORBIDDEN = frozenset({"not_yours", "not_moderator", "not_allowed"})
CONFLICTS = frozenset({"already_a_plan", "already_joined", "already_supported", "request_answered"})


def _status(error: ServiceError) -> int:
    return 403 if error.code in FORBIDDEN else 409 if error.code in CONFLICTS else 400


def _user(request: HttpRequest) -> User:
    """The logged-in person (the views that call this are behind ``login_required``)."""
    assert isinstance(request.user, User)
    return request.user


def _idea(pk: int) -> Idea:
    idea = selectors.idea_for_detail(pk)
    if idea is None:
        raise Http404
    return idea


def _to_login(idea: Idea) -> HttpResponseRedirect:
    """Logged-out visitors log in and come back to the idea (a POST can't be replayed after login)."""
    return redirect(f"{reverse('accounts:login')}?{urlencode({'next': idea.get_absolute_url()})}")


def _back(idea: Idea, anchor: str = "") -> HttpResponseRedirect:
    return redirect(idea.get_absolute_url() + anchor)


def _form_page(
    request: HttpRequest, template: str, form: Any, context: dict[str, Any], error: ServiceError | None = None
) -> HttpResponse:
    if error is not None:
        form.add_error(None, error.message)
    status = _status(error) if error else 400 if form.is_bound else 200
    return render(request, template, {"form": form, **context}, status=status)


@edition_page
def idea_list(request: HttpRequest, edition: Edition) -> HttpResponse:
    form = IdeaFilterForm(request.GET or None, edition=edition)
    ideas = selectors.ideas_for_list(edition=edition, **form.filters())
    page = Paginator(ideas, PAGE_SIZE).get_page(request.GET.get("pagina"))
    query = request.GET.copy()
    query.pop("pagina", None)
    context = {
        "edition": edition,
        "form": form,
        "page": page,
        "ideas": page.object_list,
        "query": query.urlencode(),
        "can_post": can(request.user, Action.POST_IDEA, edition),
    }
    return render(request, "development/ideas/idea_list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
@edition_action(Action.POST_IDEA, gate=Gate.OFFERED)
def new_idea(request: HttpRequest, edition: Edition) -> HttpResponse:
    form = IdeaForm(request.POST or None, edition=edition)
    context: dict[str, Any] = {"edition": edition, "is_open": can(request.user, Action.POST_IDEA, edition)}
    if not context["is_open"]:
        return render(request, "development/ideas/idea_form.html", {"form": None, **context}, status=403)
    if form.is_bound and form.is_valid():
        try:
            idea = posting.post_idea(edition=edition, initiator=_user(request), data=form.idea_input())
        except ServiceError as error:
            return _form_page(request, "development/ideas/idea_form.html", form, context, error)
        messages.success(request, _("Your idea is shared. Others can now support it and join you."))
        return redirect(idea.get_absolute_url())
    return _form_page(request, "development/ideas/idea_form.html", form, context)


@login_required
@require_http_methods(["GET", "POST"])
def edit_idea(request: HttpRequest, pk: int) -> HttpResponse:
    idea = _idea(pk)
    if idea.initiator_id != _user(request).pk:
        raise Http404
    initial = {
        "title": idea.title,
        "text": idea.text,
        "neighbourhood": idea.neighbourhood,
        "needs": idea.needs,
        "needs_note": idea.needs_note,
        "public_name": idea.public_name,
        "workshop": idea.workshop,
    }
    form = IdeaForm(request.POST or None, initial=initial, edition=idea.edition)
    context: dict[str, Any] = {"edition": idea.edition, "idea": idea, "is_open": True}
    if form.is_bound and form.is_valid():
        try:
            posting.edit_idea(idea=idea, by=_user(request), data=form.idea_input())
        except ServiceError as error:
            return _form_page(request, "development/ideas/idea_form.html", form, context, error)
        messages.success(request, _("Your idea is saved."))
        return redirect(idea.get_absolute_url())
    return _form_page(request, "development/ideas/idea_form.html", form, context)


def idea_detail(request: HttpRequest, pk: int) -> HttpResponse:
    idea = _idea(pk)
    page = selectors.idea_page(idea=idea, user=request.user)
    context = {
        "idea": idea,
        "edition": idea.edition,
        "page": page,
        "join_form": JoinForm(),
        "user_email_unconfirmed": request.user.is_authenticated and not _user(request).email_verified,
    }
    return render(request, "development/ideas/idea_detail.html", context)


@require_POST
def support_idea(request: HttpRequest, pk: int) -> HttpResponse:
    idea = _idea(pk)
    if not request.user.is_authenticated:
        return _to_login(idea)
    try:
        support.support_idea(idea=idea, user=_user(request))
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Thank you: you now support this idea."))
    return _back(idea, "#steun")


@require_POST
def withdraw_support(request: HttpRequest, pk: int) -> HttpResponse:
    idea = _idea(pk)
    if not request.user.is_authenticated:
        return _to_login(idea)
    try:
        support.withdraw_support(idea=idea, user=_user(request))
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("You no longer support this idea."))
    return _back(idea, "#steun")


@require_POST
def comment(request: HttpRequest, pk: int) -> HttpResponse:
    idea = _idea(pk)
    if not request.user.is_authenticated:
        return _to_login(idea)
    form = IdeaCommentForm(request.POST)
    form.is_valid()  # the service gives the specific refusal
    try:
        posted = discussion.post_idea_comment(
            idea=idea, author=_user(request), body=form.cleaned_data.get("body", "")
        )
    except ServiceError as error:
        messages.error(request, error.message)
        return _back(idea, "#reacties")
    messages.success(request, _("Your comment has been posted."))
    return _back(idea, f"#comment-{posted.pk}")


@require_POST
@login_required
def hide_comment(request: HttpRequest, comment_id: int) -> HttpResponse:
    target = get_object_or_404(IdeaComment.objects.select_related("idea", "idea__edition"), pk=comment_id)
    form = ReasonForm(request.POST)
    form.is_valid()
    try:
        discussion.hide_idea_comment(
            comment=target, moderator=_user(request), reason=form.cleaned_data.get("reason", "")
        )
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The comment is hidden; the reason is shown in its place."))
    return _back(target.idea, f"#comment-{target.pk}")


@require_POST
@login_required
def hide_idea(request: HttpRequest, pk: int) -> HttpResponse:
    idea = _idea(pk)
    form = ReasonForm(request.POST)
    form.is_valid()
    try:
        posting.hide_idea(idea=idea, moderator=_user(request), reason=form.cleaned_data.get("reason", ""))
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The idea is hidden; the reason is shown in its place."))
    return _back(idea)


@require_POST
@login_required
def tick_off_need(request: HttpRequest, pk: int) -> HttpResponse:
    idea = _idea(pk)
    try:
        posting.tick_off_need(idea=idea, by=_user(request), need=request.POST.get("need", ""))
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Good news: this help is no longer listed as missing."))
    return _back(idea, "#mensen")


@login_required
@require_http_methods(["GET", "POST"])
def join(request: HttpRequest, pk: int) -> HttpResponse:
    idea = _idea(pk)
    form = JoinForm(request.POST or None)
    context: dict[str, Any] = {"idea": idea, "edition": idea.edition}
    if form.is_bound and form.is_valid():
        try:
            people.ask_to_join(idea=idea, user=_user(request), **form.cleaned_data)
        except ServiceError as error:
            return _form_page(request, "development/ideas/join_form.html", form, context, error)
        messages.success(request, _("Your request is sent. The initiator will answer it."))
        return _back(idea, "#mensen")
    return _form_page(request, "development/ideas/join_form.html", form, context)


@require_POST
@login_required
def answer_join(request: HttpRequest, member_id: int) -> HttpResponse:
    member = get_object_or_404(
        IdeaMember.objects.select_related("idea", "idea__edition", "user"), pk=member_id
    )
    accept = request.POST.get("answer") == "accept"
    try:
        people.answer_join_request(member=member, by=_user(request), accept=accept)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("%(name)s is now on board.") % {"name": member.public_name}
            if accept
            else _("You declined the request of %(name)s.") % {"name": member.public_name},
        )
    return _back(member.idea, "#mensen")


@require_POST
@login_required
def leave(request: HttpRequest, pk: int) -> HttpResponse:
    idea = _idea(pk)
    try:
        people.leave_idea(idea=idea, user=_user(request))
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("You are no longer on board of this idea."))
    return _back(idea, "#mensen")


@require_POST
@login_required
def draft_plan(request: HttpRequest, pk: int) -> HttpResponse:
    idea = _idea(pk)
    form = DraftForm(request.POST, edition=idea.edition)
    if not form.is_valid():  # a theme of another edition, or no theme at all
        messages.error(request, IdeaError("theme_required").message)
        return _back(idea, "#plan-maken")
    try:
        plan = drafting.draft_plan_from_idea(idea=idea, by=_user(request), theme=form.cleaned_data["theme"])
    except ServiceError as error:
        messages.error(request, error.message)
        return _back(idea, "#plan-maken")
    messages.success(
        request, _("Your idea is now a draft plan. Add the costs and submit it when it is ready.")
    )
    return redirect(reverse("proposals:edit", kwargs={"pk": plan.pk, "step": "wat"}))
