"""The one way a view says which edition action it serves: ``@edition_action(Action.X)``.

The decorator loads the edition named by the URL's ``slug``, asks the one permission place
(``editions.permissions``) and calls the view with the edition instead of the slug::

    @edition_action(Action.RUN_COUNT, gate=Gate.ROLES, task=Task(_("Count and publish the result")))
    def count(request: HttpRequest, edition: Edition) -> HttpResponse: ...

Gates:

- ``Gate.NOW`` (default): ``can()`` — the person holds the action's roles in the edition's
  district *and* the current phase opens it. For pages that only make sense while it is open.
- ``Gate.ROLES``: ``holds_action_roles()`` — the roles, in any phase. For staff pages that show
  the work before and after its phase (and refuse the writes through their services).
- ``Gate.OFFERED``: no login; the edition is published and its decision model has a phase that
  opens the action (else 404). For residents' pages such as sign-up or the ballot.

A page that serves several actions names them all (``@edition_action(Action.X, Action.Y, ...)``):
it lets in whoever passes the gate for any of them; the first is the one its task is offered under.

``@edition_page`` is the same look-up for public pages that serve no action: a published edition,
else 404. A staff page that declares ``task=`` is listed in the staff workspace (``declared_tasks``),
so the workspace offers exactly the pages that exist, under the action that guards them.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import wraps
from typing import Any, TypeAlias

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponseBase
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils.functional import Promise

from .models import Edition
from .permissions import can, holds_action_roles, phases_opening
from .phases import Action

# A view called with the edition (``view(request, edition, **url_kwargs)``), and the one Django
# calls with the URL's keywords (``view(request, slug=..., **url_kwargs)``).
EditionView: TypeAlias = Callable[..., HttpResponseBase]
SlugView: TypeAlias = Callable[..., HttpResponseBase]


class Gate(enum.Enum):
    NOW = "now"
    ROLES = "roles"
    OFFERED = "offered"


@dataclass(frozen=True)
class Task:
    """How a staff page appears in the workspace.

    It is offered in an edition to whoever holds the roles of ``offered_to`` (default: the action)
    there (in any phase), when the edition has a phase that opens ``offered_with`` (default: the
    action) under its decision model. ``order`` places it in the list (lower first: the order of the
    edition's cycle). ``offered_to`` is for a page that lets in more people than whose task it is:
    officials may open the review queue, but reviewing is the reviewers' task.
    """

    label: Promise
    order: int
    panel_label: Promise | None = None  # the label when the citizens' panel makes the shortlist
    offered_with: Action | None = None
    offered_to: Action | None = None


@dataclass(frozen=True)
class Declaration:
    action: Action
    gate: Gate
    task: Task | None


def load_edition(slug: str, *, published: bool) -> Edition:
    """The edition with ``slug`` (only if published, when ``published``), with what pages use; else 404."""
    editions = Edition.objects.select_related("district__municipality").prefetch_related("phases")
    if published:
        editions = editions.filter(is_published=True)
    edition = editions.filter(slug=slug).first()
    if edition is None:
        raise Http404
    return edition


def edition_action(
    action: Action, *also: Action, gate: Gate = Gate.NOW, task: Task | None = None
) -> Callable[[EditionView], SlugView]:
    """Guard a view by ``action`` (or any of ``also``) in the edition named by the URL's ``slug``
    (see the module text)."""
    if task is not None and gate is Gate.OFFERED:
        raise ValueError("a workspace task is a staff page: give it Gate.NOW or Gate.ROLES")

    def decorate(view: EditionView) -> SlugView:
        @wraps(view)
        def guarded(request: HttpRequest, *args: Any, slug: str, **kwargs: Any) -> HttpResponseBase:
            edition = load_edition(slug, published=gate is Gate.OFFERED)
            if gate is Gate.OFFERED:
                if not any(phases_opening(edition, a) for a in (action, *also)):
                    raise Http404
            elif not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            elif not any(
                (can if gate is Gate.NOW else holds_action_roles)(request.user, a, edition)
                for a in (action, *also)
            ):
                raise PermissionDenied
            return view(request, edition, *args, **kwargs)

        guarded.edition_action = Declaration(action, gate, task)  # type: ignore[attr-defined]
        return guarded

    return decorate


def edition_page(view: EditionView) -> SlugView:
    """A public page of a published edition named by the URL's ``slug``; 404 for any other."""

    @wraps(view)
    def loaded(request: HttpRequest, *args: Any, slug: str, **kwargs: Any) -> HttpResponseBase:
        return view(request, load_edition(slug, published=True), *args, **kwargs)

    return loaded


@dataclass(frozen=True)
class DeclaredTask:
    url_name: str
    action: Action
    task: Task


def declared_tasks() -> tuple[DeclaredTask, ...]:
    """Every URL whose view declares a workspace task, in the tasks' order (read once per URLconf)."""
    return _tasks_of(get_resolver())


@functools.cache
def _tasks_of(resolver: URLResolver) -> tuple[DeclaredTask, ...]:
    return tuple(sorted(_declarations(resolver.url_patterns), key=lambda declared: declared.task.order))


def _declarations(patterns: list[Any], namespace: str = "") -> Iterator[DeclaredTask]:
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _declarations(entry.url_patterns, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            declaration = getattr(entry.callback, "edition_action", None)
            if isinstance(declaration, Declaration) and declaration.task is not None:
                yield DeclaredTask(f"{namespace}{entry.name}", declaration.action, declaration.task)
