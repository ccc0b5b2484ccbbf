"""Loading the demo: places, accounts, editions and plans, then what happened to the plans and votes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils import timezone

from accounts.models import Role, StaffRole, User
from editions.models import Edition, SubBudget, Theme
from editions.services import PhaseDates, set_phases
from places.models import District, Municipality, Neighbourhood

from ..content import (
    ACCOUNTS,
    ACTIVITY,
    DECISIONS,
    DEMO_PASSWORD,
    DISTRICTS,
    EDITIONS,
    MUNICIPALITY_NAME,
    MUNICIPALITY_SLUG,
    PANELS,
    PLANS,
    REVIEWS,
    ROLE_TITLE,
    SESSIONS,
    SHORTLISTS,
    STAFF_GROUP,
    VOTES,
    AccountSpec,
    DistrictSpec,
    EditionSpec,
)
from ..content.accounts import staff
from ._common import AMSTERDAM
from .discussion import load_discussion
from .execution import load_execution
from .notifications import load_notifications
from .panel import LoadedPanel, load_panel
from .panel_decision import load_panel_decision
from .panel_sessions import load_sessions
from .plans import load_plans
from .reviews import load_reviews, load_shortlist
from .voting import LoadedVote, load_vote

# What the staff group may do in the Django admin: view, add and change (never delete) these models.
STAFF_GROUP_MODELS: dict[str, tuple[str, ...]] = {
    "editions": ("edition", "theme", "phase", "subbudget"),
    "proposals": ("plan", "costline"),
    "places": ("municipality", "district", "neighbourhood"),
    "review": ("reviewcriterion",),
}
# Viewing users lets the plan form's initiator search (an autocomplete field) work for staff.
STAFF_GROUP_EXTRA: tuple[tuple[str, str], ...] = (("accounts", "view_user"),)


class DemoLoadError(Exception):
    """The database is not ready for the demo, e.g. the migrations have not run."""


@dataclass(frozen=True)
class DemoAccount:
    email: str
    role: str
    district: str
    uses_admin: bool


@dataclass(frozen=True)
class DemoSummary:
    editions: tuple[Edition, ...]
    plan_count: int
    accounts: tuple[DemoAccount, ...]
    password: str
    votes: tuple[LoadedVote, ...] = ()
    panels: tuple[LoadedPanel, ...] = ()


@transaction.atomic
def load_demo(*, now: datetime | None = None) -> DemoSummary:
    """Create or refresh the Amsterdam demo; phase and plan dates are set relative to ``now``."""
    moment = now or timezone.now()
    today = moment.astimezone(AMSTERDAM).date()
    municipality, _ = Municipality.objects.update_or_create(
        slug=MUNICIPALITY_SLUG, defaults={"name": MUNICIPALITY_NAME}
    )
    districts = {spec.slug: _load_district(municipality=municipality, spec=spec) for spec in DISTRICTS}
    users = _load_accounts(districts=districts)
    residents = [users[spec.email] for spec in ACCOUNTS if spec.role is None and not spec.is_superuser]
    editions: list[Edition] = []
    votes: list[LoadedVote] = []
    panels: list[LoadedPanel] = []
    plan_count = 0
    for spec in EDITIONS:
        edition = _load_edition(spec=spec, district=districts[spec.district_slug], today=today)
        plan_count += _load_plans(edition=edition, spec=spec, users=users, residents=residents, now=moment)
        if spec.slug in VOTES:
            votes.append(load_vote(edition=edition, spec=VOTES[spec.slug], users=users, now=moment))
        if spec.slug in PANELS:
            panel = PANELS[spec.slug]
            panels.append(load_panel(edition=edition, spec=panel, users=users, now=moment))
            load_sessions(
                edition=edition,
                specs=SESSIONS.get(spec.slug, ()),
                facilitator=users[panel.facilitator],
                official=users[staff(Role.OFFICIAL, spec.district_slug)],
            )
            if spec.slug in DECISIONS:
                load_panel_decision(
                    edition=edition,
                    spec=DECISIONS[spec.slug],
                    facilitator=users[panel.facilitator],
                    now=moment,
                )
        load_execution(edition=edition, users=users, now=moment)
        editions.append(edition)
    load_notifications(editions=editions, now=moment)
    return DemoSummary(
        editions=tuple(editions),
        plan_count=plan_count,
        accounts=tuple(_describe(spec, districts) for spec in ACCOUNTS),
        password=DEMO_PASSWORD,
        votes=tuple(votes),
        panels=tuple(panels),
    )


def _load_plans(
    *, edition: Edition, spec: EditionSpec, users: dict[str, User], residents: list[User], now: datetime
) -> int:
    """The edition's plans and what happened to them up to the vote: discussion, review, shortlist."""
    plan_specs = PLANS[spec.slug]
    reviews = REVIEWS.get(spec.slug, ())
    activity = ACTIVITY.get(spec.slug, ())
    answered = {r.plan_title: r.change_request.answered for r in reviews if r.change_request}
    edited_in_review = {title: edit for title, edit in answered.items() if edit is not None}
    made = load_plans(
        edition=edition,
        plans=plan_specs,
        activity=activity,
        edits={**{a.plan_title: a.edit for a in activity if a.edit is not None}, **edited_in_review},
        users=users,
        now=now,
    )
    load_discussion(
        edition=edition,
        plans=made,
        specs=plan_specs,
        activity=activity,
        users=users,
        residents=residents,
        edited_in_review=edited_in_review.keys(),
        now=now,
    )
    if reviews:
        load_reviews(edition=edition, plans=made, specs=plan_specs, reviews=reviews, users=users, now=now)
    if spec.slug in SHORTLISTS:
        load_shortlist(edition=edition, spec=SHORTLISTS[spec.slug], users=users, now=now)
    return len(plan_specs)


