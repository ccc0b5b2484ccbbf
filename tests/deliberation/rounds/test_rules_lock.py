"""Once the panel has cast a ballot in a round, the edition's ballot format and rule are locked too."""

from __future__ import annotations

import pytest
from django.db import DatabaseError, transaction
from django.test import Client

from accounts.models import Role
from deliberation.models import PanelBallot, PanelVote
from editions.models import Edition
from tests import factories

pytestmark = pytest.mark.django_db


def make_panel_vote(*, with_ballot: bool) -> Edition:
    edition, plans = factories.make_vote(decision_model="panel")
    facilitator = factories.make_staff(role=Role.FACILITATOR, district=edition.district)
    vote = PanelVote.objects.create(edition=edition, opened_by=facilitator)
    if with_ballot:
        PanelBallot.objects.create(vote=vote, content={"main": [plans[0].pk]})
    return edition


@pytest.mark.parametrize(("field", "value"), [("ballot_format", "knapsack"), ("aggregation_rule", "mes")])
def test_the_database_refuses_a_rule_change_once_the_panel_has_voted(field: str, value: str) -> None:
    edition = make_panel_vote(with_ballot=True)
    with pytest.raises(DatabaseError), transaction.atomic():
        Edition.objects.filter(pk=edition.pk).update(**{field: value})
    edition.refresh_from_db()
    assert getattr(edition, field) != value


def test_an_open_round_without_ballots_leaves_the_rules_free() -> None:
    edition = make_panel_vote(with_ballot=False)
    Edition.objects.filter(pk=edition.pk).update(ballot_format="knapsack")
    edition.refresh_from_db()
    assert edition.ballot_format == "knapsack"


def test_the_admin_shows_the_rules_read_only_once_the_panel_has_voted() -> None:
    edition = make_panel_vote(with_ballot=True)
    client = Client()
    client.force_login(factories.make_user(is_staff=True, is_superuser=True))
    html = client.get(f"/beheer/editions/edition/{edition.pk}/change/").content.decode()
    assert 'name="ballot_format"' not in html and 'name="aggregation_rule"' not in html
    assert 'name="introduction"' in html
