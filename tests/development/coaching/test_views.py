"""Coaching's pages: the log stays private from every other side; the desk, partners and my coaching."""

from __future__ import annotations

import pytest
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from accounts.models import User
from development.coaching import selectors
from development.models import Coaching, CoachingStep, Partner
from tests import factories

from .world import LOG_TEXT, World, make_world

pytestmark = pytest.mark.django_db


def _client(user: User | None = None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def _en(name: str, *args: object, **kwargs: object) -> str:
    """The page's address in English, so that the tests read the English messages."""
    with translation.override("en"):
        return reverse(name, args=args or None, kwargs=kwargs or None)


def _log_url(world: World) -> str:
    return _en("development:coaching", world.coaching.pk)


def test_the_log_page_shows_the_log_to_its_readers() -> None:
    world = make_world()
    for person in (world.partner_coach, world.initiator, world.official, world.reviewer):
        response = _client(person).get(_log_url(world))
        assert response.status_code == 200
        assert LOG_TEXT in response.content.decode()


def test_the_log_page_is_refused_to_everyone_else_and_never_shows_the_log() -> None:
    world = make_world()
    anonymous = Client().get(_log_url(world))
    assert anonymous.status_code == 302 and "/inloggen/" in anonymous["Location"]
    for person in (world.resident, world.other_official, world.other_partner_coach):
        response = _client(person).get(_log_url(world))
        assert response.status_code == 404
        assert LOG_TEXT not in response.content.decode()
        posted = _client(person).post(_log_url(world), {"kind": "note", "body": "Ingebroken"})
        assert posted.status_code == 404
    assert world.coaching.notes.count() == 1


def test_the_selectors_of_my_coaching_show_nothing_of_others() -> None:
    world = make_world()
    for person in (world.resident, world.other_official, world.other_partner_coach):
        assert selectors.coached_by(person) == []
        assert selectors.coaching_of_initiator(person) == []
        page = _client(person).get(_en("development:my_coaching")).content.decode()
        assert world.idea.title not in page and LOG_TEXT not in page
    assert selectors.coached_by(world.partner_coach) == [world.coaching]
    assert selectors.coaching_of_initiator(world.initiator) == [world.coaching]


def test_the_link_include_shows_the_coach_only_to_those_who_may_read_the_log() -> None:
    world = make_world()
    coaching = selectors.coaching_for(idea=world.idea)
    for person in (world.initiator, world.official):
        html = render_to_string("development/coaching/_link.html", {"coaching": coaching, "user": person})
        link = reverse("development:coaching", args=[world.coaching.pk])
        assert world.partner_coach.display_name in html and f'href="{link}"' in html
    for person in (world.resident, world.other_official):
        html = render_to_string("development/coaching/_link.html", {"coaching": coaching, "user": person})
        assert html.strip() == ""


def test_the_ideas_public_page_never_shows_the_log() -> None:
    world = make_world()
    url = reverse("development:idea", args=[world.idea.pk])
    for client in (Client(), _client(world.resident), _client(world.initiator)):
        response = client.get(url)
        assert response.status_code == 200
        assert LOG_TEXT not in response.content.decode()


def test_the_coach_writes_an_appointment_and_marks_the_permit_step_through_the_page() -> None:
    world = make_world()
    client = _client(world.partner_coach)
    response = client.post(
        _log_url(world),
        {"kind": "appointment", "body": "Langs bij de tuin", "happens_at": "2027-03-02T19:30"},
    )
    assert response.status_code == 302
    note = world.coaching.notes.latest("pk")
    assert note.happens_at is not None
    assert (timezone.localtime(note.happens_at).hour, note.body) == (19, "Langs bij de tuin")  # Amsterdam
    step_url = _en("development:coaching_step", world.coaching.pk)
    missing = client.post(step_url, {"step": "permit", "permit": "", "note": ""})
    assert missing.status_code == 400
    assert "Say whether a permit is needed." in missing.content.decode()
    assert (
        client.post(step_url, {"step": "permit", "permit": "needed", "note": "Voor de schuur"}).status_code
        == 302
    )
    assert CoachingStep.objects.get(coaching=world.coaching).permit == "needed"
    undo = _en("development:coaching_step_undo", world.coaching.pk, "permit")
    assert _client(world.initiator).post(undo).status_code == 403
    assert client.post(undo).status_code == 302
    assert not CoachingStep.objects.exists()


def test_an_appointment_without_a_time_is_refused_on_the_page() -> None:
    world = make_world()
    response = _client(world.initiator).post(_log_url(world), {"kind": "appointment", "body": "Wanneer?"})
    assert response.status_code == 400
    assert "Give the date and time of the appointment." in response.content.decode()
    assert world.coaching.notes.count() == 1


def test_the_desk_lists_ideas_and_drafts_and_assigns_a_coach() -> None:
    world = make_world()
    url = _en("development:desk", slug=world.edition.slug)
    client = _client(world.official)
    page = client.get(url).content.decode()
    assert world.idea.title in page and world.draft.title in page and "No coach yet" in page
    response = client.post(url, {"plan": world.draft.pk, "coach": world.reviewer.pk})
    assert response.status_code == 302
    assert Coaching.objects.get(plan=world.draft, ended_at__isnull=True).coach == world.reviewer
    wrong = client.post(url, {"plan": world.draft.pk, "coach": world.resident.pk})
    assert wrong.status_code == 400
    assert "cannot coach here" in wrong.content.decode()
    assert Coaching.objects.get(plan=world.draft, ended_at__isnull=True).coach == world.reviewer


def test_the_desk_and_partners_page_are_for_the_districts_officials() -> None:
    world = make_world()
    desk = _en("development:desk", slug=world.edition.slug)
    partners = _en("development:partners", district=world.district.slug)
    for person in (world.reviewer, world.partner_coach, world.resident, world.other_official):
        assert _client(person).get(desk).status_code == 403
        assert _client(person).get(partners).status_code == 403
    assert _client(world.official).get(partners).status_code == 200


def test_an_official_names_a_partner_and_adds_a_coach_through_the_page() -> None:
    world = make_world()
    client = _client(world.official)
    url = _en("development:partners", district=world.district.slug)
    assert client.post(url, {"name": "De Brug", "description": "Buurtcentrum"}).status_code == 302
    partner = Partner.objects.get(name="De Brug")
    coach_url = _en("development:partner_coach", partner.pk)
    unknown = client.post(coach_url, {"email": "onbekend@example.org"})
    assert unknown.status_code == 400
    assert "There is no account with this e-mail address." in unknown.content.decode()
    person = factories.make_user()
    assert client.post(coach_url, {"email": person.email}).status_code == 302
    assert partner.coaches.get().user == person
    assert client.post(_en("development:partner_end", partner.pk)).status_code == 302
    partner.refresh_from_db()
    assert partner.ended_at is not None
