"""Kiosk mode on and off: only an official of the edition's district, only while the vote is open."""

from __future__ import annotations

import pytest
from django.core import signing
from django.test import Client
from django.utils import translation

from accounts.models import Role
from audit.models import AuditEntry
from editions.models import Edition
from places.models import District
from proposals.models import Plan
from tests import factories
from tests.conftest import People
from tests.helpers import dutch
from tests.voting.views.staff import client_for, url
from voting.kiosk import mode
from voting.kiosk.errors import KioskError
from voting.kiosk.services import start_kiosk

Vote = tuple[Edition, list[Plan]]


@pytest.mark.django_db
def test_an_official_makes_a_device_a_kiosk_and_is_logged_out_on_it(vote: Vote, people: People) -> None:
    edition, _ = vote
    device = client_for(people.staff[Role.OFFICIAL])
    response = device.post(url("kiosk_on", edition))
    with translation.override("nl"):
        assert response["Location"] == f"/stemmen/{edition.slug}/"
    cookie = response.cookies[mode.COOKIE]
    assert cookie["httponly"] and cookie["samesite"] == "Strict" and int(cookie["max-age"]) > 60
    assert signing.loads(cookie.value, salt=mode.SALT) == [edition.pk, edition.slug]
    assert "_auth_user_id" not in device.session  # a kiosk holds nobody's account
    assert AuditEntry.objects.filter(action="voting.kiosk_started", edition=edition).count() == 1

    page = device.get(response["Location"]).content.decode()
    assert (
        'class="utrecht-document utrecht-document--surface utrecht-surface buurtbudget-theme kiosk"' in page
    )
    assert "css/kiosk.css" in page and "js/kiosk.js" in page
    assert 'class="site-nav"' not in page and "/inloggen/" not in page  # no menu, no login
    assert 'class="site-header__languages"' in page  # the language switch stays
    assert "/papieren-stembiljet/" in page and "/kiosk/uit/" in page


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["staff_elsewhere", "administrator_elsewhere", "resident", "reviewer"])
def test_nobody_but_the_districts_officials_can_make_a_kiosk(vote: Vote, people: People, who: str) -> None:
    user = {
        "staff_elsewhere": people.staff_elsewhere[Role.OFFICIAL],
        "administrator_elsewhere": people.administrator_elsewhere,
        "resident": people.resident,
        "reviewer": people.staff[Role.REVIEWER],
    }[who]
    response = client_for(user).post(url("kiosk_on", vote[0]))
    assert response.status_code == 403
    assert mode.COOKIE not in response.cookies
    assert not AuditEntry.objects.filter(action="voting.kiosk_started").exists()


@pytest.mark.django_db
def test_an_anonymous_visitor_is_sent_to_log_in_and_gets_no_kiosk(vote: Vote) -> None:
    response = Client().post(url("kiosk_on", vote[0]))
    assert response.status_code == 302 and "next=" in response["Location"]
    assert mode.COOKIE not in response.cookies


@pytest.mark.django_db
def test_a_vote_that_is_not_open_gets_no_kiosk_and_says_why(district: District, people: People) -> None:
    edition, _ = factories.make_vote(district=district, phase="review")
    official = client_for(people.staff[Role.OFFICIAL])
    response = official.post(url("kiosk_on", edition), follow=True)
    assert KioskError("vote_not_open").message in response.content.decode()
    assert mode.COOKIE not in official.cookies or not official.cookies[mode.COOKIE].value
    with pytest.raises(KioskError) as refused:
        start_kiosk(edition=edition, by=people.staff[Role.OFFICIAL])
    assert refused.value.code == "vote_not_open"


@pytest.mark.django_db
def test_a_forged_or_foreign_cookie_is_no_kiosk(vote: Vote) -> None:
    edition, _ = vote
    device = Client()
    device.cookies[mode.COOKIE] = signing.dumps([edition.pk, edition.slug], salt="something else")
    page = device.get(url("start", edition)).content.decode()
    assert ' kiosk"' not in page and "css/kiosk.css" not in page


@pytest.mark.django_db
def test_the_official_logs_in_on_the_kiosk_to_switch_it_off(
    kiosk: Client, vote: Vote, people: People
) -> None:
    edition, _ = vote
    assert kiosk.get(url("kiosk_off", edition)).status_code == 302  # to the login page
    kiosk.force_login(people.staff[Role.OFFICIAL])
    notice = dutch(
        "This device is a voting kiosk for %(edition)s. After switching it off, it shows the website as "
        "usual again, with the menu and your account."
    )
    assert notice.split("%(edition)s")[0] in kiosk.get(url("kiosk_off", edition)).content.decode()
    response = kiosk.post(url("kiosk_off", edition))
    assert response.status_code == 302 and response["Location"] == url("manage", edition)
    assert response.cookies[mode.COOKIE].value == ""  # deleted
    assert AuditEntry.objects.filter(action="voting.kiosk_stopped", edition=edition).count() == 1
    assert "css/kiosk.css" not in kiosk.get(url("manage", edition)).content.decode()


@pytest.mark.django_db
def test_another_districts_official_cannot_switch_the_kiosk_off(
    kiosk: Client, vote: Vote, people: People
) -> None:
    edition, _ = vote
    kiosk.force_login(people.staff_elsewhere[Role.OFFICIAL])
    assert kiosk.post(url("kiosk_off", edition)).status_code == 403
    assert kiosk.cookies[mode.COOKIE].value  # still a kiosk
    assert not AuditEntry.objects.filter(action="voting.kiosk_stopped").exists()


@pytest.mark.django_db
def test_switching_off_a_device_that_is_no_kiosk_is_refused_with_a_message(
    vote: Vote, people: People
) -> None:
    official = client_for(people.staff[Role.OFFICIAL])
    response = official.post(url("kiosk_off", vote[0]))
    assert response.status_code == 200
    assert KioskError("not_this_kiosk").message in response.content.decode()


@pytest.mark.django_db
def test_the_management_page_offers_the_kiosk_and_the_paper_ballot(vote: Vote, people: People) -> None:
    page = client_for(people.staff[Role.OFFICIAL]).get(url("manage", vote[0])).content.decode()
    assert url("kiosk_on", vote[0]) in page and url("paper_ballot", vote[0]) in page
