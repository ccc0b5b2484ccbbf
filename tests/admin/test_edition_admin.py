"""The one Edition admin, composed in backoffice from each app's part and registered once."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import translation

from accounts.models import Role, User
from backoffice.editions import EditionAdmin
from deliberation.models import PanelBallot, PanelVote
from editions.models import BALLOT_RULE_FIELDS, Edition
from places.models import District
from review.admin import ReviewCriterionInline
from voting.services.casting import cast_ballot, credential_for_code

from .. import factories

NOTICE = "The ballot format and counting rule can no longer change: ballots have been cast."


def _readonly(edition: Edition, user: User) -> list[str]:
    request = RequestFactory().get("/")
    request.user = user
    return list(admin.site.get_model_admin(Edition).get_readonly_fields(request, edition))


@pytest.fixture
def official(district: District) -> User:
    return factories.make_staff(role=Role.OFFICIAL, district=district, is_staff=True)


def test_the_edition_admin_is_the_composed_one_with_the_review_checklist() -> None:
    model_admin = admin.site.get_model_admin(Edition)
    assert isinstance(model_admin, EditionAdmin)
    assert any(issubclass(inline, ReviewCriterionInline) for inline in model_admin.inlines)


@pytest.mark.django_db
def test_ballots_of_the_vote_lock_the_ballot_rules_and_the_page_says_why(
    client: Client, official: User, district: District
) -> None:
    edition, plans = factories.make_vote(district=district)
    assert not set(BALLOT_RULE_FIELDS) & set(_readonly(edition, official))
    _, code = factories.make_voter(edition=edition)
    credential = credential_for_code(edition=edition, code=code, client_ip="192.0.2.1")
    cast_ballot(edition=edition, credential=credential, ballot={"main": [plans[0].pk]})
    assert set(BALLOT_RULE_FIELDS) <= set(_readonly(edition, official))
    client.force_login(official)
    with translation.override("en"):
        url = reverse("admin:editions_edition_change", args=[edition.pk])
    assert NOTICE in client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()


@pytest.mark.django_db
def test_ballots_of_the_panel_lock_the_ballot_rules_too(official: User, district: District) -> None:
    edition, plans = factories.make_vote(district=district, decision_model="panel")
    vote = PanelVote.objects.create(edition=edition, opened_by=official)
    assert not set(BALLOT_RULE_FIELDS) & set(_readonly(edition, official))
    PanelBallot.objects.create(vote=vote, content={"main": [plans[0].pk]})
    assert set(BALLOT_RULE_FIELDS) <= set(_readonly(edition, official))
