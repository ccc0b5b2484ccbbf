"""load_demo: the Amsterdam demo loads in its intended phases, and loads again without duplicates.

What happened to the plans (likes, comments, revisions, reviews, shortlists) is tested in
``test_demo_activity.py``.
"""

from __future__ import annotations

from datetime import datetime
from io import StringIO
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.management import CommandError, call_command
from django.db.models import Model, Sum
from django.test import override_settings

from accounts.models import Role, StaffRole, User
from audit.models import AuditEntry
from deliberation.models import Draw, Feature, FeatureValue, Invitation, PanelMember, PanelSetup, Respondent
from demo.content import ACCOUNTS, DEMO_PASSWORD, EDITIONS, STAFF_GROUP
from demo.services import load_demo
from editions.models import Edition, Phase, SubBudget, Theme
from editions.timeline import timeline_of
from evaluation.models import (
    EditionEvidence,
    Lesson,
    PopulationFigure,
    PopulationImport,
    ProcessCost,
    Question,
    Response,
    Survey,
    SurveyInvitation,
    SurveyTicket,
)
from notifications.models import Notification
from outcomes.models import Count, CountSection
from outreach.models import Address
from places.models import District, Municipality, Neighbourhood
from proposals.models import (
    CoInitiator,
    Comment,
    CommentReport,
    CostLine,
    Like,
    Plan,
    PlanRevision,
    PlanStatus,
)
from proposals.selectors import public_plans
from review.models import (
    ChangeRequest,
    Review,
    ReviewCheck,
    ReviewCriterion,
    ShortlistEntry,
    ShortlistPublication,
    VerdictPublication,
)
from voting.models import Ballot, LetterBatch, PaperEntry, Voter

pytestmark = pytest.mark.django_db

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
INTENDED_PHASE = {
    "buurtbudget-nieuw-west-2027": "plans",
    "buurtbudget-zuidoost-2026": "decision",
    "buurtbudget-noord-2026": "execution",
    "buurtbudget-oost-2026": "evaluation",
    "buurtbudget-oost-2027": "support",
    "buurtbudget-west-2027": "review",
    "buurtbudget-zuid-2027": "shortlist",
    "buurtbudget-nieuw-west-2026": "result",
}
PILOTS = ("buurtbudget-nieuw-west-2027", "buurtbudget-zuidoost-2026", "buurtbudget-noord-2026")
FITTING_STATUSES = {
    "buurtbudget-nieuw-west-2027": {PlanStatus.DRAFT, PlanStatus.SUBMITTED},
    "buurtbudget-zuidoost-2026": {PlanStatus.FEASIBLE, PlanStatus.SHORTLISTED, PlanStatus.NOT_FEASIBLE},
    "buurtbudget-noord-2026": {
        PlanStatus.SELECTED,
        PlanStatus.IN_EXECUTION,
        PlanStatus.COMPLETED,
        PlanStatus.CANCELLED,  # its project was stopped
        PlanStatus.NOT_FEASIBLE,
    },
    "buurtbudget-oost-2026": {
        PlanStatus.SHORTLISTED,  # on the ballot, not chosen
        PlanStatus.IN_EXECUTION,
        PlanStatus.COMPLETED,
        PlanStatus.CANCELLED,  # its project was stopped
        PlanStatus.FEASIBLE,  # not on the panel's shortlist
        PlanStatus.NOT_FEASIBLE,
    },
    "buurtbudget-oost-2027": {PlanStatus.SUBMITTED},
    "buurtbudget-west-2027": {PlanStatus.IN_REVIEW, PlanStatus.CHANGES_REQUESTED},
    "buurtbudget-zuid-2027": {PlanStatus.FEASIBLE, PlanStatus.NOT_FEASIBLE},
    "buurtbudget-nieuw-west-2026": {PlanStatus.FEASIBLE, PlanStatus.SELECTED, PlanStatus.NOT_FEASIBLE},
}
# The editions with a vote in the demo have more plans than the others.
VOTED = ("buurtbudget-zuidoost-2026", "buurtbudget-nieuw-west-2026", "buurtbudget-oost-2026")
COUNTED: tuple[type[Model], ...] = (
    Municipality,
    District,
    Neighbourhood,
    Edition,
    Theme,
    SubBudget,
    Phase,
    Plan,
    CostLine,
    User,
    StaffRole,
    Group,
    CoInitiator,
    PlanRevision,
    Like,
    Comment,
    CommentReport,
    ReviewCriterion,
    Review,
    ReviewCheck,
    ChangeRequest,
    VerdictPublication,
    ShortlistEntry,
    ShortlistPublication,
    AuditEntry,
    Notification,
    Address,
    Voter,
    Ballot,
    PaperEntry,
    LetterBatch,
    Count,
    CountSection,
    PanelSetup,
    Feature,
    FeatureValue,
    Invitation,
    Respondent,
    Draw,
    PanelMember,
    # The learning programme: every row of the evaluation app.
    PopulationFigure,
    PopulationImport,
    Survey,
    Question,
    Response,
    SurveyTicket,
    SurveyInvitation,
    Lesson,
    ProcessCost,
    EditionEvidence,
)


