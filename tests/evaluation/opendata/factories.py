"""A small edition for the open data tests: a published vote whose winners are projects with money moved,
people with names that must never leave, and hand-made evidence stored as the evidence part would."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from django.utils import timezone

from accounts.models import User
from editions.models import Edition
from evaluation.evidence import EVIDENCE_VERSION
from evaluation.models import EditionEvidence
from execution.ledger.services.expenses import report_expense
from execution.ledger.services.payments import record_payment
from execution.models import Expense, Project
from outcomes.models import Count
from outcomes.services import publish_result
from proposals.models import Plan, PlanStatus
from review.models import Review
from tests.execution.ledger.receipts import photo_receipt
from tests.factories import (
    make_co_initiator,
    make_likes,
    make_neighbourhood,
    make_plan,
    make_review,
    make_user,
)
from tests.outcomes.factories import make_closed_vote, make_count, make_official

INTERNAL_REMARK = "Intern: de buurman van Van Oordt-Zeldenrust belt elke dag"
PAYMENT_REFERENCE = "FACTUUR-ZELDENRUST-4711"
DRAFT_TITLE = "Geheim concept van de familie Rietveld-Oosterhuis"


@dataclass
class OpenEdition:
    """The edition, its four ballot plans (costs 40k, 30k, 20k, 10k euro on a 60k budget), the count,
    the two projects (plans 0 and 2), the payment and expense, and what must never appear."""

    edition: Edition
    plans: list[Plan]
    count: Count | None
    projects: list[Project] = field(default_factory=list)
    secrets: list[str] = field(default_factory=list)


def _name_people(plans: list[Plan]) -> list[str]:
    """Give every initiator a distinctive name, e-mail address and public name."""
    secrets = []
    for i, plan in enumerate(plans):
        user = plan.initiator
        user.display_name = f"Wilhelmina Zeldenrust-{i}"
        user.email = f"w.zeldenrust.{i}@geheim.example"
        user.save()
        plan.public_name = f"Mina Z{i} van het Plein"
        plan.save(update_fields=["public_name"])
        secrets += [user.display_name, user.email, plan.public_name]
    return secrets


def _review(plan: Plan, reviewer: User, **fields: Any) -> Review:
    review: Review = make_review(plan=plan, verdict="feasible", reviewer=reviewer, **fields)
    review.internal_remarks = INTERNAL_REMARK
    review.published_at = timezone.now() - timedelta(days=20)
    review.save()
    review.reviewers.add(reviewer)
    return review


def make_open_edition(*, publish: bool = True) -> OpenEdition:
    """Ballots [0], [0, 2], [0, 2], [1]: greedy chooses plan 0 (3 votes), then plan 2 (2 votes); plan 1
    (1 vote, 30k) no longer fits. With ``publish`` the result is published and the projects opened, else
    the count waits for a publication date a week ahead."""
    edition, plans = make_closed_vote(choices=[(0,), (0, 2), (0, 2), (1,)])
    neighbourhood = make_neighbourhood(district=edition.district, name="Oosterbuurt")
    Plan.objects.filter(pk=plans[0].pk).update(neighbourhood=neighbourhood)
    secrets = [*_name_people(plans), INTERNAL_REMARK, PAYMENT_REFERENCE, DRAFT_TITLE]
    official = make_official(edition)
    reviewer = make_user(display_name="Toetser Gijsbrecht Vlasblom", email="g.vlasblom@stadsdeel.example")
    _review(plans[0], reviewer, public_explanation="Past in het beleid.")
    _review(plans[3], reviewer, adjusted_cost_cents=1_200_000, cost_change_reason="Hogere huur.")
    Plan.objects.filter(pk=plans[3].pk).update(reviewed_cost_cents=1_200_000)
    make_likes(plan=plans[0], count=3)
    helper = make_co_initiator(plan=plans[0], email="koos.mede@geheim.example")
    make_plan(edition=edition, title=DRAFT_TITLE, status=PlanStatus.DRAFT)
    make_plan(edition=edition, title="Ingetrokken bankje", status=PlanStatus.WITHDRAWN, costs=(50_000,))
    secrets += [reviewer.display_name, reviewer.email, helper.email, official.email, official.display_name]
    if not publish:
        edition.results_publish_at = timezone.now() + timedelta(days=7)
        edition.save()
        return OpenEdition(edition, plans, make_count(edition=edition, by=official), secrets=secrets)
    count = make_count(edition=edition, by=official)
    publish_result(count=count, by=official, notify_initiators=False)
    projects = [Project.objects.get(plan=plans[0]), Project.objects.get(plan=plans[2])]
    expense = _move_money(projects[0], official)
    return OpenEdition(edition, plans, count, projects, [*secrets, expense.receipt.name])


def _move_money(project: Project, official: User) -> Expense:
    """A payment of 10,000 euro with a reference, and an expense of 24 euro with a receipt."""
    line = project.lines.get()
    today = timezone.localdate()
    record_payment(line=line, by=official, amount_cents=1_000_000, paid_on=today, reference=PAYMENT_REFERENCE)
    receipt = photo_receipt()
    return report_expense(
        line=line,
        by=project.plan.initiator,
        amount_cents=24_00,
        spent_on=today,
        description="Potgrond",
        receipt=receipt,
        receipt_size=len(receipt.getvalue()),
    )


def evidence_document(slug: str) -> dict[str, Any]:
    """Participation and surveys as the evidence part stores them (only the sections the package reads)."""
    counts = {"submitters": 4, "supporters": 3, "voters_online": 3, "voters_paper": 1, "respondents": 0}
    return {
        "participation": {
            "neighbourhoods": [
                {"slug": slug, "name": "Oosterbuurt", "eligible": 1200, **counts, "members": 0}
            ],
            "totals": {"eligible": 5000, **counts, "members": 0},
            "groups": {
                "age_band": [
                    {
                        "key": "16-24",
                        "label": "16–24",
                        "eligible": 700,
                        "respondents": 0,
                        "members": 0,
                        "voter_answers": None,
                    },
                    {
                        "key": "25-39",
                        "label": "25–39",
                        "eligible": 1800,
                        "respondents": 0,
                        "members": 0,
                        "voter_answers": 12,
                    },
                ],
                "gender": [
                    {
                        "key": "vrouw",
                        "label": "vrouw",
                        "eligible": 2600,
                        "respondents": 0,
                        "members": 0,
                        "voter_answers": 11,
                    },
                ],
            },
        },
        "surveys": [
            {
                "kind": "voter",
                "title": "Na het stemmen",
                "responses": 14,
                "questions": [
                    {
                        "key": "tevreden",
                        "text": "Hoe tevreden bent u?",
                        "kind": "scale",
                        "role": "satisfaction",
                        "answers": 14,
                        "suppressed": False,
                        "mean": 3.5,
                        "distribution": [
                            {"key": str(v), "label": str(v), "count": n}
                            for v, n in ((1, 1), (2, 2), (3, 3), (4, 5), (5, 3))
                        ],
                    },
                    {
                        "key": "leeftijd",
                        "text": "Uw leeftijd",
                        "kind": "single",
                        "role": "age_band",
                        "answers": 6,
                        "suppressed": True,
                        "mean": None,
                        "distribution": [],
                    },
                    {
                        "key": "eerste-keer",
                        "text": "Eerste keer?",
                        "kind": "single",
                        "role": "first_time",
                        "answers": 9,
                        "suppressed": False,
                        "mean": None,
                        "distribution": [{"key": "ja", "label": "Ja", "count": 9}],
                    },
                ],
            }
        ],
    }


def store_evidence(edition: Edition) -> EditionEvidence:
    slug = edition.district.neighbourhoods.get(name="Oosterbuurt").slug
    row, _created = EditionEvidence.objects.update_or_create(
        edition=edition, defaults={"version": EVIDENCE_VERSION, "data": evidence_document(slug)}
    )
    return row


def unzip(content: bytes) -> dict[str, bytes]:
    """Every file of a zip by its path."""
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}
