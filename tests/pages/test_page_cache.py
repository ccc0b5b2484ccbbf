"""The public pages from the page cache: a hit the second time, and every kind of write shown at once.

Each test reads a page twice as an anonymous visitor (the second time from the cache), writes the way
the site does (a service, the admin, ``QuerySet.update()``), and reads the page again: the write
shows on the very next request. A cast, sessions and logins are the other side: a cast retires
nothing, and anyone with a session gets a fresh page.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Callable
from datetime import datetime, timedelta

import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from accounts.models import Role, User
from common.pagecache.generation import GENERATION_KEY, page_cache
from editions.models import Edition
from outcomes.services import publish_result
from places.models import District
from proposals.models import Plan, PlanStatus
from proposals.services.comments import post_comment
from proposals.services.support import like_plan
from review import services as review_services
from review.models import Verdict
from tests import factories
from tests.admin.forms import form_data
from tests.helpers import page_text
from tests.outcomes.factories import make_closed_vote, make_count
from tests.voting.views.resident import cast, open_ballot, token_of
from voting.models import IdempotentCast

pytestmark = pytest.mark.django_db


def url(name: str, *args: object, language: str = "nl") -> str:
    with translation.override(language):
        return reverse(name, args=args)


def warm(client: Client, path: str) -> str:
    """Read ``path`` until it comes from the cache; the page's text."""
    first = client.get(path)
    assert first.status_code == 200, path
    second = client.get(path)
    assert second["X-Page-Cache"] == "hit", (path, second.get("X-Page-Cache"))
    assert second.content == first.content
    return page_text(second)


def fresh(client: Client, path: str) -> str:
    """The next read of ``path``, which a write must have made a miss."""
    response = client.get(path)
    assert response.status_code == 200
    assert response["X-Page-Cache"] == "miss", path
    return page_text(response)


@pytest.fixture
def plan(edition: Edition) -> Plan:
    return factories.make_plan(edition=edition, title="Bankjes bij de vijver")


def test_every_public_page_is_a_miss_then_a_hit_with_no_cache_and_an_etag(
    client: Client, edition: Edition, plan: Plan
) -> None:
    closed, _ = make_closed_vote(choices=[[0], [1]])
    make_count(edition=closed)
    pages = [
        url("pages:home"),
        url("pages:home", language="en"),
        url("pages:district", edition.district.slug),
        url("pages:edition", edition.slug),
        url("proposals:list"),
        url("proposals:list") + f"?edition={edition.slug}&q=bank&pagina=1",
        url("pages:plan", plan.pk),
        url("outcomes:result", closed.slug),
        url("pages:about"),
    ]
    for path in pages:
        first = client.get(path)
        assert (first.status_code, first["X-Page-Cache"]) == (200, "miss"), path
        second = client.get(path)
        assert second["X-Page-Cache"] == "hit", path
        assert second.content == first.content
        assert second["Cache-Control"] == "no-cache" and second["ETag"] == first["ETag"]
        assert {"Cookie", "HX-Request"} <= {v.strip() for v in second["Vary"].split(",")}


