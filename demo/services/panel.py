"""The demo's citizens' panel: set-up, population figures, address list, invitations, the pool and its draw.

Generated from the edition's ``PanelSpec`` with random generators seeded by the edition's slug, so
every load generates the same pool. Each part is made only when the edition has none of it, so a
second load adds nothing (and keeps whatever a visitor changed). Everything goes through the
services, told the demo's moments (``at=``): the address list is imported as the file an official
uploads; the invitations are recorded as letters printed elsewhere, with the codes
``demo_response_code`` gives, drawn under the recorded seed as ``send_invitations`` draws them; and
the pool is registered in one batch of rows (``register_respondents``), since ``register_interest``
refuses once sign-up closed and the demo's closed months ago.
"""

from __future__ import annotations

import hashlib
import hmac
import io
import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.utils.text import slugify

from accounts.models import User
from common import codes, csv_safe
from deliberation.draw.services.draw import StartedDraw, finish_draw, publish_draw, start_draw
from deliberation.models import Draw, FeatureValue, Invitation, Respondent
from deliberation.recruitment.features import AGE, GENDER
from deliberation.recruitment.services.features import ensure_default_features, set_population_figures
from deliberation.recruitment.services.invitations import record_printed_invitations
from deliberation.recruitment.services.pool_rows import PoolRow, register_respondents
from deliberation.recruitment.services.setup import set_up_panel
from editions.models import Edition
from editions.phases import Action
from outreach.models import Address
from places.models import Neighbourhood
from places.postcodes.format import UNUSED_POSTCODE_LETTERS as UNUSED
from voting.services.eligibility import import_addresses

from ..content.panel_noord import PanelSpec
from ._common import between, phase_of

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


@dataclass(frozen=True)
class RecruitedPanel:
    """A recruited panel whose draw may be running (``start_panel``); ``finish_panel`` completes it."""

    edition: Edition
    facilitator: User
    draw: StartedDraw | None  # None: the edition has its draw already


def start_panel(
    *, edition: Edition, spec: PanelSpec, users: dict[str, User], now: datetime
) -> RecruitedPanel:
    """Create what is missing of the edition's panel recruitment, then start drawing the panel.

    The draw's selection runs in a child process for seconds: the demo loads other editions
    meanwhile and then calls ``finish_panel``.
    """
    facilitator = users[spec.facilitator]
    recruiting = phase_of(edition, Action.RECRUIT_PANEL)
    plans = phase_of(edition, Action.SUBMIT_PLAN)
    sent_at = between(recruiting.starts_at, recruiting.ends_at, 0.1)
    set_up_panel(
        edition=edition,
        by=facilitator,
        panel_size=spec.panel_size,
        availability_text=spec.availability_text,
        at=recruiting.starts_at,
    )
    ensure_default_features(edition)
    set_population_figures(
        edition=edition, figures=_population(edition, spec), by=facilitator, at=sent_at - timedelta(days=7)
    )
    neighbourhoods = list(Neighbourhood.objects.filter(district=edition.district).order_by("pk"))
    rng = random.Random(f"panel:{edition.slug}")
    if not Address.objects.filter(edition=edition).exists():
        rows = _address_rows(spec, neighbourhoods, rng)
        import_addresses(
            edition=edition, file=_address_csv(rows), by=facilitator, at=sent_at - timedelta(days=3)
        )
    if not Invitation.objects.filter(edition=edition).exists():
        record_printed_invitations(
            edition=edition,
            response_codes=[demo_response_code(edition.slug, n) for n in range(1, spec.invitations + 1)],
            by=facilitator,
            seed=spec.invitation_seed,
            at=sent_at,
        )
    if not Respondent.objects.filter(edition=edition).exists():
        _register_pool(
            edition, spec, neighbourhoods, rng, by=facilitator, start=sent_at, end=min(plans.ends_at, now)
        )
    return RecruitedPanel(
        edition=edition, facilitator=facilitator, draw=_start_draw(edition, spec, facilitator)
    )


def finish_panel(panel: RecruitedPanel) -> LoadedPanel:
    """Store the started draw and publish the panel two days later, if it could be drawn."""
    edition = panel.edition
    if panel.draw is None:
        drawn = Draw.objects.filter(edition=edition).exists()
    else:
        draw = finish_draw(started=panel.draw)
        drawn = draw.status == "done"
        if drawn:
            publish_draw(draw=draw, by=panel.facilitator, at=panel.draw.moment + timedelta(days=2))
    return LoadedPanel(
        edition=edition,
        respondents=Respondent.objects.filter(edition=edition).count(),
        invitations=Invitation.objects.filter(edition=edition).count(),
        drawn=drawn,
    )