def counts() -> dict[str, int]:
    return {model.__name__: model._default_manager.count() for model in COUNTED}


def test_loads_six_districts_of_amsterdam_with_their_neighbourhoods(demo: None) -> None:
    districts = District.objects.filter(municipality__slug="amsterdam")

    assert {d.slug: d.name for d in districts} == {
        "nieuw-west": "Nieuw-West",
        "zuidoost": "Zuidoost",
        "noord": "Noord",
        "oost": "Oost",
        "west": "West",
        "zuid": "Zuid",
    }
    for district in districts:
        neighbourhoods = list(district.neighbourhoods.all())
        assert len(neighbourhoods) >= 8
        assert all(n.population and n.population > 0 for n in neighbourhoods)
    assert Neighbourhood.objects.get(slug="geuzenveld").district.slug == "nieuw-west"
    assert Neighbourhood.objects.get(slug="bijlmer-centrum-d-f-h").name == "Bijlmer-Centrum (D, F, H)"
    assert Neighbourhood.objects.get(slug="amstel-iii-bullewijk").district.slug == "zuidoost"
    assert Neighbourhood.objects.get(slug="ijplein-vogelbuurt").district.slug == "noord"
    assert Neighbourhood.objects.get(slug="indische-buurt-oost").district.slug == "oost"
    assert Neighbourhood.objects.get(slug="zeeburgereiland-nieuwe-diep").name == "Zeeburgereiland/Nieuwe Diep"
    assert Neighbourhood.objects.get(slug="de-kolenkit").district.slug == "west"
    assert Neighbourhood.objects.get(slug="oude-pijp").district.slug == "zuid"


def test_each_edition_is_in_its_intended_phase_now(demo: None) -> None:
    editions = Edition.objects.filter(slug__in=INTENDED_PHASE)

    assert len(editions) == 8
    for edition in editions:
        current = timeline_of(edition).current
        assert current is not None, edition.slug
        assert current.phase.kind == INTENDED_PHASE[edition.slug]
        if edition.slug in PILOTS:
            assert edition.total_budget_cents == 50_000_000
        else:  # the districts that followed the pilots (Oost 2026 started small, with € 200,000)
            assert 20_000_000 <= edition.total_budget_cents <= 50_000_000


@pytest.mark.parametrize(
    "moment",
    [
        datetime(2027, 3, 28, 2, 30, tzinfo=ZoneInfo("UTC")),  # the night summer time starts
        datetime(2026, 10, 25, 23, 59, 30, tzinfo=AMSTERDAM),  # a minute before midnight, winter time
        datetime(2026, 12, 31, 23, 30, tzinfo=ZoneInfo("UTC")),  # already New Year in Amsterdam
        datetime(2029, 6, 15, 12, 0, tzinfo=AMSTERDAM),
    ],
)
def test_each_edition_is_in_its_intended_phase_whenever_it_is_loaded(moment: datetime) -> None:
    load_demo(now=moment)

    for edition in Edition.objects.filter(slug__in=INTENDED_PHASE):
        current = timeline_of(edition, at=moment).current
        assert current is not None and current.phase.kind == INTENDED_PHASE[edition.slug], edition.slug


def test_settings_vary_across_the_editions(demo: None) -> None:
    editions = list(Edition.objects.filter(slug__in=INTENDED_PHASE))

    assert {e.decision_model for e in editions} == {"online_vote", "panel", "hybrid"}
    assert {e.ballot_format for e in editions} == {"approval", "knapsack", "cumulative"}
    assert {e.aggregation_rule for e in editions} >= {"greedy", "mes", "phragmen"}
    assert sorted(e.min_age for e in editions) == [12, 12, 16, 16, 16, 16, 16, 16]
    noord = Edition.objects.get(slug="buurtbudget-noord-2026")
    assert (noord.decision_model, noord.aggregation_rule) == ("panel", "mes")
    nieuw_west = Edition.objects.get(slug="buurtbudget-nieuw-west-2027")
    assert (nieuw_west.ballot_max_choices, nieuw_west.support_threshold) == (5, 50)
    assert {p.kind for p in Edition.objects.get(slug="buurtbudget-zuidoost-2026").phases.all()} >= {
        "shortlist"
    }
    oost = Edition.objects.get(slug="buurtbudget-oost-2027")
    assert oost.support_threshold == 15
    assert (oost.decision_model, oost.hybrid_order) == ("hybrid", "vote_then_panel")
    west = Edition.objects.get(slug="buurtbudget-west-2027")
    assert (west.decision_model, west.hybrid_order) == ("hybrid", "panel_then_vote")
    zuid = Edition.objects.get(slug="buurtbudget-zuid-2027")
    assert zuid.shortlist_size == 8


