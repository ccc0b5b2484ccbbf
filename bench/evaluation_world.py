"""The learning programme's benchmark data: ten finished editions of one municipality, made in bulk.

Rows are written directly (bulk_create), not through the services (bench code, not the demo), except
the published counts: the ballots' choices are written as the edition's .pb file by the outcome
engine and counted by ``outcomes.services.counting`` exactly as a real count stores its sections.
At ``scale`` 1: eight voting editions of 125,000 voters and ballots each (1,000,000 in all) and two
panel editions, 300 plans per edition of which the chosen ones (about 2,000) are projects, with a
blocker, a help request, two payments and an expense each. Sealed ballots are fixed-size blobs.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from accounts.models import User
    from editions.models import Edition
    from places.models import District

VOTERS_PER_EDITION = 125_000
PLANS_PER_EDITION = 300
NEIGHBOURHOODS = 12
BATCH = 20_000
SEALED = bytes(range(96))  # what a sealed ballot weighs; its content is never read here
# Each phase's length in days; the editions are a month into their evaluation phase.
PHASE_DAYS = {
    "information": 30, "plans": 60, "support": 20, "review": 45, "shortlist": 25, "decision": 21,
    "panel": 21, "result": 14, "execution": 365, "evaluation": 90,
}  # fmt: skip


@dataclass(frozen=True)
class EditionPlan:
    district: int
    year: int
    model: str
    hybrid_order: str = ""
    rule: str = "mes"


# Five districts, two editions each: every decision model and both hybrid orders, over two years.
EDITIONS: tuple[EditionPlan, ...] = (
    EditionPlan(0, 2025, "online_vote"),
    EditionPlan(0, 2026, "online_vote", rule="greedy"),
    EditionPlan(1, 2025, "panel"),
    EditionPlan(1, 2026, "hybrid", "panel_then_vote"),
    EditionPlan(2, 2025, "online_vote", rule="phragmen"),
    EditionPlan(2, 2026, "hybrid", "vote_then_panel"),
    EditionPlan(3, 2025, "hybrid", "panel_then_vote"),
    EditionPlan(3, 2026, "panel"),
    EditionPlan(4, 2025, "online_vote"),
    EditionPlan(4, 2026, "hybrid", "vote_then_panel", rule="greedy"),
)


def build(*, scale: float = 1.0, seed: int = 15) -> list[Edition]:
    """Make the municipality's districts, editions, plans, votes, counts and projects; the editions."""
    from accounts.models import Role
    from tests import factories

    rng = random.Random(seed)
    municipality = factories.make_municipality()
    districts = [_district(municipality, number, rng) for number in range(5)]
    officials = [factories.make_staff(role=Role.OFFICIAL, district=d) for d in districts]
    initiators = _users(200)
    editions = []
    for number, spec in enumerate(EDITIONS):
        edition = _edition(spec, districts[spec.district], number)
        plans = _plans(edition, initiators, rng, max(20, round(PLANS_PER_EDITION * scale)))
        _set_budget(edition)
        official = officials[spec.district]
        if spec.model == "panel":
            chosen = _panel_choice(plans, edition.total_budget_cents)
        else:
            chosen = _vote(edition, plans, official, rng, round(VOTERS_PER_EDITION * scale))
        _projects(edition, [p for p in plans if p.pk in chosen], official, rng)
        editions.append(edition)
    return editions


def _district(municipality: Any, number: int, rng: random.Random) -> District:
    from places.models import District, Neighbourhood

    district = District.objects.create(
        municipality=municipality, name=f"Bench-stadsdeel {number + 1}", slug=f"bench-stadsdeel-{number + 1}"
    )
    Neighbourhood.objects.bulk_create(
        Neighbourhood(
            district=district,
            name=f"Buurt {number + 1}.{i + 1}",
            slug=f"buurt-{number + 1}-{i + 1}",
            population=rng.randrange(4_000, 22_000),
        )
        for i in range(NEIGHBOURHOODS)
    )
    return district


