"""The draw pages: who may use them in which phase, the forms, messages, and the public page."""

from __future__ import annotations

import pytest
from django.test import Client
from pytest_django import DjangoCaptureOnCommitCallbacks

from accounts.models import Role, User
from deliberation.draw.services.draw import draw_panel, publish_draw
from deliberation.models import Draw, FeatureValue, MemberStatus, PanelSetup
from editions.models import Edition
from tests import factories

from ..factories import make_facilitator, make_panel_edition, make_pool

pytestmark = pytest.mark.django_db


@pytest.fixture
def edition() -> Edition:
    edition = make_panel_edition(panel_size=6)
    make_pool(edition, size=30)
    return edition


def client_for(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_draw_page_is_for_facilitators_of_the_district_only(edition: Edition) -> None:
    url = f"/panel/{edition.slug}/loting/"
    assert Client().get(url).status_code == 302
    for role in (Role.OFFICIAL, Role.REVIEWER, Role.COMMITTEE):
        assert (
            client_for(factories.make_staff(role=role, district=edition.district)).get(url).status_code == 403
        )
    elsewhere = factories.make_staff(role=Role.FACILITATOR, district=factories.make_district())
    assert client_for(elsewhere).get(url).status_code == 403
    response = client_for(make_facilitator(edition)).get(url)
    assert response.status_code == 200
    assert "Loting" in response.content.decode() or "draw" in response.content.decode().lower()


def test_a_facilitator_draws_and_publishes_from_the_page(
    edition: Edition, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    client = client_for(make_facilitator(edition))
    url = f"/en/panel/{edition.slug}/loting/"
    with django_capture_on_commit_callbacks(execute=True):  # the task backend runs the draw at once
        response = client.post(url, {"action": "draw", "seed": "77"})
    assert response.status_code == 302
    response = client.get(url)
    assert "The draw has started" in response.content.decode()
    draw = Draw.objects.get(is_current=True)
    assert draw.seed == 77
    page = response.content.decode()
    assert "How close each quota came" in page
    assert "deelnemer" in page  # contact details for the facilitator
    response = client.post(url, {"action": "publish"}, follow=True)
    assert "The panel has been published" in response.content.decode()
    public = Client().get(f"/en/panel/{edition.slug}/").content.decode()
    assert "77" in public and "deelnemer" not in public and "example.org" not in public
    assert "rerun_panel.py" in public


def test_the_draw_button_is_closed_outside_the_draw_phases() -> None:
    edition = make_panel_edition(phase="plans", panel_size=6)
    make_pool(edition, size=30)
    client = client_for(make_facilitator(edition))
    response = client.post(f"/en/panel/{edition.slug}/loting/", {"action": "draw"}, follow=True)
    assert "You cannot do this now." in response.content.decode()
    assert not Draw.objects.exists()


def test_a_bad_seed_is_shown_next_to_the_field(edition: Edition) -> None:
    client = client_for(make_facilitator(edition))
    response = client.post(f"/en/panel/{edition.slug}/loting/", {"action": "draw", "seed": "0"})
    assert response.status_code == 200
    assert "greater than or equal to 1" in response.content.decode()


def test_a_panel_larger_than_the_pool_gets_a_message_in_english(edition: Edition) -> None:
    PanelSetup.objects.filter(edition=edition).update(panel_size=31)
    client = client_for(make_facilitator(edition))
    response = client.post(f"/en/panel/{edition.slug}/loting/", {"action": "draw"}, follow=True)
    assert "only 30 people in the pool are available" in response.content.decode()


def test_infeasible_quotas_are_explained_on_the_page(
    edition: Edition, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    FeatureValue.objects.filter(feature__edition=edition, key="anders").update(min_quota=5, max_quota=5)
    client = client_for(make_facilitator(edition))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/en/panel/{edition.slug}/loting/", {"action": "draw", "seed": "3"})
    page = client.get(f"/en/panel/{edition.slug}/loting/").content.decode()
    assert "Lower the minimum for Gender" in page
    assert Draw.objects.get().status == "infeasible"


def test_a_running_draw_is_shown_with_its_status_and_a_second_one_is_refused(edition: Edition) -> None:
    client = client_for(make_facilitator(edition))
    url = f"/en/panel/{edition.slug}/loting/"
    client.post(url, {"action": "draw", "seed": "5"})  # queued: no worker runs in this test
    queued = Draw.objects.get()
    assert queued.status == "queued" and not queued.is_current
    page = client.get(url).content.decode()
    assert "the draw with seed 5" in page and 'hx-trigger="every 2s"' in page
    assert 'value="draw"' not in page  # no second draw button while one runs
    response = client.post(url, {"action": "draw", "seed": "6"}, follow=True)
    assert "A draw is already running for this edition" in response.content.decode()
    assert Draw.objects.count() == 1


def test_a_member_who_drops_out_is_replaced_from_the_page(edition: Edition) -> None:
    facilitator = make_facilitator(edition)
    draw = draw_panel(edition=edition, by=facilitator, seed=8)
    member = draw.members.order_by("pool_id")[0]
    client = client_for(facilitator)
    url = f"/en/panel/{edition.slug}/loting/lid/{member.pk}/vervangen/"
    response = client.post(url, {f"member-{member.pk}-reason": ""}, follow=True)
    assert "Give the reason why this member dropped out." in response.content.decode()
    response = client.post(url, {f"member-{member.pk}-reason": "Verhuisd"}, follow=True)
    assert "has been drawn as a replacement" in response.content.decode()
    member.refresh_from_db()
    assert member.status == MemberStatus.DROPPED_OUT


def test_the_quota_form_saves_and_refuses_bad_quotas(edition: Edition) -> None:
    client = client_for(make_facilitator(edition))
    url = f"/en/panel/{edition.slug}/quota/"
    values = list(FeatureValue.objects.filter(feature__edition=edition))
    base = {"panel_size": "6", "algorithm": "nash"}
    for v in values:
        base[f"value-{v.pk}-population"] = str(v.population)
    young = next(v for v in values if v.key == "16-24")
    bad = {**base, f"value-{young.pk}-min_quota": "4", f"value-{young.pk}-max_quota": "2"}
    page = client.post(url, bad).content.decode()
    assert "the minimum (4) is above the maximum (2)" in page
    too_many = {**base, f"value-{young.pk}-min_quota": "6"}
    page = client.post(url, too_many).content.decode()
    assert "add up to" in page and "more than the panel size (6)" in page
    good = {**base, f"value-{young.pk}-min_quota": "1", f"value-{young.pk}-max_quota": "2"}
    response = client.post(url, good, follow=True)
    assert "have been saved" in response.content.decode()
    young.refresh_from_db()
    assert (young.min_quota, young.max_quota) == (1, 2)
    assert PanelSetup.objects.get(edition=edition).algorithm == "nash"


def test_the_public_page_says_not_drawn_yet_before_publication(edition: Edition) -> None:
    for prefix in ("", "/en"):
        response = Client().get(f"{prefix}/panel/{edition.slug}/")
        assert response.status_code == 200
    assert "not been drawn yet" in Client().get(f"/en/panel/{edition.slug}/").content.decode()
    draw_panel(edition=edition, by=make_facilitator(edition), seed=1)
    assert "not been drawn yet" in Client().get(f"/en/panel/{edition.slug}/").content.decode()
    assert Client().get(f"/panel/{edition.slug}/bestanden/pool.csv").status_code == 404


def test_the_downloads_of_a_published_draw(edition: Edition) -> None:
    facilitator = make_facilitator(edition)
    draw = publish_draw(draw=draw_panel(edition=edition, by=facilitator, seed=1), by=facilitator)
    pool = Client().get(f"/panel/{edition.slug}/bestanden/pool.csv")
    assert pool.status_code == 200 and pool.content.decode().startswith("pool_id,buurt,leeftijd,gender")
    data = Client().get(f"/panel/{edition.slug}/bestanden/loting.json").json()
    assert data["seed"] == draw.seed and data["selected"] == sorted(draw.selected)
    assert Client().get(f"/panel/{edition.slug}/bestanden/geheim.txt").status_code == 404
