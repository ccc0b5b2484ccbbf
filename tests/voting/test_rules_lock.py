"""The ballot format and counting rule are locked once the first ballot exists: service, admin, database."""

from __future__ import annotations

import pytest
from django.db import DatabaseError, transaction
from django.test import Client

from accounts.models import Role
from editions.models import Edition
from tests import factories
from tests.refusals import refused
from voting.errors import VoteStateError
from voting.services.casting import cast_ballot, credential_for_code
from voting.services.rules import ballot_rules_locked, refuse_if_rules_locked


@pytest.fixture
def vote_with_a_ballot(db: None) -> Edition:
    edition, plans = factories.make_vote()
    _, code = factories.make_voter(edition=edition)
    credential = credential_for_code(edition=edition, code=code, client_ip="192.0.2.1")
    cast_ballot(edition=edition, credential=credential, ballot={"main": [plans[0].pk]})
    return edition


def test_rules_can_change_until_the_first_ballot(db: None) -> None:
    edition, _ = factories.make_vote()
    assert not ballot_rules_locked(edition)
    refuse_if_rules_locked(edition)
    edition.ballot_format = "knapsack"
    edition.save()


def test_the_service_refuses_once_a_ballot_exists(vote_with_a_ballot: Edition) -> None:
    refused(lambda: refuse_if_rules_locked(vote_with_a_ballot), "rules_locked", error=VoteStateError)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("ballot_format", "knapsack"),
        ("ballot_max_choices", 2),
        ("ballot_points", 5),
        ("aggregation_rule", "mes"),
        ("rule_satisfaction", "cardinality"),
    ],
)
def test_the_database_refuses_a_rule_change_once_a_ballot_exists(
    vote_with_a_ballot: Edition, field: str, value: object
) -> None:
    with pytest.raises(DatabaseError), transaction.atomic():
        Edition.objects.filter(pk=vote_with_a_ballot.pk).update(**{field: value})
    vote_with_a_ballot.refresh_from_db()
    assert getattr(vote_with_a_ballot, field) != value


def test_other_fields_still_change_after_the_first_ballot(vote_with_a_ballot: Edition) -> None:
    Edition.objects.filter(pk=vote_with_a_ballot.pk).update(introduction="Nieuwe tekst", min_age=18)
    vote_with_a_ballot.refresh_from_db()
    assert vote_with_a_ballot.introduction == "Nieuwe tekst"


def test_the_admin_shows_the_rules_read_only_with_a_message(vote_with_a_ballot: Edition) -> None:
    admin = factories.make_user(is_staff=True, is_superuser=True)
    client = Client()
    client.force_login(admin)
    page = client.get(f"/beheer/editions/edition/{vote_with_a_ballot.pk}/change/")
    assert page.status_code == 200
    html = page.content.decode()
    assert 'name="ballot_format"' not in html and 'name="aggregation_rule"' not in html
    assert "er is al gestemd" in html


def test_the_admin_form_still_has_the_rules_before_voting(db: None) -> None:
    edition, _ = factories.make_vote()
    admin = factories.make_staff(role=Role.ADMINISTRATOR, district=edition.district, is_staff=True)
    admin.is_superuser = True
    admin.save()
    client = Client()
    client.force_login(admin)
    html = client.get(f"/beheer/editions/edition/{edition.pk}/change/").content.decode()
    assert 'name="ballot_format"' in html
