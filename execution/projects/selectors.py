"""Reads of projects for the edition's overview: the projects with their money, filters and summaries.

Every read here is one query whatever the number of projects: the money is summed by the database.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import BigIntegerField, Count, OuterRef, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce

from editions.models import Edition, Theme
from places.models import Neighbourhood

from ..models import Project, ProjectLine, ProjectStatus

MONEY = ("awarded", "paid", "spent", "returned")
PROJECTS_PER_PAGE = 30


def _sums(prefix: str = "") -> dict[str, Any]:
    return {f"{kind}_cents": Coalesce(Sum(f"{prefix}{kind}_cents"), 0) for kind in MONEY}


def _line_total(kind: str) -> Coalesce:
    """A project's total of one kind of money over its lines, as a subquery: the database sums the
    lines of only the projects on the page, and a count of the projects does not join the lines."""
    total = (
        ProjectLine.objects.filter(project=OuterRef("pk"))
        .order_by()
        .values("project")
        .annotate(total=Sum(f"{kind}_cents"))
        .values("total")
    )
    return Coalesce(Subquery(total, output_field=BigIntegerField()), 0)


def projects_of(edition: Edition) -> QuerySet[Project]:
    """The edition's projects with their plan, theme and neighbourhood and their money, by title."""
    return (
        Project.objects.filter(edition=edition)
        .select_related("plan", "plan__theme", "plan__neighbourhood")
        .annotate(**{f"{kind}_cents": _line_total(kind) for kind in MONEY})
        .order_by("plan__title", "pk")
    )


def has_projects(edition: Edition) -> bool:
    return Project.objects.filter(edition=edition).exists()


def project_ids_for(plan_ids: Iterable[int]) -> dict[int, int]:
    """The project of each plan that has one: plan id → project id (for the results page's links)."""
    return dict(Project.objects.filter(plan_id__in=list(plan_ids)).values_list("plan_id", "pk"))


@dataclass(frozen=True)
class Filters:
    """The overview's filters as the GET form gives them; an unknown value filters nothing."""

    neighbourhood: str = ""
    theme: str = ""
    status: str = ""

    @classmethod
    def from_query(cls, query: Mapping[str, str], options: FilterOptions) -> Filters:
        def known(name: str, values: Iterable[str]) -> str:
            value = query.get(name, "")
            return value if value in set(values) else ""

        return cls(
            neighbourhood=known("buurt", (n.slug for n in options.neighbourhoods)),
            theme=known("thema", (t.slug for t in options.themes)),
            status=known("status", ProjectStatus.values),
        )

    @property
    def active(self) -> bool:
        return bool(self.neighbourhood or self.theme or self.status)

    def apply(self, projects: QuerySet[Project]) -> QuerySet[Project]:
        if self.neighbourhood:
            projects = projects.filter(plan__neighbourhood__slug=self.neighbourhood)
        if self.theme:
            projects = projects.filter(plan__theme__slug=self.theme)
        if self.status:
            projects = projects.filter(status=self.status)
        return projects


@dataclass(frozen=True)
class FilterOptions:
    neighbourhoods: list[Neighbourhood]
    themes: list[Theme]
    statuses: list[tuple[str, Any]] = field(default_factory=lambda: list(ProjectStatus.choices))


def filter_options(edition: Edition) -> FilterOptions:
    """The neighbourhoods and themes the edition's projects have (two queries)."""
    in_edition = Project.objects.filter(edition=edition)
    return FilterOptions(
        neighbourhoods=list(
            Neighbourhood.objects.filter(plans__project__in=in_edition).distinct().order_by("name")
        ),
        themes=list(Theme.objects.filter(plans__project__in=in_edition).distinct().order_by("name")),
    )


@dataclass(frozen=True)
class MoneyRow:
    """Awarded, paid, spent and returned for a group of projects (an edition, a neighbourhood, a theme)."""

    label: str
    projects: int
    awarded_cents: int
    paid_cents: int
    spent_cents: int
    returned_cents: int


def _rows(lines: QuerySet[ProjectLine], key: str, empty: str) -> list[MoneyRow]:
    grouped = lines.values(key).annotate(projects=Count("project", distinct=True), **_sums()).order_by(key)
    return [
        MoneyRow(
            label=row[key] or empty,
            projects=row["projects"],
            **{f"{kind}_cents": row[f"{kind}_cents"] for kind in MONEY},
        )
        for row in grouped
    ]


@dataclass(frozen=True)
class MoneySummary:
    total: MoneyRow
    by_neighbourhood: list[MoneyRow]
    by_theme: list[MoneyRow]


def money_summary(edition: Edition, *, whole_district: str) -> MoneySummary:
    """The edition's money: in total, per neighbourhood and per theme (three queries)."""
    lines = ProjectLine.objects.filter(project__edition=edition)
    total = lines.aggregate(projects=Count("project", distinct=True), **_sums())
    return MoneySummary(
        total=MoneyRow(label="", **total),
        by_neighbourhood=_rows(lines, "project__plan__neighbourhood__name", whole_district),
        by_theme=_rows(lines, "project__plan__theme__name", ""),
    )


@dataclass(frozen=True)
class Overview:
    options: FilterOptions
    filters: Filters
    projects: Page[Project]
    summary: MoneySummary


def overview(edition: Edition, query: Mapping[str, str], *, whole_district: str) -> Overview:
    """The overview's page of projects as ``query`` filters and pages them, and the edition's money."""
    options = filter_options(edition)
    filters = Filters.from_query(query, options)
    projects = Paginator(filters.apply(projects_of(edition)), PROJECTS_PER_PAGE).get_page(query.get("pagina"))
    summary = money_summary(edition, whole_district=whole_district)
    return Overview(options=options, filters=filters, projects=projects, summary=summary)
