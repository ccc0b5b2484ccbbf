"""Voting where the citizens' panel alone decides (issue 12 §5): the vote never opens in such an edition.

Before, the phase declaration opened the vote in every edition's decision phase, so in a panel-only
edition the web page answered 404 but the API showed the ballot and ``cast_ballot`` stored one for
any valid code. With ``--database-url`` this module sets up such an edition (a plan, a voter with a
code) in the target's database, tries the API and the web page, checks that nothing was stored, and
removes what it made; with ``--option panel_edition=SLUG`` it only tries an existing edition's API.
The target must share the database (and ``BUURTBUDGET_VOTING_KEY``) given here.
"""

from __future__ import annotations

import json
import os
import secrets
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from .common import Finding, Target

ATTACK = "vote in a panel-only edition"


@dataclass(frozen=True)
class Setup:
    slug: str
    code: str
    plan_id: int
    ballots: Any  # () -> int: ballots and online marks stored for the edition


def _request(method: str, url: str, body: dict[str, Any] | None = None) -> tuple[int, dict[str, Any]]:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(
        url, data=data, method=method, headers={"Content-Type": "application/json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            status, text = response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        status, text = error.code, error.read().decode()
    try:
        return status, json.loads(text)
    except ValueError:
        return status, {}


def _django(database_url: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    import django
    from django.apps import apps

    if not apps.ready:
        django.setup()


@contextmanager
def _panel_edition(database_url: str) -> Iterator[Setup]:
    """A published panel-only edition now in its decision phase, with a plan and a voter's code."""
    _django(database_url)
    from editions.models import Edition
    from proposals.models import Plan, PlanStatus
    from tests import factories
    from voting.models import Ballot, Voter

    token = secrets.token_hex(4)
    made: list[Any] = []
    try:
        district = factories.make_district(name=f"Aanval {token}")
        made.append(district)
        edition = factories.make_edition_in_phase(
            "decision",
            district=district,
            name=f"Paneel aanval {token}",
            decision_model="panel",
            total_budget_cents=2_000_000,
            max_plan_cost_cents=2_000_000,
        )
        made.insert(0, edition)
        initiator = factories.make_user(email=f"aanval-{token}@example.org")
        made.append(initiator)
        plan = factories.make_plan(
            edition=edition,
            theme=factories.make_theme(edition=edition, name=f"Groen {token}"),
            initiator=initiator,
            status=PlanStatus.FEASIBLE,
            costs=(1_000_000,),
        )
        _voter, code = factories.make_voter(edition=edition)

        def ballots() -> int:
            stored = Ballot.objects.filter(edition=edition).count()
            return stored + Voter.objects.filter(edition=edition, ballots_cast__gt=0).count()

        yield Setup(slug=edition.slug, code=code, plan_id=plan.pk, ballots=ballots)
    finally:
        for thing in made:  # the edition first (its plans, voters and ballots go with it)
            if isinstance(thing, Edition):
                Ballot.objects.filter(edition=thing).delete()
                Voter.objects.filter(edition=thing).delete()
                Plan.objects.filter(edition=thing).delete()
            thing.delete()


def vote_in_a_panel_edition(target: Target) -> list[Finding]:
    slug = target.options.get("panel_edition")
    if target.database_url is None and not slug:
        return [
            Finding(
                ATTACK, held=True, skipped=True, detail="needs --database-url or --option panel_edition=SLUG"
            )
        ]
    if target.database_url is None:
        return _try(target, Setup(slug=str(slug), code="ABCD-EFGH-JKLM", plan_id=0, ballots=None))
    with _panel_edition(target.database_url) as setup:
        return _try(target, setup)


def _try(target: Target, setup: Setup) -> list[Finding]:
    api = f"{target.base_url}/api/v1/editions/{setup.slug}"
    findings = []
    status, body = _request("GET", f"{api}/ballot")
    findings.append(
        Finding(
            f"{ATTACK}: GET the ballot through the API",
            held=status == 409 and body.get("error") == "vote_not_open",
            detail=f"{status} {body.get('error', '')}",
        )
    )
    status, body = _request(
        "POST", f"{api}/ballots", {"code": setup.code, "ballot": {"main": [setup.plan_id]}}
    )
    stored = setup.ballots() if setup.ballots else 0
    findings.append(
        Finding(
            f"{ATTACK}: POST a ballot with a valid code through the API",
            held=status == 409 and body.get("error") == "vote_not_open" and stored == 0,
            detail=f"{status} {body.get('error', '')}, {stored} ballot(s) stored",
        )
    )
    page = f"{target.base_url}/stemmen/{setup.slug}/"
    try:
        with urllib.request.urlopen(page, timeout=20) as response:
            page_status = response.status
    except urllib.error.HTTPError as error:
        page_status = error.code
    findings.append(
        Finding(f"{ATTACK}: open the web ballot page", held=page_status == 404, detail=str(page_status))
    )
    return findings


ATTACKS = [vote_in_a_panel_edition]