def test_a_visitor_whose_copy_is_current_gets_a_304_without_a_body(client: Client, plan: Plan) -> None:
    path = url("pages:plan", plan.pk)
    etag = client.get(path)["ETag"]
    again = client.get(path, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    factories.make_likes(plan=plan, count=1)
    assert client.get(path, headers={"If-None-Match": etag}).status_code == 200


def test_languages_and_filters_each_have_their_own_page_and_a_reordered_query_shares_one(
    client: Client, edition: Edition, plan: Plan
) -> None:
    assert "Plannen" in warm(client, url("proposals:list"))
    english = client.get(url("proposals:list", language="en"))
    assert english["X-Page-Cache"] == "miss" and "Plans" in page_text(english)
    base = url("proposals:list")
    client.get(f"{base}?edition={edition.slug}&q=bank")
    assert client.get(f"{base}?q=bank&edition={edition.slug}")["X-Page-Cache"] == "hit"
    assert client.get(f"{base}?q=vijver&edition={edition.slug}")["X-Page-Cache"] == "miss"


def test_a_query_parameter_the_page_does_not_read_is_rendered_fresh_not_cached(
    client: Client, plan: Plan
) -> None:
    path = url("pages:plan", plan.pk) + "?utm_source=folder"
    for _ in range(2):
        response = client.get(path)
        assert response.status_code == 200 and "X-Page-Cache" not in response


def test_an_htmx_request_is_cached_apart_from_the_whole_page(client: Client, plan: Plan) -> None:
    path = url("pages:plan", plan.pk)
    warm(client, path)
    assert client.get(path, headers={"HX-Request": "true"})["X-Page-Cache"] == "miss"


# --- Writes show on the next request ------------------------------------------------------------


def test_a_new_plan_shows_on_the_list_and_the_edition_page(client: Client, edition: Edition) -> None:
    lists, edition_page = url("proposals:list"), url("pages:edition", edition.slug)
    assert "Speeltuin" not in warm(client, lists) and "Speeltuin" not in warm(client, edition_page)
    factories.make_plan(edition=edition, title="Speeltuin aan de Sloterplas")
    assert "Speeltuin aan de Sloterplas" in fresh(client, lists)
    assert "Speeltuin aan de Sloterplas" in fresh(client, edition_page)


def test_a_like_shows_on_the_plan_page(client: Client, district: District) -> None:
    edition = factories.make_edition_in_phase("support", district=district)
    plan = factories.make_plan(edition=edition)
    path = url("pages:plan", plan.pk, language="en")
    assert 'support__number">0</strong> likes' in warm(client, path)
    like_plan(plan=plan, user=factories.make_user())
    assert 'support__number">1</strong> like<' in fresh(client, path)


def test_a_comment_shows_on_the_plan_page(client: Client, plan: Plan) -> None:
    path = url("pages:plan", plan.pk)
    assert "Goed idee, ik help mee" not in warm(client, path)
    post_comment(plan=plan, author=factories.make_user(), body="Goed idee, ik help mee.")
    assert "Goed idee, ik help mee." in fresh(client, path)


def test_a_published_verdict_shows_on_the_plan_page(client: Client, district: District) -> None:
    edition = factories.make_edition_in_phase("review", district=district)
    edition.verdicts_publish_at = timezone.now() - timedelta(minutes=1)
    edition.save()
    plan = factories.make_plan(edition=edition)
    reviewer = factories.make_staff(role=Role.REVIEWER, district=district)
    factories.make_review(
        plan=plan,
        verdict=Verdict.NOT_FEASIBLE,
        public_explanation="De grond is van het Rijk.",
        outcome="not_ok",
    )
    path = url("pages:plan", plan.pk)
    assert "De grond is van het Rijk." not in warm(client, path)
    review_services.publish_verdicts(edition=edition, by=reviewer)
    assert "De grond is van het Rijk." in fresh(client, path)


def test_a_published_result_shows_on_the_results_page(client: Client) -> None:
    edition, plans = make_closed_vote(choices=[[0], [0], [1]])
    edition.results_publish_at = timezone.now() + timedelta(days=1)
    edition.save()
    count = make_count(edition=edition)
    path = url("outcomes:result", edition.slug)
    assert plans[0].title not in warm(client, path)
    Edition.objects.filter(pk=edition.pk).update(results_publish_at=timezone.now() - timedelta(seconds=1))
    page = fresh(client, path)
    assert plans[0].title in page
    warm(client, path)
    publish_result(count=count, by=factories.make_staff(role=Role.OFFICIAL, district=edition.district))
    assert client.get(path)["X-Page-Cache"] == "miss"


def test_an_editions_text_edited_in_the_admin_shows_in_dutch_and_in_english(
    client: Client, edition: Edition
) -> None:
    official = factories.make_staff(role=Role.OFFICIAL, district=edition.district, is_staff=True)
    dutch, english = url("pages:edition", edition.slug), url("pages:edition", edition.slug, language="en")
    warm(client, dutch)
    warm(client, english)
    staff = Client()
    staff.force_login(official)
    admin = url("admin:editions_edition_change", edition.pk, language="en")
    data = form_data(staff.get(admin).content.decode())
    english_field = next(k for k in data if "introduction" in k and k.endswith("en"))
    data["introduction"] = ["Kom naar de buurtavond."]
    data[english_field] = ["Come to the neighbourhood evening."]
    data["_save"] = ["Save"]
    assert staff.post(admin, data).status_code == 302
    assert "Kom naar de buurtavond." in fresh(client, dutch)
    assert "Come to the neighbourhood evening." in fresh(client, english)


def test_a_write_without_signals_shows_too(client: Client, plan: Plan) -> None:
    path = url("pages:plan", plan.pk)
    warm(client, path)
    Plan.objects.filter(pk=plan.pk).update(title="Bankjes en bomen")
    assert "Bankjes en bomen" in fresh(client, path)


def test_a_phase_that_opens_shows_without_any_write(
    client: Client, district: District, freeze_time: Callable[[datetime], None]
) -> None:
    start = timezone.now() + timedelta(days=3)
    edition = factories.make_edition(district=district, start=start)
    path = url("pages:edition", edition.slug, language="en")
    freeze_time(start - timedelta(seconds=1))
    before = warm(client, path)
    freeze_time(start + timedelta(seconds=1))
    after = client.get(path)
    assert after["X-Page-Cache"] == "miss" and page_text(after) != before


# --- What retires nothing, and who never gets a cached page -------------------------------------


def test_a_cast_changes_no_page_and_the_next_reader_still_gets_it_from_the_cache(client: Client) -> None:
    edition, plans = factories.make_vote()
    _, code = factories.make_voter(edition=edition)
    reader = Client()
    path = url("pages:edition", edition.slug)
    warm(reader, path)
    generation = page_cache().get(GENERATION_KEY)
    ballot = open_ballot(client, edition, code)
    key = re.search(r'name="cast_key" value="([^"]+)"', ballot.content.decode())
    assert key  # the form's one-time key: the cast also writes its idempotency record
    receipt = cast(
        client, edition, token_of(ballot), {"s-main": [str(plans[0].pk)], "cast_key": key.group(1)}
    )
    assert receipt.status_code == 200 and "Your vote has been received" in receipt.content.decode()
    assert IdempotentCast.objects.filter(edition=edition).exists()
    assert page_cache().get(GENERATION_KEY) == generation
    assert reader.get(path)["X-Page-Cache"] == "hit"


def test_a_login_retires_no_page(client: Client, plan: Plan, resident: User) -> None:
    path = url("pages:plan", plan.pk)
    warm(client, path)
    other = Client()
    other.force_login(resident)
    assert client.get(path)["X-Page-Cache"] == "hit"


def test_someone_logged_in_gets_a_fresh_page_with_their_menu_and_no_store(
    client: Client, plan: Plan, resident: User
) -> None:
    path = url("pages:plan", plan.pk, language="en")
    warm(Client(), path)
    client.force_login(resident)
    for _ in range(2):
        response = client.get(path)
        assert "X-Page-Cache" not in response and response["Cache-Control"] == "no-store"
        assert "Log out" in page_text(response)


def test_a_voter_between_code_and_ballot_gets_fresh_pages(client: Client) -> None:
    edition, _ = factories.make_vote()
    _, code = factories.make_voter(edition=edition)
    path = url("pages:edition", edition.slug)
    warm(Client(), path)
    assert open_ballot(client, edition, code).status_code == 200
    assert client.session.session_key is not None
    assert "X-Page-Cache" not in client.get(path)


def test_a_waiting_message_or_a_kiosk_cookie_means_a_fresh_page(client: Client, plan: Plan) -> None:
    path = url("pages:plan", plan.pk)
    warm(Client(), path)
    for cookie in ("messages", "buurtbudget_kiosk", "sessionid"):
        visitor = Client()
        visitor.cookies[cookie] = "x"
        assert "X-Page-Cache" not in visitor.get(path), cookie


def test_the_page_cache_off_serves_every_page_fresh(client: Client, plan: Plan, settings: object) -> None:
    settings.PAGE_CACHE_SECONDS = 0  # type: ignore[attr-defined]
    path = url("pages:plan", plan.pk)
    assert "X-Page-Cache" not in client.get(path) and "X-Page-Cache" not in client.get(path)


def test_a_draft_is_still_not_found_and_nothing_is_cached_for_it(client: Client, edition: Edition) -> None:
    draft = factories.make_plan(edition=edition, status=PlanStatus.DRAFT)
    path = url("pages:plan", draft.pk)
    assert client.get(path).status_code == 404 and client.get(path).status_code == 404


def test_a_browser_that_accepts_gzip_gets_the_page_kept_compressed_and_others_the_same_page_plain(
    client: Client, plan: Plan
) -> None:
    path = url("pages:plan", plan.pk)
    plain = client.get(path)
    compressed = client.get(path, headers={"Accept-Encoding": "gzip, br"})
    assert compressed["X-Page-Cache"] == "hit" and compressed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in compressed["Vary"]
    assert gzip.decompress(compressed.content) == plain.content
    assert client.get(path).content == plain.content


def test_inside_a_transaction_that_wrote_pages_are_neither_read_from_nor_put_in_the_cache(
    client: Client, plan: Plan
) -> None:
    path = url("pages:plan", plan.pk)
    warm(client, path)
    with pytest.raises(RuntimeError), transaction.atomic():
        Plan.objects.filter(pk=plan.pk).update(title="Nooit gebeurd")
        inside = client.get(path)
        assert "X-Page-Cache" not in inside and "Nooit gebeurd" in page_text(inside)
        raise RuntimeError("rolled back")
    assert "Nooit gebeurd" not in page_text(client.get(path))
    with transaction.atomic():
        Plan.objects.filter(pk=plan.pk).update(title="Bankjes en bomen")
    assert "Bankjes en bomen" in fresh(client, path)