def test_sub_budgets_add_up_to_the_edition_budget(demo: None) -> None:
    nieuw_west = Edition.objects.get(slug="buurtbudget-nieuw-west-2027")
    zuidoost = Edition.objects.get(slug="buurtbudget-zuidoost-2026")

    for edition in (nieuw_west, zuidoost):
        total = edition.sub_budgets.aggregate(total=Sum("amount_cents"))["total"]
        assert total == edition.total_budget_cents
    assert nieuw_west.sub_budgets.filter(theme__isnull=False).count() == 0
    assert nieuw_west.sub_budgets.count() == nieuw_west.district.neighbourhoods.count()
    assert zuidoost.sub_budgets.filter(neighbourhood__isnull=False).count() == 0
    assert zuidoost.sub_budgets.count() == zuidoost.themes.count()


def test_about_a_hundred_plans_each_with_cost_lines_within_the_edition_maximum(demo: None) -> None:
    plans = Plan.objects.select_related("edition").annotate(cost=Sum("cost_lines__amount_cents"))

    assert 110 <= len(plans) <= 122
    for slug in INTENDED_PHASE:
        if slug not in PILOTS and slug not in VOTED:
            assert 10 <= plans.filter(edition__slug=slug).count() <= 12, slug
    assert 18 <= plans.filter(edition__slug="buurtbudget-nieuw-west-2026").count() <= 24
    assert plans.filter(edition__slug="buurtbudget-oost-2026").count() == 14
    for plan in plans:
        assert 2 <= plan.cost_lines.count() <= 5, plan.title
        assert 0 < plan.cost <= plan.edition.max_plan_cost_cents, plan.title


def test_plans_belong_to_their_edition_district_and_themes(demo: None) -> None:
    for plan in Plan.objects.select_related("edition", "theme", "neighbourhood"):
        assert plan.theme.edition_id == plan.edition_id
        assert plan.neighbourhood is None or plan.neighbourhood.district_id == plan.edition.district_id
    assert Plan.objects.filter(neighbourhood__isnull=True).count() >= 3


def test_neighbourhood_plans_fit_their_neighbourhood_sub_budget(demo: None) -> None:
    for sub_budget in SubBudget.objects.filter(neighbourhood__isnull=False):
        plans = Plan.objects.filter(edition=sub_budget.edition, neighbourhood=sub_budget.neighbourhood)
        for plan in plans.annotate(cost=Sum("cost_lines__amount_cents")):
            assert plan.cost <= sub_budget.amount_cents, plan.title


def test_plan_statuses_fit_the_phase_of_their_edition(demo: None) -> None:
    for slug, statuses in FITTING_STATUSES.items():
        found = set(Plan.objects.filter(edition__slug=slug).values_list("status", flat=True))
        assert found <= statuses, slug
        assert len(found) >= min(len(statuses), 2), slug
    drafts = Plan.objects.filter(status=PlanStatus.DRAFT)
    assert drafts.count() == 3  # bewoner@'s, a neighbour's, and the one made from an idea
    assert not public_plans().filter(pk__in=drafts).exists()


def test_plans_are_dated_within_the_plans_phase_and_before_now(demo: None) -> None:
    for plan in Plan.objects.select_related("edition"):
        plans_phase = plan.edition.phases.get(kind="plans")
        assert plans_phase.starts_at <= plan.created_at <= plans_phase.ends_at
        if plan.status == PlanStatus.DRAFT:
            assert plan.submitted_at is None
        else:
            assert plan.submitted_at is not None
            assert plan.created_at < plan.submitted_at <= min(plans_phase.ends_at, plan.updated_at)


def test_demo_rows_pass_model_validation(demo: None) -> None:
    for plan in Plan.objects.all():
        plan.full_clean()
    for cost_line in CostLine.objects.all():
        cost_line.full_clean()
    for edition in Edition.objects.all():
        edition.full_clean()


def test_every_district_has_an_account_for_every_role(demo: None) -> None:
    for district in District.objects.all():
        held = set(StaffRole.objects.filter(district=district).values_list("role", flat=True))
        assert held == set(Role.values), district.slug
    assert (
        User.objects.get(email="ambtenaar.nieuw-west@demo.buurtbudget.nl").staff_roles.get().role
        == "official"
    )


