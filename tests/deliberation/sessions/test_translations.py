"""A session's title and agenda in other languages: entered by the facilitator, shown on the public page."""

from __future__ import annotations

import pytest
from django.test import Client

from accounts.models import Role, User
from deliberation.models import WorkSession
from deliberation.sessions.services import update_session
from editions.models import Edition
from tests import factories
from tests.helpers import page_text

from ..factories import make_facilitator, make_session_edition, make_work_session

pytestmark = pytest.mark.django_db


@pytest.fixture
def edition() -> Edition:
    return make_session_edition()


@pytest.fixture
def facilitator(edition: Edition) -> User:
    return make_facilitator(edition)


def session_data(**extra: str) -> dict[str, str]:
    data = {"title": "Kennismaken", "starts_at": "2027-03-02T19:00", "ends_at": "2027-03-02T22:00"}
    return data | {"place": "Buurthuis", "agenda": "Welkom\nUitleg"} | extra


def test_a_facilitator_plans_a_session_with_an_english_agenda(edition: Edition, facilitator: User) -> None:
    client = Client()
    client.force_login(facilitator)
    data = session_data(title__en="Getting to know each other", agenda__en=" Welcome \n\n Explanation ")
    client.post(f"/en/panel/{edition.slug}/sessies/", data)
    session = WorkSession.objects.get(edition=edition)
    assert session.translations == {
        "en": {"title": "Getting to know each other", "agenda": "Welcome\nExplanation"}
    }


def test_the_public_page_shows_the_english_agenda_and_marks_a_dutch_one(
    client: Client, edition: Edition, facilitator: User
) -> None:
    first = make_work_session(edition, facilitator)
    first.translations = {"en": {"agenda": "Welcome\nThe plans\nQuestions"}}
    first.save()
    body = page_text(client.get(f"/en/panel/{edition.slug}/bijeenkomsten/"))
    assert '<li class="utrecht-ordered-list__item">The plans</li>' in body
    # The title has no English text: the Dutch one, marked
    assert (
        '<span lang="nl" dir="ltr">Kennismaken</span> <span class="translated-fallback">(in Dutch)</span>'
        in body
    )
    first.translations = {}
    first.save()
    body = page_text(client.get(f"/en/panel/{edition.slug}/bijeenkomsten/"))
    dutch_agenda = '<ol class="utrecht-ordered-list" lang="nl" dir="ltr">'
    assert dutch_agenda + '<li class="utrecht-ordered-list__item">Welkom</li>' in body


def test_updating_without_translations_keeps_them(edition: Edition, facilitator: User) -> None:
    session = make_work_session(edition, facilitator)
    session.translations = {"en": {"title": "Meeting"}}
    session.save()
    update_session(
        session=session,
        by=facilitator,
        title="Kennismaken",
        starts_at=session.starts_at,
        ends_at=session.ends_at,
        place="Elders",
        agenda=session.agenda,
    )
    session.refresh_from_db()
    assert session.translations == {"en": {"title": "Meeting"}} and session.place == "Elders"


def test_a_facilitator_of_another_district_cannot_translate_a_session(
    edition: Edition, facilitator: User
) -> None:
    session = make_work_session(edition, facilitator)
    outsider = factories.make_staff(role=Role.FACILITATOR, district=factories.make_district())
    client = Client()
    client.force_login(outsider)
    response = client.post(f"/en/panel/{edition.slug}/sessies/{session.number}/", session_data(title__en="X"))
    assert response.status_code in (403, 404)
    session.refresh_from_db()
    assert session.translations == {}
