"""Publishing a result: winners become selected, every initiator on the ballot is told, once."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from audit.models import AuditEntry
from editions.models import Edition
from notifications.models import Notification, NotificationKind
from outcomes.errors import OutcomeError
from outcomes.models import Count
from outcomes.services import publish_result, start_count
from proposals.models import Plan, PlanStatus
from tests.factories import ballot_box_shares
from tests.outcomes.factories import make_closed_vote, make_count, make_official
from tests.refusals import refused

pytestmark = pytest.mark.django_db


def counted_vote() -> tuple[Edition, list[Plan], User, Count]:
    # Budget 60k: plans 40k, 30k, 20k, 10k; greedy by votes picks plan 0 (3 votes) and plan 2 (2 votes).
    edition, plans = make_closed_vote(choices=[(0,), (0, 2), (0, 2), (1,)])
    official = make_official(edition)
    count = make_count(edition=edition, by=official)
    return edition, plans, official, count


def test_publishing_selects_the_winners_and_tells_every_initiator() -> None:
    edition, plans, official, count = counted_vote()
    winners = {int(pid) for section in count.sections.all() for pid in section.selected}
    assert winners == {plans[0].pk, plans[2].pk}
    publish_result(count=count, by=official)
    statuses = {plan.pk: plan.status for plan in edition.plans.all()}
    assert {pk for pk, status in statuses.items() if status == PlanStatus.SELECTED} == winners
    assert {statuses[plans[1].pk], statuses[plans[3].pk]} == {PlanStatus.FEASIBLE}
    told = Notification.objects.filter(kind=NotificationKind.RESULT)
    assert sorted(n.recipient_id for n in told) == sorted(p.initiator_id for p in plans)
    assert (
        told.get(recipient=plans[0].initiator).params["outcome"]
        == "Your plan was chosen: it will be carried out."
    )
    assert told.get(recipient=plans[1].initiator).params["outcome"] == "Your plan was not chosen this time."
    assert AuditEntry.objects.filter(action="outcomes.result_published").count() == 1


def test_a_result_is_published_once_and_then_cannot_be_counted_again() -> None:
    edition, _, official, count = counted_vote()
    publish_result(count=count, by=official)
    refused(lambda: publish_result(count=count, by=official), "already_published", error=OutcomeError)
    refused(
        lambda: start_count(edition=edition, by=official, shares=ballot_box_shares(edition)),
        "result_published",
        error=OutcomeError,
    )


def test_a_result_before_its_publication_date_is_not_published() -> None:
    edition, _, official, count = counted_vote()
    edition.results_publish_at = timezone.now() + timedelta(days=2)
    edition.save()
    refused(lambda: publish_result(count=count, by=official), "not_publishable", error=OutcomeError)
    assert not edition.plans.filter(status=PlanStatus.SELECTED).exists()
    assert Count.objects.get(pk=count.pk).published_at is None


def test_the_cron_command_publishes_due_results_only(capsys: pytest.CaptureFixture[str]) -> None:
    edition, _, official, _count = counted_vote()
    later, _, _, _ = counted_vote()
    later.results_publish_at = timezone.now() + timedelta(days=3)
    later.save()
    call_command("publish_due_results", "--by", official.email)
    assert edition.plans.filter(status=PlanStatus.SELECTED).exists()
    assert not later.plans.filter(status=PlanStatus.SELECTED).exists()
    assert "1 result(s) published" in capsys.readouterr().out


def test_an_official_publishes_from_the_count_page() -> None:
    edition, _, official, _count = counted_vote()
    client = Client()
    client.force_login(official)
    page = client.get(reverse("outcomes:count", args=[edition.slug]))
    assert 'name="action" value="publish"' in page.content.decode()
    answer = client.post(reverse("outcomes:count", args=[edition.slug]), {"action": "publish"}, follow=True)
    assert answer.status_code == 200
    assert edition.plans.filter(status=PlanStatus.SELECTED).count() == 2
    after = client.get(reverse("outcomes:count", args=[edition.slug])).content.decode()
    assert 'value="publish"' not in after


def test_publishing_destroys_the_sealed_ballots_and_the_published_files_stay() -> None:
    from voting.models import Ballot, BallotBox

    edition, _, official, count = counted_vote()
    assert Ballot.objects.filter(edition=edition).count() == 4
    files = [section.pb_file for section in count.sections.all()]

    publish_result(count=count, by=official)

    assert not Ballot.objects.filter(edition=edition).exists()
    assert BallotBox.objects.get(edition=edition).ballots_destroyed_at is not None
    assert [section.pb_file for section in count.sections.all()] == files
    assert AuditEntry.objects.get(action="outcomes.result_published").after["sealed_ballots_destroyed"] == 4
    page = Client().get(reverse("outcomes:result", args=[edition.slug]))
    assert page.status_code == 200


def test_a_result_published_at_its_date_without_notices_selects_the_winners_and_tells_nobody() -> None:
    edition, _plans, official, count = counted_vote()
    assert edition.results_publish_at is None or edition.results_publish_at <= timezone.now()
    moment = timezone.now() - timedelta(minutes=5)

    published = publish_result(count=count, by=official, at=moment, notify_initiators=False)

    assert published.published_at == moment
    assert edition.plans.filter(status=PlanStatus.SELECTED).count() == 2
    assert not Notification.objects.filter(kind=NotificationKind.RESULT).exists()
    assert AuditEntry.objects.get(action="outcomes.result_published").at == moment
