"""The published reviews of Nieuw-West 2026: most plans feasible, three not, each with its reasons."""

from __future__ import annotations

from accounts.models import Role

from .accounts import staff
from .plans_nieuw_west_2026 import PLANS
from .reviews import AFTER_CHANGES, CONCERN, FEASIBLE, NOT_FEASIBLE, NOT_OK, checks
from .specs import ReviewSpec, eur

REVIEWER = staff(Role.REVIEWER, "nieuw-west")

_NOT_FEASIBLE: tuple[ReviewSpec, ...] = (
    ReviewSpec(
        "Zwemsteiger in de Ringvaart bij Osdorp",
        REVIEWER,
        started=0.05,
        checks=checks(
            legal=(NOT_OK, "De Ringvaart is een vaarweg van het hoogheemraadschap; zwemmen is er verboden."),
            public_benefit=(CONCERN, "De waterkwaliteit wordt hier niet gemeten."),
        ),
        internal_remarks="Hoogheemraadschap Rijnland gebeld: geen vergunning voor een zwemsteiger.",
        verdict=NOT_FEASIBLE,
        recorded=0.4,
        public_explanation=(
            "De Ringvaart is een vaarweg van het hoogheemraadschap Rijnland. Zwemmen is er verboden "
            "vanwege de scheepvaart, en de waterkwaliteit wordt er niet gemeten, dus een zwemsteiger "
            "kan er niet komen. De officiële zwemplek aan de Sloterplas is twintig minuten lopen."
        ),
    ),
    ReviewSpec(
        "Gratis wifi op alle pleinen van Nieuw-West",
        REVIEWER,
        started=0.1,
        checks=checks(
            financial=(NOT_OK, "Het abonnement kost elk jaar geld; het buurtbudget betaalt eenmalig."),
            maintenance=(NOT_OK, "Geen beheerder voor de zenders na het eerste jaar."),
        ),
        verdict=NOT_FEASIBLE,
        recorded=0.45,
        public_explanation=(
            "Het buurtbudget betaalt eenmalige uitgaven. Wifi op de pleinen kost elk jaar opnieuw geld "
            "en vraagt een beheerder, en dat kan het stadsdeel niet voor twaalf pleinen toezeggen. "
            "De bibliotheken en buurthuizen in Nieuw-West hebben gratis wifi."
        ),
    ),
    ReviewSpec(
        "Drijvend terras op de Sloterplas",
        REVIEWER,
        started=0.1,
        checks=checks(
            legal=(NOT_OK, "Een vaste horecavoorziening op het water vraagt een bestemmingsplanwijziging."),
            maintenance=(CONCERN, "Onduidelijk wie het ponton in de winter beheert."),
        ),
        verdict=NOT_FEASIBLE,
        recorded=0.5,
        public_explanation=(
            "Op de Sloterplas mag volgens het bestemmingsplan geen vaste horeca op het water komen, en "
            "het waterschap staat een ponton van deze omvang niet toe. Een tijdelijk terras tijdens een "
            "evenement kan wel: de initiatiefnemer is in contact gebracht met het Zomerfestival."
        ),
    ),
)

_AFTER_CHANGES: tuple[ReviewSpec, ...] = (
    ReviewSpec(
        "Zomerfestival aan de Sloterplas",
        REVIEWER,
        started=0.15,
        checks=checks(
            legal=(CONCERN, "Evenementenvergunning: eindtijd 23.00 uur en een geluidsplan zijn voorwaarde."),
        ),
        verdict=AFTER_CHANGES,
        recorded=0.6,
        public_explanation=(
            "Haalbaar met een evenementenvergunning: de muziek stopt om 23.00 uur en er komt een "
            "geluidsplan. De initiatiefnemers hebben dat toegezegd."
        ),
    ),
    ReviewSpec(
        "Licht op het fietspad langs de Westlandgracht",
        REVIEWER,
        started=0.2,
        checks=checks(
            spatial=(CONCERN, "Vleermuizen langs de gracht: alleen amberkleurig licht met een sensor."),
        ),
        verdict=AFTER_CHANGES,
        recorded=0.55,
        public_explanation=(
            "Haalbaar met amberkleurige lampen die gedimd branden, zodat de vleermuizen langs de "
            "gracht er geen last van hebben. De lichtmasten kunnen op de bestaande kabel."
        ),
        adjusted_cost_cents=eur(27_500),
        cost_change_reason="Aansluiten op de bestaande kabel bespaart € 3.500.",
    ),
)

_SPECIAL = {spec.plan_title for spec in (*_NOT_FEASIBLE, *_AFTER_CHANGES)}

REVIEWS: tuple[ReviewSpec, ...] = (
    *(
        ReviewSpec(plan.title, REVIEWER, started=0.03 + i * 0.02, checks=checks(), verdict=FEASIBLE)
        for i, plan in enumerate(p for p in PLANS if p.title not in _SPECIAL)
    ),
    *_NOT_FEASIBLE,
    *_AFTER_CHANGES,
)