def _users(count: int) -> list[User]:
    from django.contrib.auth.hashers import make_password

    from accounts.models import User

    unusable = make_password(None)
    return User.objects.bulk_create(
        User(email=f"bench{i}@example.org", display_name=f"Bench {i}", password=unusable)
        for i in range(count)
    )


def _edition(spec: EditionPlan, district: District, number: int) -> Edition:
    from editions.models import Theme
    from tests import factories

    edition = factories.make_edition(
        phases=_phases(spec),
        district=district,
        name=f"Buurtbudget {district.name} {spec.year}",
        year=spec.year,
        decision_model=spec.model,
        hybrid_order=spec.hybrid_order,
        ballot_format="approval",
        ballot_max_choices=5,
        aggregation_rule=spec.rule,
        total_budget_cents=2_000_000_000,
        max_plan_cost_cents=5_000_000,
        is_published=True,
    )
    Theme.objects.bulk_create(
        Theme(edition=edition, name=name, slug=name.lower())
        for name in ("Groen", "Sociaal", "Sport", "Cultuur", "Jeugd")
    )
    return edition


def _phases(spec: EditionPlan) -> list[tuple[str, Any, Any]]:
    """The whole chain of phases (the panel's own phase only where the public votes first)."""
    from django.utils import timezone

    from tests.factories import ALL_PHASE_KINDS, VOTE_THEN_PANEL_KINDS

    kinds = VOTE_THEN_PANEL_KINDS if spec.hybrid_order == "vote_then_panel" else ALL_PHASE_KINDS
    start = timezone.now() + timedelta(days=30 - sum(PHASE_DAYS[kind] for kind in kinds[:-1]))
    phases = []
    for kind in kinds:
        end = start + timedelta(days=PHASE_DAYS[kind])
        phases.append((kind, start, end))
        start = end
    return phases


def _starts(edition: Edition, kind: str) -> Any:
    return edition.phases.get(kind=kind).starts_at


def _plans(edition: Edition, initiators: list[User], rng: random.Random, count: int) -> list[Any]:
    """``count`` plans: a tenth not feasible, a twentieth withdrawn, the rest on the ballot."""

    from proposals.models import CostLine, Plan, PlanStatus

    themes = list(edition.themes.all())
    hoods = list(edition.district.neighbourhoods.all())
    on_ballot = PlanStatus.SHORTLISTED if edition.panel_shortlists else PlanStatus.FEASIBLE
    opened = _starts(edition, "plans")

    def status(i: int) -> str:
        return PlanStatus.NOT_FEASIBLE if i % 10 == 9 else PlanStatus.WITHDRAWN if i % 20 == 4 else on_ballot

    plans = Plan.objects.bulk_create(
        Plan(
            edition=edition,
            title=f"Plan {i:03d} van {edition.name}",
            summary="Een plan voor de buurt.",
            description="Wat we doen, voor wie en met wie.",
            theme=themes[i % len(themes)],
            neighbourhood=hoods[i % len(hoods)] if i % 7 else None,
            initiator=initiators[i % len(initiators)],
            public_name=f"Initiatiefnemer {i}",
            status=status(i),
            created_at=opened + timedelta(days=i % 50),
            submitted_at=opened + timedelta(days=i % 50 + rng.randrange(1, 9)),
        )
        for i in range(count)
    )
    CostLine.objects.bulk_create(
        CostLine(plan=plan, description=what, amount_cents=rng.randrange(200, 2_000) * 1_000, position=n)
        for plan in plans
        for n, what in enumerate(("Materiaal", "Activiteiten"))
    )
    return plans


def _set_budget(edition: Edition) -> None:
    """A budget of four fifths of what the plans on the ballot ask: about 200 of 255 are chosen."""
    from django.db.models import Sum

    from editions.models import Edition
    from proposals.models import CostLine, PlanStatus

    asked = CostLine.objects.filter(
        plan__edition=edition, plan__status__in=[PlanStatus.FEASIBLE, PlanStatus.SHORTLISTED]
    ).aggregate(total=Sum("amount_cents"))["total"]
    edition.total_budget_cents = int((asked or 0) * 0.8)
    edition.max_plan_cost_cents = min(edition.max_plan_cost_cents, edition.total_budget_cents)
    Edition.objects.filter(pk=edition.pk).update(
        total_budget_cents=edition.total_budget_cents, max_plan_cost_cents=edition.max_plan_cost_cents
    )


