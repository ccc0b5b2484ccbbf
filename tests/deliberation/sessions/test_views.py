"""The work-session pages: who may open them, their forms and messages, the materials, the officials'
questions page, and the public meetings page before and after the panel's decision."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from accounts.models import Role, User
from deliberation.models import Attendance, PanelQuestion, Presentation, WorkSession
from deliberation.sessions.services import ask_question, record_attendance, record_minutes
from editions.models import Edition
from notifications.models import Notification, NotificationKind
from tests import factories

from ..factories import (
    make_ballot_plan,
    make_facilitator,
    make_published_panel,
    make_session_edition,
    make_work_session,
    publish_decision,
)

pytestmark = pytest.mark.django_db


def client_for(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def edition() -> Edition:
    return make_session_edition()


@pytest.fixture
def facilitator(edition: Edition) -> User:
    return make_facilitator(edition)


@pytest.fixture
def session(edition: Edition, facilitator: User) -> WorkSession:
    return make_work_session(edition, facilitator)


def test_the_facilitator_pages_are_for_facilitators_of_the_district_only(
    edition: Edition, session: WorkSession
) -> None:
    urls = [
        f"/panel/{edition.slug}/sessies/",
        f"/panel/{edition.slug}/sessies/1/",
        f"/panel/{edition.slug}/sessies/materiaal/",
    ]
    others = [
        factories.make_staff(role=r, district=edition.district) for r in (Role.OFFICIAL, Role.COMMITTEE)
    ]
    others.append(factories.make_staff(role=Role.FACILITATOR, district=factories.make_district()))
    others.append(factories.make_user())
    for url in urls:
        assert Client().get(url).status_code == 302
        for user in others:
            assert client_for(user).get(url).status_code == 403, url
        assert client_for(make_facilitator(edition)).get(url).status_code == 200, url


def test_unknown_editions_and_sessions_are_not_found(edition: Edition, facilitator: User) -> None:
    client = client_for(facilitator)
    assert client.get("/panel/bestaat-niet/sessies/").status_code == 404
    assert client.get("/panel/bestaat-niet/bijeenkomsten/").status_code == 404
    assert client.get("/panel/bestaat-niet/vragen/").status_code == 404
    assert client.get(f"/panel/{edition.slug}/sessies/9/").status_code == 404


def test_an_edition_without_a_panel_has_no_session_pages() -> None:
    edition = factories.make_edition_in_phase("decision")
    client = client_for(make_facilitator(edition))
    assert client.get(f"/panel/{edition.slug}/sessies/").status_code == 404
    assert Client().get(f"/panel/{edition.slug}/bijeenkomsten/").status_code == 404


def test_a_facilitator_plans_a_session_from_the_list(edition: Edition, facilitator: User) -> None:
    response = client_for(facilitator).post(
        f"/en/panel/{edition.slug}/sessies/",
        {
            "title": "Eerste bijeenkomst",
            "starts_at": "2027-03-02T19:00",
            "ends_at": "2027-03-02T22:00",
            "place": "Buurthuis",
            "agenda": "Welkom\nUitleg",
        },
        follow=True,
    )
    assert "Session 1 has been planned." in response.content.decode()
    session = WorkSession.objects.get(edition=edition)
    assert timezone.localtime(session.starts_at).hour == 19
    assert str(timezone.localtime(session.starts_at).tzinfo) == "Europe/Amsterdam"
    assert response.redirect_chain[-1][0] == f"/en/panel/{edition.slug}/sessies/1/"


def test_bad_session_input_is_shown_in_the_error_summary(edition: Edition, facilitator: User) -> None:
    client = client_for(facilitator)
    url = f"/en/panel/{edition.slug}/sessies/"
    response = client.post(url, {"title": "", "starts_at": "2027-03-02T19:00", "ends_at": "2027-03-02T18:00"})
    page = response.content.decode()
    assert response.status_code == 200 and 'id="form-errors"' in page
    assert "Give the session a title." in page and "Say where the session takes place." in page
    response = client.post(
        url,
        {
            "title": "Avond",
            "starts_at": "2027-03-02T19:00",
            "ends_at": "2027-03-02T18:00",
            "place": "Buurthuis",
            "agenda": "Welkom",
        },
    )
    assert "The session must end after it starts." in response.content.decode()
    assert not WorkSession.objects.exists()


def test_the_session_page_records_attendance_and_minutes(
    edition: Edition, facilitator: User, session: WorkSession
) -> None:
    draw = make_published_panel(edition, size=4)
    members = list(draw.members.order_by("pool_id").select_related("respondent"))
    client = client_for(facilitator)
    url = f"/en/panel/{edition.slug}/sessies/1/"
    page = client.get(url).content.decode()
    assert members[0].pool_id in page and members[0].respondent.name in page  # type: ignore[union-attr]
    response = client.post(
        url,
        {"action": "attendance", "attendance-present": [str(members[0].pk), str(members[1].pk)]},
        follow=True,
    )
    assert "The attendance has been saved." in response.content.decode()
    assert "2 of 4 members present" in response.content.decode()
    assert Attendance.objects.filter(session=session, present=True).count() == 2
    response = client.post(
        url, {"action": "minutes", "minutes-minutes": "We bespraken de plannen."}, follow=True
    )
    assert "The minutes have been saved." in response.content.decode()
    session.refresh_from_db()
    assert session.minutes == "We bespraken de plannen."


def test_empty_minutes_and_strangers_in_the_attendance_are_shown_as_errors(
    edition: Edition, facilitator: User, session: WorkSession
) -> None:
    make_published_panel(edition, size=3)
    client = client_for(facilitator)
    url = f"/en/panel/{edition.slug}/sessies/1/"
    page = client.post(url, {"action": "minutes", "minutes-minutes": "  "}).content.decode()
    assert 'id="form-errors"' in page and "The minutes are empty." in page
    page = client.post(url, {"action": "attendance", "attendance-present": ["999999"]}).content.decode()
    assert 'id="form-errors"' in page and "Only members of the panel can be marked present." in page
    assert not Attendance.objects.exists()


def test_the_session_page_changes_details_invites_presenters_and_records_questions(
    edition: Edition, facilitator: User, session: WorkSession
) -> None:
    plan = make_ballot_plan(edition, title="Geveltuinen")
    client = client_for(facilitator)
    url = f"/en/panel/{edition.slug}/sessies/1/"
    assert "Geveltuinen" in client.get(url).content.decode()
    local = timezone.localtime(session.starts_at)
    response = client.post(
        url,
        {
            "action": "details",
            "details-title": "Kennismaken",
            "details-starts_at": local.strftime("%Y-%m-%dT%H:%M"),
            "details-ends_at": (local + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
            "details-place": "Wijkcentrum",
            "details-agenda": "Welkom",
        },
        follow=True,
    )
    assert "The session&#x27;s details have been saved." in response.content.decode()
    response = client.post(url, {"action": "invite", "invite-plan": str(plan.pk)}, follow=True)
    assert "have been invited and notified" in response.content.decode()
    assert Presentation.objects.filter(session=session, plan=plan).exists()
    assert Notification.objects.filter(
        recipient=plan.initiator, kind=NotificationKind.PANEL_PRESENTATION
    ).exists()
    page = client.post(url, {"action": "invite", "invite-plan": str(plan.pk)}).content.decode()
    assert "have already been invited to this session" in page
    response = client.post(
        url,
        {"action": "question", "question-question": "Wie onderhoudt het?", "question-plan": ""},
        follow=True,
    )
    assert "The question has been recorded for the officials." in response.content.decode()
    assert PanelQuestion.objects.get().session == session


def test_the_materials_page_lists_the_ballot_plans_with_verdicts_and_costs(
    edition: Edition, facilitator: User
) -> None:
    make_ballot_plan(edition, title="Speeltuin", costs=[200_000], adjusted_cost_cents=250_000)
    factories.make_plan(edition=edition, title="Afgewezen plan", status="not_feasible")
    page = client_for(facilitator).get(f"/en/panel/{edition.slug}/sessies/materiaal/").content.decode()
    assert "Speeltuin" in page and "Afgewezen plan" not in page
    assert "€2,500" in page and "€2,000" in page
    assert "Past goed in het groenplan." in page and "Feasible" in page
    assert "@media" not in page or 'media="print"' in page


def test_officials_answer_the_panels_questions(edition: Edition, facilitator: User) -> None:
    question = ask_question(edition=edition, by=facilitator, question="Mag dit op gemeentegrond?")
    official = factories.make_staff(role=Role.OFFICIAL, district=edition.district)
    client = client_for(official)
    url = f"/en/panel/{edition.slug}/vragen/"
    assert "Mag dit op gemeentegrond?" in client.get(url).content.decode()
    page = client.post(
        url, {"action": f"answer-{question.pk}", f"answer-{question.pk}-answer": ""}
    ).content.decode()
    assert "Write the answer." in page
    response = client.post(
        url, {"action": f"answer-{question.pk}", f"answer-{question.pk}-answer": "Ja."}, follow=True
    )
    assert "The answer has been saved." in response.content.decode()
    question.refresh_from_db()
    assert question.answer == "Ja." and question.answered_by == official


def test_the_questions_page_is_for_officials_reviewers_and_facilitators(
    edition: Edition, facilitator: User
) -> None:
    url = f"/panel/{edition.slug}/vragen/"
    for role in (Role.OFFICIAL, Role.REVIEWER, Role.FACILITATOR):
        assert (
            client_for(factories.make_staff(role=role, district=edition.district)).get(url).status_code == 200
        )
    assert (
        client_for(factories.make_staff(role=Role.COMMITTEE, district=edition.district)).get(url).status_code
        == 403
    )
    question = ask_question(edition=edition, by=facilitator, question="Vraag?")
    response = client_for(facilitator).post(
        url, {"action": f"answer-{question.pk}", f"answer-{question.pk}-answer": "Zelf bedacht."}
    )
    assert response.status_code == 403
    question.refresh_from_db()
    assert question.answer == ""


def test_the_public_page_shows_the_record_only_after_the_panels_decision(
    edition: Edition, facilitator: User, session: WorkSession
) -> None:
    draw = make_published_panel(edition, size=4)
    members = list(draw.members.order_by("pool_id").select_related("respondent"))
    record_attendance(session=session, by=facilitator, present=[m.pk for m in members[:3]])
    record_minutes(session=session, by=facilitator, minutes="Het verslag van de avond.")
    question = ask_question(
        edition=edition, by=facilitator, session=session, question="Wie betaalt het onderhoud?"
    )
    url = f"/en/panel/{edition.slug}/bijeenkomsten/"

    page = Client().get(url).content.decode()
    assert "Kennismaken" in page and "Buurthuis De Horizon" in page and "Welkom" in page
    assert "are published after the panel" in page
    assert "Het verslag van de avond." not in page
    assert "Wie betaalt het onderhoud?" not in page
    assert "members present" not in page

    publish_decision(edition, facilitator)
    PanelQuestion.objects.filter(pk=question.pk).update(
        answer="Het stadsdeel.", answered_by=facilitator, answered_at=timezone.now()
    )
    page = Client().get(url).content.decode()
    assert "Het verslag van de avond." in page
    assert "Wie betaalt het onderhoud?" in page and "Het stadsdeel." in page
    assert "3 of 4 members present" in page
    for member in members:
        assert member.pool_id not in page
        assert member.respondent is not None and member.respondent.name not in page


def test_the_public_page_is_in_dutch_at_the_dutch_address(edition: Edition, session: WorkSession) -> None:
    page = Client().get(f"/panel/{edition.slug}/bijeenkomsten/").content.decode()
    assert "Kennismaken" in page


def test_outside_the_panels_phases_the_pages_show_the_record_without_forms() -> None:
    edition = make_session_edition(phase="result")
    facilitator = make_facilitator(edition)
    WorkSession.objects.create(
        edition=edition,
        number=1,
        title="Slotavond",
        starts_at=timezone.now() - timedelta(days=3),
        ends_at=timezone.now() - timedelta(days=3) + timedelta(hours=2),
        place="Buurthuis",
        agenda="Besluit",
        created_by=facilitator,
    )
    client = client_for(facilitator)
    page = client.get(f"/en/panel/{edition.slug}/sessies/").content.decode()
    assert "Slotavond" in page and "Plan the session" not in page
    assert "Sessions can be planned and recorded during the review, shortlist and decision phases." in page
    response = client.post(
        f"/en/panel/{edition.slug}/sessies/1/",
        {"action": "minutes", "minutes-minutes": "Te laat."},
        follow=True,
    )
    assert "You cannot do this now." in response.content.decode()
    assert WorkSession.objects.get(edition=edition).minutes == ""


def test_after_the_decision_answers_can_no_longer_be_changed(edition: Edition, facilitator: User) -> None:
    question = ask_question(edition=edition, by=facilitator, question="Vraag?")
    publish_decision(edition, facilitator)
    official = factories.make_staff(role=Role.OFFICIAL, district=edition.district)
    url = f"/en/panel/{edition.slug}/vragen/"
    page = client_for(official).get(url).content.decode()
    assert "Save the answer" not in page and "can no longer be changed" in page
    response = client_for(official).post(
        url, {"action": f"answer-{question.pk}", f"answer-{question.pk}-answer": "Laat."}, follow=True
    )
    assert "can no longer be changed" in response.content.decode()
    question.refresh_from_db()
    assert question.answer == ""


def test_each_posted_action_of_the_questions_page_needs_its_own_role(
    edition: Edition, facilitator: User
) -> None:
    url = f"/en/panel/{edition.slug}/vragen/"
    response = client_for(facilitator).post(
        url, {"action": "ask", "question-question": "Wie onderhoudt het?"}, follow=True
    )
    assert "The question has been recorded for the officials." in response.content.decode()
    official = client_for(factories.make_staff(role=Role.OFFICIAL, district=edition.district))
    assert official.post(url, {"action": "ask", "question-question": "Zelf gevraagd?"}).status_code == 403
    for action in ("", "delete", "ask-1", "answer"):
        assert official.post(url, {"action": action}).status_code == 403
    assert list(PanelQuestion.objects.values_list("question", flat=True)) == ["Wie onderhoudt het?"]
