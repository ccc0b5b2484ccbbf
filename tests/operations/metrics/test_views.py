"""/metrics: casts and refusals counted by channel and reason, requests by route, the queue and the counts
read from the database, and who may read it."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client, override_settings
from django.utils import timezone
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from common import codes
from outcomes.models import Count, CountStatus
from tests import factories
from tests.outcomes.factories import make_closed_vote, make_count, make_official
from tests.voting.views.resident import cast, open_ballot, token_of

from .scrape import scrape

CAST = "buurtbudget_ballots_cast_total"
REFUSED = "buurtbudget_cast_refusals_total"
REQUESTS = "buurtbudget_http_requests_total"


def api_cast(client: Client, slug: str, code: str, ballot: Any) -> Any:
    body = json.dumps({"code": code, "ballot": ballot})
    return client.post(f"/api/v1/editions/{slug}/ballots", body, content_type="application/json")


@pytest.mark.django_db
def test_casts_and_refusals_through_the_web_form_and_the_api_are_counted_by_channel_and_reason() -> None:
    edition, plans = factories.make_vote(ballot_max_choices=2)
    (_, web_code), (_, api_code) = (factories.make_voter(edition=edition) for _ in range(2))
    before = scrape()
    web = Client()

    assert "not known" in open_ballot(web, edition, codes.new_code()).content.decode()  # unknown
    assert "not a valid voting code" in open_ballot(web, edition, "ABCD-EFGH").content.decode()
    receipt = cast(
        web, edition, token_of(open_ballot(web, edition, web_code)), {"s-main": [str(plans[0].pk)]}
    )
    assert "Your vote has been received" in receipt.content.decode()
    too_many = cast(
        web, edition, token_of(open_ballot(web, edition, web_code)), {"s-main": [str(p.pk) for p in plans]}
    )
    assert too_many.status_code == 200  # the ballot form again, with the refusal

    api = Client()
    assert api_cast(api, edition.slug, api_code, {"main": [plans[1].pk]}).status_code == 201
    assert api_cast(api, edition.slug, api_code, {"main": [plans[2].pk]}).status_code == 200
    assert api_cast(api, edition.slug, codes.new_code(), {"main": [plans[1].pk]}).status_code == 403
    assert (
        api.post(f"/api/v1/editions/{edition.slug}/ballots", "{", content_type="application/json").status_code
        == 400
    )

    after = scrape()

    def delta(name: str, **labels: str) -> float:
        return after.value(name, **labels) - before.value(name, **labels)

    assert delta(CAST, channel="web", replaced="false") == 1
    assert delta(CAST, channel="api", replaced="false") == 1
    assert delta(CAST, channel="api", replaced="true") == 1
    assert delta(REFUSED, channel="web", reason="unknown_code") == 1
    assert delta(REFUSED, channel="web", reason="malformed_code") == 1
    assert delta(REFUSED, channel="web", reason="too_many_plans") == 1
    assert delta(REFUSED, channel="api", reason="unknown_code") == 1
    assert delta(REFUSED, channel="api", reason="not_json") == 1
    # Requests by route name and status; the route is the pattern's name, never the path with a code.
    assert delta(REQUESTS, route="voting:start", method="POST", status="200") == 4
    assert delta(REQUESTS, route="api:ballots", method="POST", status="201") == 1
    assert delta(REQUESTS, route="api:ballots", method="POST", status="403") == 1
    assert delta("buurtbudget_http_request_duration_seconds_count", route="api:ballots") == 4
    assert web_code not in after.text and api_code not in after.text
    assert edition.slug not in after.text


@pytest.mark.django_db
def test_a_code_in_an_unknown_url_is_counted_as_unmatched_not_by_its_path() -> None:
    code = codes.new_code()
    before = scrape()
    assert Client().get(f"/{code}/geheim/").status_code == 404
    after = scrape()
    assert after.value(REQUESTS, route="<unmatched>", method="GET", status="404") == (
        before.value(REQUESTS, route="<unmatched>", method="GET", status="404") + 1
    )
    assert code not in after.text


@pytest.mark.django_db
def test_the_too_many_attempts_refusal_is_counted_as_such(settings: Any) -> None:
    settings.VOTING_FAILURES_PER_CLIENT = (2, 600)
    edition, _ = factories.make_vote()
    client = Client()
    before = scrape()
    for _ in range(4):
        open_ballot(client, edition, codes.new_code())
    after = scrape()
    got = {
        reason: after.value(REFUSED, channel="web", reason=reason)
        - before.value(REFUSED, channel="web", reason=reason)
        for reason in ("unknown_code", "too_many_attempts")
    }
    assert got == {"unknown_code": 2, "too_many_attempts": 2}


@task()
def waiting_task(number: int) -> int:
    """A task for the queue tests: it only has to be queued, never run."""
    return number


@pytest.mark.django_db
def test_the_task_queue_length_and_the_age_of_its_oldest_task_are_read_at_scrape_time() -> None:
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
        for number in range(3):
            waiting_task.enqueue(number)
        later = waiting_task.using(run_after=timezone.now() + timedelta(hours=1))
        later.enqueue(9)
    DBTaskResult.objects.filter(args_kwargs__args=[0]).update(
        enqueued_at=timezone.now() - timedelta(seconds=300)
    )
    DBTaskResult.objects.filter(args_kwargs__args=[1]).update(status="RUNNING", started_at=timezone.now())

    found = scrape()
    assert found.value("buurtbudget_task_queue_length", queue="default") == 2
    assert found.value("buurtbudget_task_queue_delayed", queue="default") == 1
    assert found.value("buurtbudget_tasks_running", queue="default") == 1
    assert 299 <= found.value("buurtbudget_task_queue_oldest_age_seconds", queue="default") < 360

    DBTaskResult.objects.filter(args_kwargs__args=[2]).update(status="FAILED", finished_at=timezone.now())
    DBTaskResult.objects.filter(args_kwargs__args=[9]).update(
        status="FAILED", finished_at=timezone.now() - timedelta(days=2)
    )
    failed = scrape()
    task_path = f"{waiting_task.module_path}"
    assert failed.value("buurtbudget_tasks_failed_last_day", queue="default", task=task_path) == 1
    assert failed.value("buurtbudget_task_queue_length", queue="default") == 1

    DBTaskResult.objects.all().delete()
    emptied = scrape()
    assert emptied.value("buurtbudget_task_queue_length", queue="default") == 0
    assert "buurtbudget_task_queue_oldest_age_seconds" not in emptied.names()


@pytest.mark.django_db
def test_counts_by_status_and_their_durations_come_from_the_count_rows() -> None:
    edition, _ = make_closed_vote(choices=[(0,), (1, 2), (0, 3)])
    count = make_count(edition=edition)
    assert count.status == CountStatus.DONE
    assert count.finished_at is not None
    took = (count.finished_at - count.started_at).total_seconds()
    other, _ = make_closed_vote(choices=[(0,)])
    running = Count.objects.create(
        edition=other,
        status=CountStatus.RUNNING,
        started_by=make_official(other),
        started_at=timezone.now() - timedelta(minutes=20),
        rule="greedy",
        satisfaction="cost",
        pbrules_version="test",
        tie_breaking="[]",
    )

    found = scrape()
    assert found.value("buurtbudget_counts", status="done") == 1
    assert found.value("buurtbudget_counts", status="running") == 1
    assert found.value("buurtbudget_count_duration_seconds_count", source="vote") == 1
    assert found.value("buurtbudget_count_duration_seconds_sum", source="vote") == pytest.approx(took)
    assert found.value("buurtbudget_count_duration_seconds_bucket", source="vote", le="+Inf") == 1
    assert 1199 <= found.value("buurtbudget_count_running_seconds") < 1300
    stages = {
        stage: found.value("buurtbudget_count_last_stage_seconds", stage=stage) for stage in count.durations
    }
    assert stages and stages == pytest.approx(count.durations, abs=1e-9)
    assert found.value("buurtbudget_scrape_failed", collector="counts") == 0
    running.delete()


@pytest.mark.django_db
def test_metrics_are_open_without_an_allow_list_and_refused_outside_it(settings: Any) -> None:
    assert Client().get("/metrics").status_code == 200  # development and the demo
    settings.METRICS_ALLOWED_ADDRESSES = ["10.1.0.0/16", "::1"]
    assert Client(REMOTE_ADDR="10.1.2.3").get("/metrics").status_code == 200
    assert Client(REMOTE_ADDR="::1").get("/metrics").status_code == 200
    refused = Client(REMOTE_ADDR="10.2.0.1").get("/metrics")
    assert refused.status_code == 404 and b"buurtbudget_" not in refused.content
    settings.METRICS_ALLOWED_ADDRESSES = []
    assert Client(REMOTE_ADDR="10.1.2.3").get("/metrics").status_code == 404


@pytest.mark.django_db
def test_behind_the_proxy_the_address_it_saw_decides_not_what_the_client_wrote(settings: Any) -> None:
    settings.METRICS_ALLOWED_ADDRESSES = ["10.1.0.0/16"]
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = "10.1.0.1"  # the proxy itself is inside the allowed network
    outsider = Client(REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR="10.1.9.9, 203.0.113.7")  # a forged first entry
    assert outsider.get("/metrics").status_code == 404
    scraper = Client(REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR="10.1.5.5")
    assert scraper.get("/metrics").status_code == 200


def test_a_misspelt_allow_list_fails_the_system_check(settings: Any) -> None:
    from operations.metrics.checks import check_metrics_allowed_addresses

    settings.METRICS_ALLOWED_ADDRESSES = ["10.0.0.0/8", "10.0.0.300"]
    errors = check_metrics_allowed_addresses()
    assert [error.id for error in errors] == ["operations.E001"] and "10.0.0.300" in errors[0].msg
    settings.METRICS_ALLOWED_ADDRESSES = ["10.0.0.0/8", "2001:db8::/32"]
    assert check_metrics_allowed_addresses() == []


@pytest.mark.django_db
def test_only_get_reads_the_metrics() -> None:
    assert Client().post("/metrics").status_code == 405
