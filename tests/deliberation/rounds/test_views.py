"""The ballot-round pages: the facilitator's round, cards and tablet; the member's code, ballot, receipt."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from accounts.models import Role
from deliberation.models import BallotCard, PanelBallot, PanelVote
from deliberation.rounds.services import open_round
from tests import factories
from tests.deliberation.factories import make_deciding_panel

pytestmark = pytest.mark.django_db


def url(name: str, slug: str, **kwargs: object) -> str:
    with translation.override("en"):
        return reverse(f"deliberation:{name}", kwargs={"slug": slug, **kwargs})


def test_the_round_pages_are_for_the_districts_facilitator_only(client: Client) -> None:
    edition, _, _, _ = make_deciding_panel()
    other_district = factories.make_staff(role=Role.FACILITATOR, district=factories.make_district())
    client.force_login(other_district)
    for name in ("round", "cards", "tablet"):
        assert client.get(url(name, edition.slug)).status_code == 403
    client.logout()
    assert client.get(url("round", edition.slug)).status_code == 302  # to the login page


def test_opening_shows_the_printable_cards_once(client: Client) -> None:
    edition, _, facilitator, _ = make_deciding_panel()
    client.force_login(facilitator)
    response = client.post(url("round", edition.slug), {"action": "open", "session": ""})
    assert response.status_code == 200
    page = response.content.decode()
    codes = re.findall(r'data-pool-id="(P\d{4})">([0-9A-Z]{5}-[0-9A-Z]{5})<', page)
    assert [pool_id for pool_id, _ in codes] == ["P0001", "P0002", "P0003", "P0004"]
    assert "<svg" in page and "#code=" not in page  # the fragment is in the QR code only
    assert "cannot be shown again" in page
    assert response["Cache-Control"].startswith("max-age=0")
    cards = client.get(url("cards", edition.slug)).content.decode()
    assert not any(code in cards for _, code in codes)


def test_the_status_counts_used_cards_and_refreshes_with_htmx(client: Client) -> None:
    edition, plans, facilitator, _ = make_deciding_panel()
    opened = open_round(edition=edition, by=facilitator)
    client.force_login(facilitator)
    page = client.get(url("round", edition.slug)).content.decode()
    assert "Cards used: 0 of 4" in page and 'hx-trigger="every 5s"' in page
    member = Client()
    ballot = member.post(url("vote", edition.slug), {"code": opened.codes["P0002"]}).content.decode()
    token = re.search(r'name="token" value="([^"]+)"', ballot)
    assert token is not None
    member.post(url("ballot", edition.slug), {"token": token.group(1), "s-main": [plans[3].pk]})
    partial = client.get(url("round", edition.slug), headers={"HX-Request": "true"}).content.decode()
    assert partial.startswith('<section id="round-status"') and "Cards used: 1 of 4" in partial


def test_a_member_votes_with_the_code_and_a_second_attempt_changes_nothing() -> None:
    edition, plans, facilitator, _ = make_deciding_panel()
    opened = open_round(edition=edition, by=facilitator)
    member = Client()
    start = member.get(url("vote", edition.slug))
    assert start.status_code == 200 and 'id="id_code"' in start.content.decode()
    ballot = member.post(url("vote", edition.slug), {"code": opened.codes["P0001"].lower()}).content.decode()
    assert "Your ballot" in ballot and f'value="{plans[0].pk}"' in ballot
    token = re.search(r'name="token" value="([^"]+)"', ballot)
    assert token is not None and opened.codes["P0001"] not in ballot
    over = member.post(
        url("ballot", edition.slug), {"token": token.group(1), "s-main": [plans[0].pk, plans[1].pk]}
    )
    assert "more than the budget" in over.content.decode() and not PanelBallot.objects.exists()
    receipt = member.post(
        url("ballot", edition.slug), {"token": token.group(1), "s-main": [plans[0].pk, plans[2].pk]}
    )
    assert "Your ballot is in" in receipt.content.decode()
    assert PanelBallot.objects.get().content == {"main": sorted([plans[0].pk, plans[2].pk])}

    again = member.post(url("vote", edition.slug), {"code": opened.codes["P0001"]}).content.decode()
    assert "You have already voted in this round." in again
    replay = member.post(url("ballot", edition.slug), {"token": token.group(1), "s-main": [plans[3].pk]})
    assert "You have already voted in this round." in replay.content.decode()
    assert PanelBallot.objects.count() == 1


def test_an_unknown_code_and_a_forged_token_are_refused() -> None:
    edition, plans, facilitator, _ = make_deciding_panel()
    open_round(edition=edition, by=facilitator)
    member = Client()
    page = member.post(url("vote", edition.slug), {"code": "AAAAA-AAAAA"}).content.decode()
    assert "This code is not known for this round" in page
    forged = member.post(url("ballot", edition.slug), {"token": "x:y", "s-main": [plans[3].pk]})
    assert "Enter the code from your card again" in forged.content.decode()
    assert not PanelBallot.objects.exists()


def test_without_an_open_round_the_member_page_says_so() -> None:
    edition, _, _, _ = make_deciding_panel()
    page = Client().get(url("vote", edition.slug)).content.decode()
    assert "There is no ballot round open now." in page and 'id="id_code"' not in page


def test_the_tablet_lists_who_has_not_voted_and_casts_for_one_member(client: Client) -> None:
    edition, plans, facilitator, _ = make_deciding_panel()
    opened = open_round(edition=edition, by=facilitator)
    card = BallotCard.objects.get(vote=opened.vote, member__pool_id="P0003")
    client.force_login(facilitator)
    listing = client.get(url("tablet", edition.slug)).content.decode()
    assert url("tablet_ballot", edition.slug, card=card.pk) in listing
    assert "Your ballot" in client.get(url("tablet_ballot", edition.slug, card=card.pk)).content.decode()
    response = client.post(
        url("tablet_ballot", edition.slug, card=card.pk), {"s-main": [plans[1].pk]}, follow=True
    )
    page = response.content.decode()
    assert "The ballot has been cast." in page
    assert "Stemplan 2" not in page  # the next member does not see the choice
    assert url("tablet_ballot", edition.slug, card=card.pk) not in page
    assert PanelBallot.objects.get().content == {"main": [plans[1].pk]}
    again = client.post(
        url("tablet_ballot", edition.slug, card=card.pk), {"s-main": [plans[0].pk]}, follow=True
    )
    assert "P0003 has already voted in this round." in again.content.decode()
    assert PanelBallot.objects.count() == 1


def test_reissuing_a_card_shows_its_new_code_and_closing_ends_the_round(client: Client) -> None:
    edition, _, facilitator, _ = make_deciding_panel()
    opened = open_round(edition=edition, by=facilitator)
    card = BallotCard.objects.get(vote=opened.vote, member__pool_id="P0004")
    client.force_login(facilitator)
    page = client.post(url("cards", edition.slug), {"card": card.pk}).content.decode()
    found = re.findall(r'data-pool-id="(P\d{4})">([0-9A-Z]{5}-[0-9A-Z]{5})<', page)
    assert [pool_id for pool_id, _ in found] == ["P0004"] and found[0][1] != opened.codes["P0004"]
    response = client.post(url("round", edition.slug), {"action": "close"}, follow=True)
    assert "The ballot round has been closed." in response.content.decode()
    assert PanelVote.objects.get().closed_by == facilitator
    assert "Open a round and make the cards" in response.content.decode()


def test_the_members_language_switch_keeps_the_code_and_the_choices_and_casts_nothing() -> None:
    edition, plans, facilitator, _ = make_deciding_panel()
    opened = open_round(edition=edition, by=facilitator)
    member, code = Client(), opened.codes["P0001"]
    with translation.override("tr"):
        start_tr = reverse("deliberation:vote", kwargs={"slug": edition.slug})
    with translation.override("ar"):
        ballot_ar = reverse("deliberation:ballot", kwargs={"slug": edition.slug})
    typed = member.post(start_tr, {"code": code, "language_switch": "tr"}).content.decode()
    assert '<html lang="tr"' in typed and f'value="{code}"' in typed and 'name="token"' not in typed
    ballot = member.post(url("vote", edition.slug), {"code": code}).content.decode()
    assert 'form="ballot-form"' in ballot and f'formaction="{ballot_ar}"' in ballot
    token = re.search(r'name="token" value="([^"]+)"', ballot)
    assert token is not None
    chosen = {"token": token.group(1), "s-main": [str(plans[0].pk)], "language_switch": "ar"}
    switched = member.post(ballot_ar, chosen).content.decode()
    assert '<html lang="ar" dir="rtl"' in switched and f'value="{plans[0].pk}" data-cost' in switched
    assert re.search(rf'value="{plans[0].pk}" data-cost="\d+" checked', switched)
    assert not PanelBallot.objects.exists() and not BallotCard.objects.filter(used_at__isnull=False).exists()
