"""The public results page and its downloads, and the officials' count page."""

from __future__ import annotations

import csv
import html
import io
import json
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from pytest_django import DjangoCaptureOnCommitCallbacks

from accounts.models import Role
from editions.models import Edition
from outcomes.models import Count, CountStatus
from proposals.models import Plan
from tests.factories import ballot_box_shares, make_staff, make_user, make_vote

from ..factories import make_closed_vote, make_count, make_official

pytestmark = pytest.mark.django_db
Counted = tuple[Edition, list[Plan], Count]


def url(name: str, edition: object, **kwargs: str) -> str:
    with translation.override("nl"):
        return reverse(f"outcomes:{name}", kwargs={"slug": edition.slug, **kwargs})  # type: ignore[attr-defined]


def en(name: str, edition: object) -> str:
    with translation.override("en"):
        return reverse(f"outcomes:{name}", kwargs={"slug": edition.slug})  # type: ignore[attr-defined]


@pytest.fixture
def counted() -> Counted:
    edition, plans = make_closed_vote(choices=[[0]] * 5 + [[1, 2]] * 3 + [[2, 3]] * 2, aggregation_rule="mes")
    return edition, plans, make_count(edition=edition)


def test_result_page_shows_plans_support_explanations_and_how_to_recount(
    client: Client, counted: Counted
) -> None:
    edition, plans, count = counted
    section = count.sections.get()

    response = client.get(url("result", edition))

    assert response.status_code == 200
    html = response.content.decode()
    for plan in plans:
        assert plan.title in html
    assert "Gefinancierd in ronde 1" in html or "Funded in round 1" in html
    assert section.sha256 in html
    assert (
        f"python -m pbrules {section.file_name} --rule mes --satisfaction cost --completion exhaustion"
        in html
    )
    assert url("ballots", edition, key="main") in html
    assert "<caption" in html and 'scope="col"' in html and 'scope="row"' in html


def test_result_page_before_publication_says_when(client: Client) -> None:
    publish_at = timezone.now() + timedelta(days=2)
    edition, _ = make_closed_vote(choices=[[0]], results_publish_at=publish_at)
    make_count(edition=edition)

    response = client.get(url("result", edition))

    assert response.status_code == 200
    assert str(publish_at.year) in response.content.decode()
    assert "sha256" not in response.content.decode().lower()
    assert client.get(url("ballots", edition, key="main")).status_code == 404
    assert client.get(url("result_json", edition)).status_code == 404
    assert client.get(url("result_csv", edition)).status_code == 404


def test_result_page_before_any_count_is_friendly(client: Client) -> None:
    edition, _ = make_closed_vote(choices=[[0]])

    response = client.get(url("result", edition))

    assert response.status_code == 200
    assert "outcomes/not_published.html" in [t.name for t in response.templates]


def test_unknown_edition_is_not_found(client: Client) -> None:
    assert client.get("/uitslag/bestaat-niet/").status_code == 404


def test_ballot_file_downloads_as_an_attachment_with_the_counted_bytes(
    client: Client, counted: Counted
) -> None:
    edition, _, count = counted
    section = count.sections.get()

    response = client.get(url("ballots", edition, key="main"))

    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="{section.file_name}"'
    assert response.content == section.pb_file.encode("utf-8")
    assert client.get(url("ballots", edition, key="elders")).status_code == 404


def test_json_and_csv_downloads_hold_the_result(client: Client, counted: Counted) -> None:
    edition, plans, count = counted
    section = count.sections.get()

    data = json.loads(client.get(url("result_json", edition)).content)
    csv_text = client.get(url("result_csv", edition)).content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(csv_text), delimiter=";"))

    assert data["count"]["rule"] == "mes" and data["sections"][0]["sha256"] == section.sha256
    assert data["sections"][0]["selected"] == section.selected
    assert {int(r["Plannummer"]) for r in rows} == {p.pk for p in plans}
    assert {int(r["Plannummer"]) for r in rows if r["Gefinancierd"] == "ja"} == set(section.selected)


def test_english_result_page(client: Client, counted: Counted) -> None:
    edition, _, _ = counted

    response = client.get(f"/en/uitslag/{edition.slug}/")

    assert response.status_code == 200
    assert "Result of" in response.content.decode()
    assert 'lang="en"' in response.content.decode()


def test_count_page_asks_anonymous_visitors_to_log_in(client: Client) -> None:
    edition, _ = make_closed_vote(choices=[[0]])

    response = client.get(url("count", edition))

    assert response.status_code == 302 and "next=" in response["Location"]


@pytest.mark.parametrize("who", ["resident", "reviewer", "official_elsewhere"])
def test_count_page_is_for_officials_of_the_district_only(client: Client, who: str) -> None:
    edition, _ = make_closed_vote(choices=[[0]])
    user = {
        "resident": lambda: make_user(),
        "reviewer": lambda: make_staff(role=Role.REVIEWER, district=edition.district),
        "official_elsewhere": lambda: make_official(make_vote()[0]),
    }[who]()
    client.force_login(user)

    assert client.get(url("count", edition)).status_code == 403
    assert client.post(url("count", edition)).status_code == 403
    assert not Count.objects.exists()