def _panel_choice(plans: list[Any], budget: int) -> set[int]:
    """A panel's consensus: plans on the ballot in order until the budget is spent."""
    from proposals.models import PlanStatus

    chosen, spent = set(), 0
    for plan in plans:
        cost = sum(line.amount_cents for line in plan.cost_lines.all())
        if plan.status == PlanStatus.FEASIBLE and spent + cost <= budget:
            chosen.add(plan.pk)
            spent += cost
    return chosen


def _voters(edition: Edition, rng: random.Random, count: int) -> Iterator[tuple[Any, Any]]:
    """(voter, ballot) rows: nine in ten online, the rest on paper; neighbourhoods by population."""
    from voting.models import Ballot, Channel, Voter, VoterKind

    hoods = list(edition.district.neighbourhoods.all())
    weights = [h.population or 1 for h in hoods]
    for i in range(count):
        secret = hashlib.sha256(f"{edition.slug}:{i}".encode()).hexdigest()
        voter = Voter(
            edition=edition,
            kind=VoterKind.CODE,
            neighbourhood=rng.choices(hoods, weights)[0],
            credential_hash=secret,
            channel=Channel.PAPER if rng.random() < 0.1 else Channel.ONLINE,
            ballots_cast=1,
        )
        yield voter, Ballot(edition=edition, slot=secret, sealed=SEALED, receipt=secret[:16])


def _vote(edition: Edition, plans: list[Any], official: User, rng: random.Random, count: int) -> set[int]:
    """Voters and sealed ballots in batches, then the published count of their choices; the winners."""
    from voting.models import Ballot, Voter

    rows = _voters(edition, rng, count)
    while batch := [row for _, row in zip(range(BATCH), rows, strict=False)]:
        Voter.objects.bulk_create([voter for voter, _ in batch])
        Ballot.objects.bulk_create([ballot for _, ballot in batch])
    return _count(edition, official, rng, count)


def _count(edition: Edition, official: User, rng: random.Random, voters: int) -> set[int]:
    """The count as ``outcomes`` stores it, of ``voters`` approval ballots favouring popular plans."""

    from ballots.sections import ballot_sections
    from outcomes import engine
    from outcomes.models import Count, CountSource, CountStatus
    from outcomes.services.counting import count_sections_of, store_result

    files = {}
    for section in [s for s in ballot_sections(edition) if s.plans]:
        ids = [str(p.pk) for p in section.plans]
        appeal = [rng.random() ** 3 for _ in ids]
        choices: list[engine.Choice] = [
            (tuple(sorted(set(rng.choices(ids, appeal, k=rng.randrange(1, 6))), key=int)), None)
            for _ in range(voters)
        ]
        pb = engine.section_file(edition, section, choices)
        files[section.key] = {"text": pb.text, "voters": pb.voters}
    count = Count.objects.create(
        edition=edition,
        source=CountSource.VOTE,
        status=CountStatus.RUNNING,
        started_by=official,
        ballot_files=files,
        **engine.counting_rule(edition),
    )
    results, durations = count_sections_of(count)
    store_result(count, results, durations)
    published = _starts(edition, "result") + timedelta(days=3)
    moments = {"started_at": published, "finished_at": published, "published_at": published}
    Count.objects.filter(pk=count.pk).update(**moments)
    return {int(pk) for r in results for pk in r.outcome["selected"]}


