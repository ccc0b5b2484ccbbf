"""Reads of projects for their public pages."""

from __future__ import annotations

from django.db.models import QuerySet

from editions.models import Edition

from ..models import Project


def projects_of(edition: Edition) -> QuerySet[Project]:
    """The edition's projects with their plan, theme and neighbourhood, by title."""
    return (
        Project.objects.filter(edition=edition)
        .select_related("plan", "plan__theme", "plan__neighbourhood")
        .order_by("plan__title", "pk")
    )


def public_project(pk: int) -> Project:
    """A project of a published edition, with what its page shows; ``Project.DoesNotExist`` if none."""
    return (
        Project.objects.filter(edition__is_published=True)
        .select_related("plan", "plan__theme", "plan__neighbourhood", "edition")
        .prefetch_related("lines")
        .get(pk=pk)
    )
