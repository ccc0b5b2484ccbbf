"""Loading the demo: places, accounts, editions and plans, then what happened to the plans and votes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from accounts.errors import AccountError
from accounts.models import Role, User
from accounts.services import grant_staff_role, revoke_staff_roles, set_up_account, set_up_group
from editions.models import Edition
from editions.services import PhaseDates, SubBudgetDetails, ThemeDetails, set_up_edition
from places.models import District, Municipality
from places.postcodes.services import PostcodeLine, replace_postcode_table
from places.services import NeighbourhoodDetails, set_up_district, set_up_municipality

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
from ..content.postcodes import POSTCODES, Line
from ..content.translations import DISTRICT_TEXTS, EDITION_TEXTS, PHASE_TEXTS, THEME_TEXTS
from ._common import AMSTERDAM
from .development import load_development
from .discussion import load_discussion
from .evaluation import load_evaluation
from .execution import load_execution
from .help import load_help
from .notifications import load_notifications
from .panel import LoadedPanel, RecruitedPanel, finish_panel, start_panel
from .panel_decision import load_panel_decision
from .panel_sessions import load_sessions
from .plans import load_plans
from .reviews import load_reviews, load_shortlist
from .translations import offered
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


def load_demo(*, now: datetime | None = None) -> DemoSummary:
    """Create or refresh the Amsterdam demo; phase and plan dates are set relative to ``now``.

    Everything up to the editions' execution is one transaction; the learning programme follows it,
    because a survey answer must be written in transactions of its own.
    """
    moment = now or timezone.now()
    summary, users = _load_world(moment=moment)
    load_evaluation(editions=summary.editions, users=users, now=moment)
    return summary


@transaction.atomic
def _load_world(*, moment: datetime) -> tuple[DemoSummary, dict[str, User]]:
    """Places, accounts, editions, plans, votes, panels and projects, in one transaction."""
    today = moment.astimezone(AMSTERDAM).date()
    municipality = set_up_municipality(slug=MUNICIPALITY_SLUG, name=MUNICIPALITY_NAME)
    districts = {spec.slug: _load_district(municipality=municipality, spec=spec) for spec in DISTRICTS}
    load_help(districts=districts)
    for slug, lines in POSTCODES.items():
        _load_postcodes(district=districts[slug], lines=lines)
    users = _load_accounts(districts=districts)
    residents = [users[spec.email] for spec in ACCOUNTS if spec.role is None and not spec.is_superuser]
    editions: list[Edition] = []
    votes: list[LoadedVote] = []
    recruited: list[RecruitedPanel] = []
    plan_count = 0
    for spec in EDITIONS:
        edition = _load_edition(spec=spec, district=districts[spec.district_slug], today=today)
        plan_count += _load_plans(edition=edition, spec=spec, users=users, residents=residents, now=moment)
        if spec.slug in VOTES:
            votes.append(load_vote(edition=edition, spec=VOTES[spec.slug], users=users, now=moment))
        if spec.slug in PANELS:
            # The panel's draw runs in a child process while the next editions load.
            recruited.append(start_panel(edition=edition, spec=PANELS[spec.slug], users=users, now=moment))
        else:
            load_execution(edition=edition, users=users, now=moment)
        editions.append(edition)
    panels = [_after_the_draw(panel, users=users, now=moment) for panel in recruited]
    load_development(editions=editions, users=users, now=moment)
    load_notifications(editions=editions, now=moment)
    summary = DemoSummary(
        editions=tuple(editions),
        plan_count=plan_count,
        accounts=tuple(_describe(spec, districts) for spec in ACCOUNTS),
        password=DEMO_PASSWORD,
        votes=tuple(votes),
        panels=tuple(panels),
    )
    return summary, users


def _after_the_draw(recruited: RecruitedPanel, *, users: dict[str, User], now: datetime) -> LoadedPanel:
    """The panel drawn and published, its work sessions and decision, and what happened after it."""
    edition = recruited.edition
    panel = finish_panel(recruited)
    load_sessions(
        edition=edition,
        specs=SESSIONS.get(edition.slug, ()),
        facilitator=recruited.facilitator,
        official=users[staff(Role.OFFICIAL, edition.district.slug)],
    )
    if edition.slug in DECISIONS:
        load_panel_decision(
            edition=edition, spec=DECISIONS[edition.slug], facilitator=recruited.facilitator, now=now
        )
    load_execution(edition=edition, users=users, now=now)
    return panel


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
    return set_up_district(
        municipality=municipality,
        slug=spec.slug,
        name=spec.name,
        description=spec.description,
        translations=offered(DISTRICT_TEXTS.get(spec.slug)),
        neighbourhoods=[
            NeighbourhoodDetails(slug=hood.slug, name=hood.name, population=hood.population)
            for hood in spec.neighbourhoods
        ],
    )


def _load_accounts(*, districts: dict[str, District]) -> dict[str, User]:
    """Every demo account with the demo password, exactly its own staff role, and admin rights if due."""
    # One hash for all accounts: hashing is deliberately slow, and the demo must load in seconds.
    password_hash = make_password(DEMO_PASSWORD)
    staff_group = _load_staff_group()
    users: dict[str, User] = {}
    for spec in ACCOUNTS:
        user = set_up_account(
            email=spec.email,
            display_name=spec.display_name,
            password_hash=password_hash,
            is_staff=spec.uses_admin,
            is_superuser=spec.is_superuser,
            groups=[staff_group] if spec.uses_admin and not spec.is_superuser else [],
        )
        kept = []
        if spec.role is not None and spec.district_slug is not None:
            kept.append(grant_staff_role(user=user, district=districts[spec.district_slug], role=spec.role))
        revoke_staff_roles(user=user, keep=kept)
        users[spec.email] = user
    return users


def _load_staff_group() -> Group:
    wanted = {
        (app_label, f"{action}_{model}")
        for app_label, models in STAFF_GROUP_MODELS.items()
        for model in models
        for action in ("view", "add", "change")
    } | set(STAFF_GROUP_EXTRA)
    try:
        return set_up_group(name=STAFF_GROUP, permissions=wanted)
    except AccountError as error:
        raise DemoLoadError(f"{error.message} Run `manage.py migrate` first.") from error


def _load_edition(*, spec: EditionSpec, district: District, today: date) -> Edition:
    return set_up_edition(
        slug=spec.slug,
        district=district,
        settings={
            "name": spec.name,
            "year": spec.year,
            "introduction": spec.introduction,
            "total_budget_cents": spec.total_budget_cents,
            "max_plan_cost_cents": spec.max_plan_cost_cents,
            "unspent_money": spec.unspent_money,
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
            "translations": offered(EDITION_TEXTS.get(spec.slug)),
        },
        themes=[
            ThemeDetails(t.slug, t.name, t.description, translations=offered(THEME_TEXTS.get(t.slug)))
            for t in spec.themes
        ],
        sub_budgets=[
            SubBudgetDetails(
                amount_cents=sub.amount_cents,
                neighbourhood_slug=sub.neighbourhood_slug,
                theme_slug=sub.theme_slug,
            )
            for sub in spec.sub_budgets
        ],
        phases=_phase_dates(spec, today),
    )


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
            description=PHASE_TEXTS.get((spec.slug, span.kind), ("", {}))[0],
            translations=offered(PHASE_TEXTS.get((spec.slug, span.kind), ("", {}))[1]),
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


def _load_postcodes(*, district: District, lines: tuple[Line, ...]) -> None:
    """The district's postcode table, replaced as a whole (loading the demo again gives the same table)."""
    by_name = {n.name: n for n in district.neighbourhoods.all()}
    replace_postcode_table(
        district=district,
        lines=[
            PostcodeLine(postcode, by_name[name], street, first, last)
            for postcode, name, street, first, last in lines
        ],
    )