def _population(edition: Edition, spec: PanelSpec) -> dict[int, int]:
    """The spec's population figures of the age bands and genders, by feature value id."""
    figures = {AGE: spec.age_population, GENDER: spec.gender_population}
    return {
        value.pk: figures[value.feature.key][value.key]
        for value in FeatureValue.objects.filter(
            feature__edition=edition, feature__key__in=list(figures)
        ).select_related("feature")
        if value.key in figures[value.feature.key]
    }


def _address_rows(
    spec: PanelSpec, neighbourhoods: list[Neighbourhood], rng: random.Random
) -> list[tuple[str, str, str, int]]:
    """The address list: each neighbourhood's share of the addresses follows its population."""
    total = sum(n.population or 0 for n in neighbourhoods) or 1
    rows: dict[tuple[str, str], tuple[str, str, str, int]] = {}
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
            # Dutch postcodes never end in SA, SD or SS; the letters swap, the random stream stays.
            postcode = f"{postcode_digits} {letters if letters not in UNUSED else letters[::-1]}"
            eligible = rng.choices((1, 2, 3, 4), weights=(0.35, 0.38, 0.16, 0.11))[0]
            rows.setdefault(
                (postcode, f"{street} {house}"), (f"{street} {house}", postcode, neighbourhood.slug, eligible)
            )
    return list(rows.values())


def _address_csv(rows: list[tuple[str, str, str, int]]) -> bytes:
    """The address list as the file an official uploads (``import_addresses`` reads it)."""
    out = io.StringIO()
    writer = csv_safe.writer(out)
    writer.writerow(["address", "postcode", "neighbourhood", "eligible"])
    writer.writerows(rows)
    return out.getvalue().encode()


def _weighted(rng: random.Random, population: dict[str, int], weights: dict[str, float]) -> str:
    keys = list(population)
    return rng.choices(keys, weights=[population[k] * weights.get(k, 1.0) for k in keys])[0]


def _register_pool(
    edition: Edition,
    spec: PanelSpec,
    neighbourhoods: list[Neighbourhood],
    rng: random.Random,
    *,
    by: User,
    start: datetime,
    end: datetime,
) -> None:
    """The respondents: most answered a letter (with its code), a few signed up on the open page."""
    invitations = list(
        Invitation.objects.filter(edition=edition).select_related("address__neighbourhood").order_by("pk")
    )
    number_of = {invitation.pk: number for number, invitation in enumerate(invitations, start=1)}
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
    rows = []
    for number, (moment, answered_invitation, neighbourhood) in enumerate(entries, start=1):
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        features = {
            "neighbourhood": neighbourhood,
            AGE: _weighted(rng, spec.age_population, spec.age_weights),
            GENDER: _weighted(rng, spec.gender_population, spec.gender_weights),
        }
        available = rng.random() < spec.available_share
        phone = f"06{rng.randrange(10_000_000, 99_999_999)}" if rng.random() < 0.6 else ""
        rows.append(
            PoolRow(
                features=features,
                name=f"{first} {last}",
                email=f"{slugify(first)}.{slugify(last).replace('-', '')}.{number}@example.org",
                available=available,
                registered_at=moment,
                phone=phone,
                code=(
                    demo_response_code(edition.slug, number_of[answered_invitation.pk])
                    if answered_invitation
                    else None
                ),
            )
        )
    register_respondents(edition=edition, rows=rows, by=by, at=max(entry[0] for entry in entries))


def load_panel(*, edition: Edition, spec: PanelSpec, users: dict[str, User], now: datetime) -> LoadedPanel:
    """Recruit and draw the edition's panel in one go (``start_panel`` then ``finish_panel``)."""
    return finish_panel(start_panel(edition=edition, spec=spec, users=users, now=now))


def _start_draw(edition: Edition, spec: PanelSpec, facilitator: User) -> StartedDraw | None:
    """Start the draw with the fixed seed, 30% into the review phase, unless the edition has one."""
    if Draw.objects.filter(edition=edition).exists():
        return None
    review = phase_of(edition, Action.DRAW_PANEL)
    drawn_at = between(review.starts_at, review.ends_at, 0.3)
    return start_draw(edition=edition, by=facilitator, seed=spec.draw_seed, at=drawn_at)
