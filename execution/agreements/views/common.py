"""What the agreement pages share: loading the project, who may see it, showing a refusal."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from accounts.models import User
from common.errors import ServiceError
from editions.permissions import holds_action_roles
from editions.phases import Action

from ...access import is_owner
from ...models import Agreement, Project
from ...projects import page as project_page
from ..forms import AcceptForm, DeclineForm
from ..selectors import AgreementPage, agreement_page

FORBIDDEN = frozenset({"not_allowed", "not_an_owner", "not_district", "not_proposer"})
CONFLICT = frozenset({"not_pending", "already_confirmed", "pending_exists", "project_closed"})


def user_of(request: HttpRequest) -> User:
    user = request.user
    if not isinstance(user, User):
        raise PermissionDenied
    return user


def load_project(pk: int) -> Project:
    return get_object_or_404(Project.objects.select_related("plan", "edition", "contact"), pk=pk)


def public_project(pk: int) -> Project:
    try:
        return project_page.public_project(pk)
    except Project.DoesNotExist:
        raise Http404 from None


def load_version(project: Project, number: int) -> Agreement:
    return get_object_or_404(Agreement, project=project, number=number)


def is_staff(request: HttpRequest, project: Project) -> bool:
    return holds_action_roles(request.user, Action.MANAGE_EXECUTION, project.edition)


def party_only(request: HttpRequest, project: Project) -> Project:
    """The project, if the user is one of its owners or acts for its district; else 403."""
    if not (is_owner(request.user, project) or is_staff(request, project)):
        raise PermissionDenied
    return project


def staff_only(request: HttpRequest, project: Project) -> Project:
    if not is_staff(request, project):
        raise PermissionDenied
    return project


def attempt(call: Callable[[], object]) -> ServiceError | None:
    """Call one service: None when done, else its refusal."""
    try:
        call()
    except ServiceError as error:
        return error
    return None


def status_of(error: ServiceError) -> int:
    return 403 if error.code in FORBIDDEN else 409 if error.code in CONFLICT else 400


def page_context(page: AgreementPage) -> dict[str, Any]:
    return {"page": page, "project": page.project, "edition": page.project.edition}


def render_page(
    request: HttpRequest,
    project: Project,
    *,
    error: ServiceError | None = None,
    accept_form: AcceptForm | None = None,
    decline_form: DeclineForm | None = None,
) -> HttpResponse:
    """The agreement page, with a refusal on top when a POST was refused."""
    page = agreement_page(project)
    context = {
        **page_context(page),
        "error": error.message if error else "",
        "accept_form": accept_form or AcceptForm(),
        "decline_form": decline_form or DeclineForm(),
        "side": "initiators" if is_owner(request.user, project) else "district",
        "is_staff": is_staff(request, project),
    }
    return render(
        request, "execution/agreements/page.html", context, status=status_of(error) if error else 200
    )
