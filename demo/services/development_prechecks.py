"""The demo's pre-check: the draft community garden in Nieuw-West 2027, looked at by the district's reviewer.

It goes through the pre-check services at the demo's moments (asked six days ago, answered two days
ago), so the notifications and the audit entry are the ones a real pre-check writes.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from accounts.models import Role, User
from editions.models import Edition
from proposals.models import Plan, PlanStatus
from review.models import CheckOutcome, PreCheck
from review.prechecks.services import NoteAnswer, answer_precheck, ask_precheck
from review.services import ensure_criteria

from ..content.accounts import staff

PLAN_TITLE = "Buurtmoestuin op het Confuciusplein"
QUESTION = (
    "Mogen we de moestuinbakken op het plein zetten, en kloppen onze kosten? "
    "We weten ook nog niet wie de bakken later onderhoudt."
)
SUMMARY = (
    "Een mooi plan dat goed past bij de buurt. Vraag op tijd toestemming voor de plek op het plein "
    "en maak een afspraak over het onderhoud na de zomer. De kosten voor de bakken zijn wat laag."
)
# Advice per criterion of the default checklist; a criterion the edition adds gets the last one.
ADVICE: dict[str, tuple[str, str]] = {
    "legal": (CheckOutcome.CONCERN, "Voor bakken op het plein is toestemming van het stadsdeel nodig."),
    "financial": (CheckOutcome.CONCERN, "Houten bakken kosten meestal meer dan € 150 per stuk."),
    "spatial": (CheckOutcome.OK, "Het plein is groot genoeg; houd de looproute naar de school vrij."),
    "maintenance": (CheckOutcome.NOT_OK, "Zoek twee buren die het water geven in de zomer regelen."),
    "public_benefit": (CheckOutcome.OK, "Buren van alle leeftijden kunnen meedoen."),
}
OTHER_ADVICE = (CheckOutcome.OK, "Geen opmerkingen.")


def load_prechecks(*, edition: Edition, users: dict[str, User], now: datetime) -> PreCheck | None:
    """The garden draft's pre-check, asked six days before ``now`` and answered two days before it.

    Skipped quietly when the edition has no such draft (the ideas' demo makes it) or it already has one."""
    plan = Plan.objects.filter(edition=edition, title=PLAN_TITLE, status=PlanStatus.DRAFT).first()
    if plan is None or PreCheck.objects.filter(plan=plan).exists():
        return None
    reviewer = users[staff(Role.REVIEWER, edition.district.slug)]
    precheck = ask_precheck(plan=plan, by=plan.initiator, question=QUESTION, at=now - timedelta(days=6))
    notes = {c.key: NoteAnswer(*ADVICE.get(c.key, OTHER_ADVICE)) for c in ensure_criteria(edition=edition)}
    return answer_precheck(
        precheck=precheck, by=reviewer, notes=notes, summary=SUMMARY, at=now - timedelta(days=2)
    )
