"""The demo's citizens' panel: set-up, population figures, address list, invitations, the pool and its draw.

Generated from the edition's ``PanelSpec`` with random generators seeded by the edition's slug, so
every load generates the same pool. Each part is made only when the edition has none of it, so a
second load adds nothing (and keeps whatever a visitor changed). The rows are written in bulk rather
than through ``register_interest``: that refuses unless sign-up is open by the real clock, and the
demo's sign-up closed months ago. Invitations are drawn exactly as ``send_invitations`` draws them
(``random.Random(seed).sample`` over the uninvited addresses in id order), under the recorded seed.
"""

from __future__ import annotations

import hashlib
import hmac
import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.utils.text import slugify

from accounts.models import User
from common import codes
from deliberation.draw.services.draw import draw_panel, publish_draw
from deliberation.models import Draw, FeatureValue, Invitation, PanelSetup, Respondent
from deliberation.recruitment.features import AGE, GENDER
from deliberation.recruitment.services.features import ensure_default_features
from deliberation.recruitment.services.invitations import response_code_hash
from editions.models import Edition
from editions.phases import PhaseKind
from outreach.models import Address
from places.models import Neighbourhood

from ..content.panel_noord import PanelSpec
from ._common import audit_once, between, phase_of

DEMO_PANEL_KEY = b"buurtbudget-demo-panel-codes"
FIRST_NAMES = (
    "Anna",
    "Mohamed",
    "Sanne",
    "Fatima",
    "Jan",
    "Priya",
    "Kees",
    "Yasmina",
    "Lotte",
    "Ahmet",
    "Ria",
    "Dewi",
    "Bram",
    "Nadia",
    "Wim",
    "Esther",
    "Youssef",
    "Marieke",
    "Henk",
    "Aylin",
    "Tom",
    "Gerda",
    "Khadija",
    "Sem",
    "Ingrid",
    "Rachid",
    "Femke",
    "Jeroen",
    "Samira",
    "Joke",
    "Daan",
    "Iris",
)
LAST_NAMES = (
    "de Vries",
    "Bakker",
    "El Amrani",
    "Jansen",
    "Visser",
    "Yılmaz",
    "Smit",
    "Bouzid",
    "Mulder",
    "de Boer",
    "Pinas",
    "Kramer",
    "Öztürk",
    "Dekker",
    "van Dijk",
    "Brouwer",
    "Kartosen",
    "Hoekstra",
    "Meijer",
    "Ait Taleb",
    "de Jong",
    "Vos",
    "Sedney",
    "Postma",
)


@dataclass(frozen=True)
class LoadedPanel:
    """What ``load_panel`` leaves for the report."""

    edition: Edition
    respondents: int
    invitations: int
    drawn: bool


def demo_response_code(edition_slug: str, number: int) -> str:
    """The normalised response code of the demo's invitation ``number`` (real codes are random)."""
    digest = hmac.new(DEMO_PANEL_KEY, f"{edition_slug}:{number}".encode(), hashlib.sha256).digest()
    bits = int.from_bytes(digest[:10], "big")
    body = "".join(codes.ALPHABET[(bits >> (5 * i)) & 31] for i in reversed(range(codes.BODY_LENGTH)))
    return body + codes.check_symbol(body)


def load_panel(*, edition: Edition, spec: PanelSpec, users: dict[str, User], now: datetime) -> LoadedPanel:
    """Create what is missing of the edition's panel recruitment, then draw the panel if it can be."""
    facilitator = users[spec.facilitator]
    PanelSetup.objects.update_or_create(
        edition=edition,
        defaults={"panel_size": spec.panel_size, "availability_text": spec.availability_text},
    )
    ensure_default_features(edition)
    _set_population(edition, AGE, spec.age_population)
    _set_population(edition, GENDER, spec.gender_population)
    neighbourhoods = list(Neighbourhood.objects.filter(district=edition.district).order_by("pk"))
    rng = random.Random(f"panel:{edition.slug}")
    if not Address.objects.filter(edition=edition).exists():
        _save_addresses(edition, spec, neighbourhoods, rng)
    info = phase_of(edition, PhaseKind.INFORMATION)
    plans = phase_of(edition, PhaseKind.PLANS)
    sent_at = between(info.starts_at, info.ends_at, 0.1)
    if not Invitation.objects.filter(edition=edition).exists():
        _save_invitations(edition, spec, sent_at)
        audit_once(
            actor=facilitator,
            action="deliberation.invitations_sent",
            target=edition,
            edition=edition,
            at=sent_at,
            after={"batch": 1, "count": spec.invitations, "seed": spec.invitation_seed},
        )
        audit_once(
            actor=facilitator,
            action="deliberation.invitation_letters_destroyed",
            target=edition,
            edition=edition,
            at=sent_at + timedelta(days=1),
            after={"batch": 1},
        )
    if not Respondent.objects.filter(edition=edition).exists():
        _save_pool(edition, spec, neighbourhoods, rng, start=sent_at, end=min(plans.ends_at, now))
    drawn = _draw(edition, spec, facilitator)
    return LoadedPanel(
        edition=edition,
        respondents=Respondent.objects.filter(edition=edition).count(),
        invitations=Invitation.objects.filter(edition=edition).count(),
        drawn=drawn,
    )