def _projects(edition: Edition, chosen: list[Any], official: User, rng: random.Random) -> None:
    """Projects of the chosen plans: a status, lines with money, a blocker, a help request, payments."""

    from execution.models import ChosenBy, Project, ProjectLine, ProjectStatus
    from proposals.models import Plan, PlanStatus

    opened = _starts(edition, "result") + timedelta(days=3)
    statuses = [ProjectStatus.COMPLETED] * 5 + [
        ProjectStatus.RUNNING,
        ProjectStatus.DELAYED,
        ProjectStatus.STOPPED,
    ]
    projects = []
    for plan in chosen:
        status = rng.choice(statuses)
        ended = opened + timedelta(days=rng.randrange(60, 370))
        projects.append(
            Project(
                plan=plan,
                edition=edition,
                contact=official,
                status=status,
                progress_percent=100 if status == ProjectStatus.COMPLETED else rng.randrange(0, 90),
                chosen_by=ChosenBy.PANEL if edition.panel_decides else ChosenBy.VOTE,
                chosen_because={"rule": edition.aggregation_rule},
                opened_at=opened,
                started_at=opened + timedelta(days=rng.randrange(10, 40)),
                completed_at=ended if status == ProjectStatus.COMPLETED else None,
                stopped_at=ended if status == ProjectStatus.STOPPED else None,
                stop_reason="Geen locatie gevonden." if status == ProjectStatus.STOPPED else "",
            )
        )
    Project.objects.bulk_create(projects)
    Plan.objects.filter(pk__in=[p.pk for p in chosen]).update(status=PlanStatus.IN_EXECUTION)
    lines = ProjectLine.objects.bulk_create(
        ProjectLine(
            project=project,
            cost_line=line,
            description=line.description,
            position=line.position,
            awarded_cents=line.amount_cents,
            paid_cents=line.amount_cents // 2,
            spent_cents=line.amount_cents // 3,
        )
        for project in projects
        for line in project.plan.cost_lines.all()
    )
    _obstacles_and_money(edition, projects, lines, official, rng)


def _obstacles_and_money(
    edition: Edition, projects: list[Any], lines: list[Any], official: User, rng: random.Random
) -> None:

    from execution.models import (
        AuthorSide,
        Blocker,
        BlockerCategory,
        Expense,
        HelpRequest,
        Payment,
        ReceiptKind,
    )

    owner = {p.pk: p.plan.initiator for p in projects}
    opened = [p.opened_at + timedelta(days=rng.randrange(10, 250)) for p in projects]
    Blocker.objects.bulk_create(
        Blocker(
            project=p,
            category=rng.choice(BlockerCategory.values),
            description="Een knelpunt.",
            side=AuthorSide.INITIATORS,
            opened_by=owner[p.pk],
            opened_at=at,
            resolved_by=official if i % 4 else None,
            resolved_at=at + timedelta(days=rng.randrange(1, 40)) if i % 4 else None,
            resolution="Opgelost." if i % 4 else "",
        )
        for i, (p, at) in enumerate(zip(projects, opened, strict=True))
    )
    HelpRequest.objects.bulk_create(
        HelpRequest(
            project=p,
            question="Een vraag aan het stadsdeel.",
            asked_by=owner[p.pk],
            asked_at=at,
            answer="Een antwoord." if i % 5 else "",
            answered_by=official if i % 5 else None,
            answered_at=at + timedelta(days=rng.randrange(1, 15)) if i % 5 else None,
        )
        for i, (p, at) in enumerate(zip(projects, opened, strict=True))
    )
    if not projects:
        return
    day = (projects[0].opened_at + timedelta(days=30)).date()
    Payment.objects.bulk_create(
        Payment(edition=edition, project=line.project, line=line, amount_cents=line.paid_cents,
                paid_on=day, reference=f"BB-{line.pk}", recorded_by=official)
        for line in lines
    )  # fmt: skip
    Expense.objects.bulk_create(
        Expense(project=line.project, line=line, amount_cents=line.spent_cents, spent_on=day,
                description="Inkoop", receipt=f"bench/{line.pk}.pdf", receipt_kind=ReceiptKind.PDF,
                reported_by=owner[line.project_id])
        for line in lines
    )  # fmt: skip
