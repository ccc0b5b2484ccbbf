"""Panel factories: an edition with neighbourhood / age band / gender features, and a pool of respondents."""

from __future__ import annotations

import random
from collections.abc import Sequence

from django.utils import timezone

from accounts.models import Role, User
from deliberation.models import Feature, FeatureValue, PanelSetup, Respondent
from editions.models import Edition
from tests import factories

# feature key → (name, [(value key, label, population)])
FEATURES: dict[str, tuple[str, list[tuple[str, str, int]]]] = {
    "buurt": (
        "Buurt",
        [
            ("slotervaart", "Slotervaart", 4000),
            ("osdorp", "Osdorp", 3000),
            ("geuzenveld", "Geuzenveld", 3000),
        ],
    ),
    "leeftijd": (
        "Leeftijd",
        [
            ("16-24", "16–24 jaar", 1500),
            ("25-44", "25–44 jaar", 3500),
            ("45-64", "45–64 jaar", 3000),
            ("65", "65+", 2000),
        ],
    ),
    "gender": ("Gender", [("vrouw", "Vrouw", 5000), ("man", "Man", 4800), ("anders", "Anders", 200)]),
}


def make_panel_edition(
    *, phase: str = "review", panel_size: int = 8, algorithm: str = "maximin", **fields: object
) -> Edition:
    """An edition now in ``phase`` with the three features, their population figures and a panel set-up."""
    edition = factories.make_edition_in_phase(phase, **fields)
    PanelSetup.objects.create(edition=edition, panel_size=panel_size, algorithm=algorithm)
    for position, (key, (name, values)) in enumerate(FEATURES.items()):
        feature = Feature.objects.create(edition=edition, key=key, name=name, position=position)
        FeatureValue.objects.bulk_create(
            FeatureValue(feature=feature, key=vkey, label=label, population=population, position=i)
            for i, (vkey, label, population) in enumerate(values)
        )
    return edition


def make_pool(edition: Edition, *, size: int, seed: int = 1, skip: Sequence[str] = ()) -> list[Respondent]:
    """``size`` respondents whose features follow the population figures (seeded), with contact details."""
    rng = random.Random(seed)
    now = timezone.now()
    people = []
    start = Respondent.objects.filter(edition=edition).count()
    for i in range(start, start + size):
        features = {}
        for key, (_, values) in FEATURES.items():
            if key in skip:
                continue
            features[key] = rng.choices([v[0] for v in values], weights=[v[2] for v in values])[0]
        people.append(
            Respondent(
                edition=edition,
                pool_id=f"P{i + 1:04d}",
                features=features,
                consent_at=now,
                name=f"Deelnemer {i + 1}",
                email=f"deelnemer{i + 1}@example.org",
                phone=f"06-{i + 1:08d}",
            )
        )
    return Respondent.objects.bulk_create(people)


def make_facilitator(edition: Edition) -> User:
    return factories.make_staff(role=Role.FACILITATOR, district=edition.district)