def _set_population(edition: Edition, feature_key: str, figures: dict[str, int]) -> None:
    for value in FeatureValue.objects.filter(feature__edition=edition, feature__key=feature_key):
        if value.key in figures and value.population != figures[value.key]:
            value.population = figures[value.key]
            value.save(update_fields=["population"])


def _save_addresses(
    edition: Edition, spec: PanelSpec, neighbourhoods: list[Neighbourhood], rng: random.Random
) -> None:
    """The address list: each neighbourhood's share of the addresses follows its population."""
    total = sum(n.population or 0 for n in neighbourhoods) or 1
    rows = []
    for index, neighbourhood in enumerate(neighbourhoods):
        share = round(spec.addresses * (neighbourhood.population or 0) / total)
        streets = spec.streets.get(neighbourhood.slug, (f"{neighbourhood.name}straat",))
        postcode_digits = 1021 + index % 15
        letters = "AA"
        for position in range(share):
            street = streets[position % len(streets)]
            house = 1 + position // len(streets)
            if position % 20 == 0:
                letters = rng.choice("ABCDEGHJKLMNPRSTVWXZ") + rng.choice("ABCDEGHJKLMNPRSTVWXZ")
            rows.append(
                Address(
                    edition=edition,
                    street_address=f"{street} {house}",
                    postcode=f"{postcode_digits} {letters}",
                    neighbourhood=neighbourhood,
                    eligible_count=rng.choices((1, 2, 3, 4), weights=(0.35, 0.38, 0.16, 0.11))[0],
                )
            )
    Address.objects.bulk_create(rows, batch_size=1000, ignore_conflicts=True)


def _save_invitations(edition: Edition, spec: PanelSpec, sent_at: datetime) -> None:
    uninvited = list(Address.objects.filter(edition=edition).order_by("pk").values_list("pk", flat=True))
    chosen = random.Random(spec.invitation_seed).sample(uninvited, min(spec.invitations, len(uninvited)))
    Invitation.objects.bulk_create(
        (
            Invitation(
                edition=edition,
                address_id=pk,
                code_hash=response_code_hash(demo_response_code(edition.slug, number)),
                batch=1,
                sent_at=sent_at,
            )
            for number, pk in enumerate(chosen, start=1)
        ),
        batch_size=1000,
    )


def _weighted(rng: random.Random, population: dict[str, int], weights: dict[str, float]) -> str:
    keys = list(population)
    return rng.choices(keys, weights=[population[k] * weights.get(k, 1.0) for k in keys])[0]


def _save_pool(
    edition: Edition,
    spec: PanelSpec,
    neighbourhoods: list[Neighbourhood],
    rng: random.Random,
    *,
    start: datetime,
    end: datetime,
) -> None:
    """The respondents: most answered a letter, a few signed up on the open page."""
    invitations = list(
        Invitation.objects.filter(edition=edition).select_related("address__neighbourhood").order_by("pk")
    )
    answered = rng.sample(invitations, min(spec.responded, len(invitations)))
    by_population = {n.slug: n.population or 0 for n in neighbourhoods}
    entries: list[tuple[datetime, Invitation | None, str]] = []
    for invitation in answered:
        assert invitation.address is not None
        moment = between(start + timedelta(days=1), end, rng.random() ** 1.6)  # most answer early
        entries.append((moment, invitation, invitation.address.neighbourhood.slug))
    for _ in range(spec.open_sign_ups):
        moment = between(start, end, rng.random())
        entries.append((moment, None, _weighted(rng, by_population, {})))
    entries.sort(key=lambda entry: (entry[0], entry[1].pk if entry[1] else 0))
    respondents = []
    for number, (moment, answered_invitation, neighbourhood) in enumerate(entries, start=1):
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        email = f"{slugify(first)}.{slugify(last).replace('-', '')}.{number}@example.org"
        respondents.append(
            Respondent(
                edition=edition,
                invitation=answered_invitation,
                pool_id=f"P{number:03d}",
                features={
                    "neighbourhood": neighbourhood,
                    AGE: _weighted(rng, spec.age_population, spec.age_weights),
                    GENDER: _weighted(rng, spec.gender_population, spec.gender_weights),
                },
                available=rng.random() < spec.available_share,
                consent_at=moment,
                registered_at=moment,
                name=f"{first} {last}",
                email=email,
                phone=f"06{rng.randrange(10_000_000, 99_999_999)}" if rng.random() < 0.6 else "",
            )
        )
        if answered_invitation is not None:
            answered_invitation.responded_at = moment
    Respondent.objects.bulk_create(respondents, batch_size=500)
    Invitation.objects.bulk_update(
        [e[1] for e in entries if e[1] is not None], ["responded_at"], batch_size=500
    )


def _draw(edition: Edition, spec: PanelSpec, facilitator: User) -> bool:
    """Draw and publish the panel with the fixed seed, once, at moments in the review phase."""
    if Draw.objects.filter(edition=edition).exists():
        return True
    review = phase_of(edition, PhaseKind.REVIEW)
    drawn_at = between(review.starts_at, review.ends_at, 0.3)
    draw = draw_panel(edition=edition, by=facilitator, seed=spec.draw_seed, at=drawn_at)
    if draw.status != "done":
        return False
    publish_draw(draw=draw, by=facilitator, at=drawn_at + timedelta(days=2))
    return True