def test_official_starts_the_count_and_sees_it_done(
    client: Client, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    edition, _ = make_closed_vote(choices=[[0], [1]])
    client.force_login(make_official(edition))
    form = client.get(en("count", edition)).content.decode()
    assert form.count('name="share"') == 2 and "Enter 2 of the 3 key shares" in form
    first, _, third = ballot_box_shares(edition)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("count", edition), {"share": [third.lower(), f"  {first} "]})

    assert response.status_code == 302
    assert Count.objects.get(edition=edition).status == CountStatus.DONE
    page = client.get(url("count", edition))
    assert page.status_code == 200 and url("result", edition) in page.content.decode()
    assert "no-store" in page["Cache-Control"]


@pytest.mark.parametrize(
    ("given", "message"),
    [
        (lambda shares: [shares[0]], "Enter 2 different key shares; 1 were given."),
        (lambda shares: [shares[0], shares[0]], "Key share 1 was entered twice"),
        (lambda shares: [shares[0], "2-" + "0000-" * 12 + "0000"], "Key share 2 of 3 is not valid"),
        (lambda shares: ["hallo", shares[1]], "Key share 1 is not a key share"),
    ],
)
def test_a_wrong_missing_or_repeated_share_is_refused_with_a_message_and_nothing_counted(
    client: Client, given: Any, message: str
) -> None:
    edition, _ = make_closed_vote(choices=[[0], [1]])
    client.force_login(make_official(edition))

    response = client.post(en("count", edition), {"share": given(ballot_box_shares(edition))}, follow=True)

    assert message in html.unescape(response.content.decode())
    assert not Count.objects.filter(edition=edition).exists()


def test_shares_of_another_vote_do_not_open_the_ballot_box(client: Client) -> None:
    edition, _ = make_closed_vote(choices=[[0]])
    other, _ = make_closed_vote(choices=[[1]])
    client.force_login(make_official(edition))

    response = client.post(en("count", edition), {"share": ballot_box_shares(other)[:2]}, follow=True)

    assert "Key share 1 of 3 is not valid" in html.unescape(response.content.decode())
    assert not Count.objects.filter(edition=edition).exists()


def test_the_count_page_asks_for_shares_in_dutch(client: Client) -> None:
    edition, _ = make_closed_vote(choices=[[0]])
    client.force_login(make_official(edition))

    page = client.get(
        f"/nl{url('count', edition)[3:]}"
        if url("count", edition).startswith("/en/")
        else url("count", edition)
    )

    assert "sleuteldelen" in page.content.decode()


def test_official_cannot_start_a_count_while_the_vote_is_open(client: Client) -> None:
    edition, _ = make_vote()
    client.force_login(make_official(edition))

    assert client.get(url("count", edition)).status_code == 200
    assert client.post(url("count", edition)).status_code == 403


def test_count_refusal_is_shown_as_a_message(client: Client) -> None:
    edition, _ = make_closed_vote(choices=[[0]])
    official = make_official(edition)
    from outcomes.services import start_count

    start_count(edition=edition, by=official, shares=ballot_box_shares(edition), background=False)
    client.force_login(official)

    response = client.post(url("count", edition), follow=True)

    assert response.status_code == 200
    assert next(iter(response.context["messages"])).level_tag == "error"


def test_running_count_refreshes_with_htmx_and_returns_only_the_status(client: Client) -> None:
    edition, _ = make_closed_vote(choices=[[0]])
    official = make_official(edition)
    from outcomes.services import start_count

    start_count(edition=edition, by=official, shares=ballot_box_shares(edition), background=False)
    client.force_login(official)

    full = client.get(url("count", edition)).content.decode()
    partial = client.get(url("count", edition), headers={"HX-Request": "true"}).content.decode()

    assert 'hx-trigger="every 2s"' in full and "<progress" in full
    assert partial.lstrip().startswith('<section id="count-status"') and "<html" not in partial


def test_failed_count_shows_its_error(client: Client) -> None:
    edition, _ = make_closed_vote(choices=[[0]])
    from ..factories import add_ballots

    add_ballots(edition=edition, contents=[{"main": [424242]}])
    official = make_official(edition)
    client.force_login(official)

    page = client.post(url("count", edition), {"share": ballot_box_shares(edition)}, follow=True)

    assert "424242" in page.content.decode() and "utrecht-alert--error" in page.content.decode()


def test_the_result_page_says_the_ballots_were_sealed_and_are_destroyed_in_both_languages(
    client: Client, counted: Counted
) -> None:
    edition, _, _ = counted

    dutch = client.get(url("result", edition)).content.decode()
    english = client.get(en("result", edition)).content.decode()

    assert "Elke stem werd verzegeld zodra hij binnenkwam" in dutch
    assert "Every ballot was sealed the moment it was cast" in html.unescape(english)


def test_a_plan_title_that_looks_like_a_formula_is_text_in_the_csv(client: Client) -> None:
    edition, plans = make_closed_vote(choices=[[0]] * 3 + [[1]] * 2, aggregation_rule="mes")
    Plan.objects.filter(pk=plans[0].pk).update(title='=HYPERLINK("https://evil.example","Klik")')
    make_count(edition=edition)

    csv_text = client.get(url("result_csv", edition)).content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(csv_text), delimiter=";"))

    titles = {int(r["Plannummer"]): r["Plan"] for r in rows}
    assert titles[plans[0].pk] == '\'=HYPERLINK("https://evil.example","Klik")'