def _load_district(*, municipality: Municipality, spec: DistrictSpec) -> District:
    district, _ = District.objects.update_or_create(
        municipality=municipality,
        slug=spec.slug,
        defaults={"name": spec.name, "description": spec.description},
    )
    for neighbourhood in spec.neighbourhoods:
        Neighbourhood.objects.update_or_create(
            district=district,
            slug=neighbourhood.slug,
            defaults={"name": neighbourhood.name, "population": neighbourhood.population},
        )
    return district


def _load_accounts(*, districts: dict[str, District]) -> dict[str, User]:
    """Every demo account with the demo password, exactly its own staff role, and admin rights if due."""
    # One hash for all accounts: hashing is deliberately slow, and the demo must load in seconds.
    password_hash = make_password(DEMO_PASSWORD)
    staff_group = _load_staff_group()
    users: dict[str, User] = {}
    for spec in ACCOUNTS:
        user, _ = User.objects.update_or_create(
            email=spec.email,
            defaults={
                "display_name": spec.display_name,
                "password": password_hash,
                "is_active": True,
                "is_staff": spec.uses_admin,
                "is_superuser": spec.is_superuser,
            },
        )
        if spec.uses_admin and not spec.is_superuser:
            user.groups.add(staff_group)
        else:
            user.groups.remove(staff_group)
        if spec.role is None or spec.district_slug is None:
            StaffRole.objects.filter(user=user).delete()
        else:
            district = districts[spec.district_slug]
            StaffRole.objects.get_or_create(user=user, district=district, role=spec.role)
            StaffRole.objects.filter(user=user).exclude(district=district, role=spec.role).delete()
        users[spec.email] = user
    return users