def test_only_officials_administrators_and_the_superuser_use_the_admin(demo: None) -> None:
    superuser = User.objects.get(email="beheer@demo.buurtbudget.nl")
    assert superuser.is_staff and superuser.is_superuser
    admin_users = set(User.objects.filter(is_staff=True, is_superuser=False).values_list("email", flat=True))
    assert admin_users == set(
        StaffRole.objects.filter(role__in=[Role.OFFICIAL, Role.ADMINISTRATOR]).values_list(
            "user__email", flat=True
        )
    )
    official = User.objects.get(email="ambtenaar.noord@demo.buurtbudget.nl")
    assert official.groups.filter(name=STAFF_GROUP).exists()
    assert official.has_perms(["editions.change_edition", "editions.add_phase", "proposals.change_plan"])
    assert official.has_perms(
        ["proposals.add_costline", "places.view_neighbourhood", "editions.change_subbudget"]
    )
    assert not official.has_perm("proposals.delete_plan")
    reviewer = User.objects.get(email="toetser.noord@demo.buurtbudget.nl")
    assert not reviewer.is_staff
    assert not reviewer.groups.exists()
    assert not User.objects.get(email="bewoner@demo.buurtbudget.nl").is_staff


def test_every_demo_account_logs_in_with_the_documented_password(demo: None) -> None:
    users = User.objects.filter(email__in=[account.email for account in ACCOUNTS])

    assert len(users) == len(ACCOUNTS) >= 6 * 5 + 1 + 30
    for user in users:
        assert user.is_active and user.check_password(DEMO_PASSWORD), user.email
        validate_password(DEMO_PASSWORD, user)


def test_loading_twice_neither_fails_nor_duplicates_anything_and_quiet_prints_nothing(demo: None) -> None:
    before = counts()
    out = StringIO()

    call_command("load_demo", "--quiet", stdout=out)

    assert out.getvalue() == ""
    assert counts() == before
    for edition in Edition.objects.filter(slug__in=INTENDED_PHASE):
        assert timeline_of(edition).current.phase.kind == INTENDED_PHASE[edition.slug]  # type: ignore[union-attr]


def test_loading_sends_no_email(mailoutbox: list[Any], django_capture_on_commit_callbacks: Any) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", "--quiet")

    assert Notification.objects.exists()
    assert mailoutbox == []


def test_loading_again_restores_the_demo_plans_and_password(demo: None) -> None:
    plan = Plan.objects.get(title="Moestuin De Groene Akker in Geuzenveld")
    plan.cost_lines.all().delete()
    CostLine.objects.create(plan=plan, description="Iets anders", amount_cents=1)
    Plan.objects.filter(pk=plan.pk).update(status=PlanStatus.WITHDRAWN)
    user = User.objects.get(email="bewoner@demo.buurtbudget.nl")
    user.set_password("een-ander-wachtwoord")
    user.save()

    call_command("load_demo", "--quiet")

    plan.refresh_from_db()
    assert plan.status == PlanStatus.SUBMITTED
    assert plan.cost_lines.count() == 5
    assert not plan.cost_lines.filter(description="Iets anders").exists()
    user.refresh_from_db()
    assert user.check_password(DEMO_PASSWORD)


def test_output_lists_the_accounts_password_and_addresses(tmp_path: Path) -> None:
    out = StringIO()

    with override_settings(BASE_DIR=tmp_path):
        call_command("load_demo", stdout=out)

    text = out.getvalue()
    assert DEMO_PASSWORD in text
    assert "http://127.0.0.1:8000/stemmen/buurtbudget-zuidoost-2026/" in text
    assert (tmp_path / "var" / "demo-codes.txt").read_text() in text
    assert "http://127.0.0.1:8000/" in text and "http://127.0.0.1:8000/beheer/" in text
    for account in ACCOUNTS:
        assert account.email in text
    for edition in EDITIONS:
        assert edition.name in text


@override_settings(SETTINGS_MODULE="config.settings.prod")
def test_refuses_production_settings_unless_asked() -> None:
    before = counts()
    with pytest.raises(CommandError):
        call_command("load_demo", "--quiet")
    assert counts() == before

    call_command("load_demo", "--quiet", "--allow-production")
    assert Edition.objects.count() == len(EDITIONS)


@override_settings(LANGUAGE_CODE="en")
def test_both_hybrid_orders_show_both_steps_on_the_timeline(demo: None) -> None:
    def steps(slug: str) -> list[str]:
        entries = timeline_of(Edition.objects.get(slug=slug)).entries
        return [e.label for e in entries if e.phase.kind in {"shortlist", "decision", "panel"}]

    assert steps("buurtbudget-west-2027") == [
        "Shortlist by the citizens' panel",
        "Vote on the panel's shortlist",
    ]
    assert steps("buurtbudget-oost-2027") == ["Vote (advice to the panel)", "Decision by the citizens' panel"]