def _load_staff_group() -> Group:
    wanted = {
        (app_label, f"{action}_{model}")
        for app_label, models in STAFF_GROUP_MODELS.items()
        for model in models
        for action in ("view", "add", "change")
    } | set(STAFF_GROUP_EXTRA)
    permissions = [
        permission
        for permission in Permission.objects.filter(
            content_type__app_label__in={app_label for app_label, _ in wanted},
            codename__in={codename for _, codename in wanted},
        ).select_related("content_type")
        if (permission.content_type.app_label, permission.codename) in wanted
    ]
    missing = wanted - {(p.content_type.app_label, p.codename) for p in permissions}
    if missing:
        names = ", ".join(sorted(f"{app}.{codename}" for app, codename in missing))
        raise DemoLoadError(f"Permissions not found ({names}); run `manage.py migrate` first.")
    group, _ = Group.objects.get_or_create(name=STAFF_GROUP)
    group.permissions.set(permissions)
    return group


def _load_edition(*, spec: EditionSpec, district: District, today: date) -> Edition:
    edition, _ = Edition.objects.update_or_create(
        slug=spec.slug,
        defaults={
            "district": district,
            "name": spec.name,
            "year": spec.year,
            "introduction": spec.introduction,
            "total_budget_cents": spec.total_budget_cents,
            "max_plan_cost_cents": spec.max_plan_cost_cents,
            "min_age": spec.min_age,
            "decision_model": spec.decision_model,
            "hybrid_order": spec.hybrid_order,
            "ballot_format": spec.ballot_format,
            "ballot_max_choices": spec.ballot_max_choices,
            "aggregation_rule": spec.aggregation_rule,
            "support_threshold": spec.support_threshold,
            "verdicts_publish_at": _at_noon(today, spec.verdicts_publish_day),
            "shortlist_size": spec.shortlist_size,
            "rule_satisfaction": spec.rule_satisfaction,
            "results_publish_at": _at_noon(today, spec.results_publish_day),
            "is_published": True,
        },
    )
    themes = {
        theme.slug: Theme.objects.update_or_create(
            edition=edition, slug=theme.slug, defaults={"name": theme.name, "description": theme.description}
        )[0]
        for theme in spec.themes
    }
    neighbourhoods = {n.slug: n for n in district.neighbourhoods.all()}
    kept: list[int] = []
    for sub in spec.sub_budgets:
        if sub.neighbourhood_slug is not None:
            sub_budget, _ = SubBudget.objects.update_or_create(
                edition=edition,
                neighbourhood=neighbourhoods[sub.neighbourhood_slug],
                defaults={"theme": None, "amount_cents": sub.amount_cents},
            )
        else:
            sub_budget, _ = SubBudget.objects.update_or_create(
                edition=edition,
                theme=themes[str(sub.theme_slug)],
                defaults={"neighbourhood": None, "amount_cents": sub.amount_cents},
            )
        kept.append(sub_budget.pk)
    edition.sub_budgets.exclude(pk__in=kept).delete()
    set_phases(edition=edition, phases=_phase_dates(spec, today))
    return edition


def _at_noon(today: date, day: int | None) -> datetime | None:
    """Noon (Amsterdam) on the day ``day`` days from today, or None."""
    return None if day is None else datetime.combine(today + timedelta(days=day), time(12, 0), AMSTERDAM)


def _phase_dates(spec: EditionSpec, today: date) -> list[PhaseDates]:
    """Each phase from 00:00 on its first day to 23:59 on its last, in Amsterdam time."""
    return [
        PhaseDates(
            kind=span.kind,
            starts_at=datetime.combine(today + timedelta(days=span.first_day), time(0, 0), tzinfo=AMSTERDAM),
            ends_at=datetime.combine(today + timedelta(days=span.last_day), time(23, 59), tzinfo=AMSTERDAM),
        )
        for span in spec.phases
    ]


def _describe(spec: AccountSpec, districts: dict[str, District]) -> DemoAccount:
    if spec.is_superuser:
        role = "superuser (Django-admin)"
    elif spec.role is not None:
        role = ROLE_TITLE[spec.role]
    else:
        role = "bewoner / resident"
    district = districts[spec.district_slug].name if spec.district_slug else "alle / all"
    return DemoAccount(email=spec.email, role=role, district=district, uses_admin=spec.uses_admin)
