"""The idea pages without JavaScript: forms post and redirect, refusals are shown, no e-mail is ever shown."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role, User
from development.ideas.services.people import answer_join_request, ask_to_join
from development.ideas.services.posting import hide_idea
from development.ideas.services.support import support_idea
from development.models import Idea, IdeaMember, IdeaSupport
from editions.models import Edition
from editions.timeline import timeline_of
from pages.next_step import next_step
from tests import factories

from .helpers import make_idea, neighbourhood_of


def test_the_list_shows_ideas_newest_first_and_filters_by_neighbourhood_and_need(
    edition: Edition, client: Client
) -> None:
    here = neighbourhood_of(edition)
    there = factories.make_neighbourhood(district=edition.district, name="Osdorp")
    make_idea(edition=edition, title="Oud idee", neighbourhood=here, needs=["people"])
    make_idea(edition=edition, title="Nieuw idee", neighbourhood=there, needs=["permit"])
    url = reverse("development:ideas", kwargs={"slug": edition.slug})
    page = client.get(url).content.decode()
    assert page.index("Nieuw idee") < page.index("Oud idee")
    by_place = client.get(url, {"neighbourhood": there.pk}).content.decode()
    assert "Nieuw idee" in by_place and "Oud idee" not in by_place
    by_need = client.get(url, {"need": "people"}).content.decode()
    assert "Oud idee" in by_need and "Nieuw idee" not in by_need


def test_a_resident_posts_an_idea_with_the_form(edition: Edition, resident: User, client: Client) -> None:
    client.force_login(resident)
    url = reverse("development:new_idea", kwargs={"slug": edition.slug})
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "title": "Speeltuin opknappen",
            "text": "De schommels zijn kapot.",
            "neighbourhood": neighbourhood_of(edition).pk,
            "needs": ["people", "know_how"],
        },
    )
    idea = Idea.objects.get(title="Speeltuin opknappen")
    assert response.status_code == 302 and response["Location"] == idea.get_absolute_url()
    assert idea.needs == ["people", "know_how"] and idea.public_name == "Anna"


def test_the_form_shows_a_refusal_and_saves_nothing(
    edition: Edition, resident: User, client: Client, other_district: object
) -> None:
    client.force_login(resident)
    elsewhere = factories.make_neighbourhood(district=other_district)  # type: ignore[arg-type]
    url = reverse("development:new_idea", kwargs={"slug": edition.slug})
    response = client.post(url, {"title": " ", "text": "Iets", "neighbourhood": neighbourhood_of(edition).pk})
    assert response.status_code == 400 and not Idea.objects.exists()
    response = client.post(url, {"title": "Iets", "text": "Iets", "neighbourhood": elsewhere.pk})
    assert response.status_code == 400 and not Idea.objects.exists()  # not a choice of this district


def test_the_new_idea_page_says_when_ideas_are_closed(resident: User, client: Client) -> None:
    edition = factories.make_edition_in_phase("review")
    client.force_login(resident)
    response = client.get(reverse("development:new_idea", kwargs={"slug": edition.slug}))
    assert response.status_code == 403
    assert "Ideas can only be shared while the ideas or plans phase is open." in response.content.decode()


def test_support_join_and_answer_work_by_plain_posts(
    edition: Edition, resident: User, client: Client
) -> None:
    initiator = factories.make_user()
    idea = make_idea(edition=edition, initiator=initiator)
    client.force_login(resident)
    assert client.post(reverse("development:support_idea", args=[idea.pk])).status_code == 302
    assert IdeaSupport.objects.filter(idea=idea, user=resident).exists()
    join = reverse("development:join_idea", args=[idea.pk])
    assert client.get(join).status_code == 200
    response = client.post(join, {"role": "volunteer", "offer": "Een ladder", "public_name": "Anna B."})
    assert response.status_code == 302
    again = client.post(join, {"role": "volunteer", "offer": "Nog een ladder"})
    assert again.status_code == 409 and "You have already asked to join this idea." in again.content.decode()
    member = IdeaMember.objects.get(idea=idea, user=resident)
    client.force_login(initiator)
    assert "Anna B." in client.get(idea.get_absolute_url()).content.decode()  # the request, to answer
    client.post(reverse("development:answer_idea_join", args=[member.pk]), {"answer": "accept"})
    assert IdeaMember.objects.get(pk=member.pk).status == "accepted"


def test_joining_your_own_idea_is_refused_on_the_form(
    edition: Edition, resident: User, client: Client
) -> None:
    idea = make_idea(edition=edition, initiator=resident)
    client.force_login(resident)
    response = client.post(
        reverse("development:join_idea", args=[idea.pk]), {"role": "volunteer", "offer": "Ik"}
    )
    assert response.status_code == 400
    assert "You cannot join your own idea" in response.content.decode()
    assert not IdeaMember.objects.exists()


def test_the_idea_page_shows_public_names_only_never_an_email(edition: Edition, client: Client) -> None:
    initiator = factories.make_user(email="initiatief@example.org", display_name="Ina")
    idea = make_idea(edition=edition, initiator=initiator, public_name="Ina van het plein")
    helper = factories.make_user(email="helper@example.org", display_name="Hidde")
    asking = factories.make_user(email="vraag@example.org")
    member = ask_to_join(
        idea=idea, user=helper, role="volunteer", offer="Tuingereedschap", public_name="Hidde"
    )
    answer_join_request(member=member, by=initiator, accept=True)
    ask_to_join(idea=idea, user=asking, role="volunteer", offer="Misschien", public_name="Nog niet")
    for viewer in (None, initiator, factories.make_user()):
        if viewer is None:
            client.logout()
        else:
            client.force_login(viewer)
        page = client.get(idea.get_absolute_url()).content.decode()
        assert "Ina van het plein" in page and "Hidde" in page and "Tuingereedschap" in page
        assert "2 people asked to join." in page
        assert "@example.org" not in page
    client.logout()
    assert "Nog niet" not in client.get(idea.get_absolute_url()).content.decode()  # not on board yet


def test_the_draft_button_sends_the_initiator_to_the_wizard(
    edition: Edition, resident: User, client: Client
) -> None:
    idea = make_idea(edition=edition, initiator=resident)
    client.force_login(resident)
    page = client.get(idea.get_absolute_url()).content.decode()
    assert "Make a draft plan" in page and 'name="theme"' in page  # two themes: choose one
    theme = edition.themes.first()
    assert theme is not None
    response = client.post(reverse("development:draft_plan_from_idea", args=[idea.pk]), {"theme": theme.pk})
    idea.refresh_from_db()
    assert idea.plan is not None
    assert response["Location"] == reverse("proposals:edit", kwargs={"pk": idea.plan.pk, "step": "wat"})
    again = client.post(
        reverse("development:draft_plan_from_idea", args=[idea.pk]), {"theme": theme.pk}, follow=True
    )
    assert "This idea has already become a plan." in again.content.decode()


def test_the_edition_page_links_to_ideas_and_the_ideas_phase_offers_sharing_one(
    db: None, client: Client
) -> None:
    start = timezone.now() - 1.5 * factories.PHASE_LENGTH
    edition = factories.make_edition(kinds=factories.IDEAS_PHASE_KINDS, start=start, is_published=True)
    step = next_step(edition, timeline_of(edition))
    assert step is not None and step.label == "Share an idea"
    assert step.url == reverse("development:ideas", kwargs={"slug": edition.slug})
    page = client.get(edition.get_absolute_url()).content.decode()
    assert reverse("development:ideas", kwargs={"slug": edition.slug}) in page


def test_the_list_counts_supporters_and_people_on_board(
    edition: Edition, resident: User, client: Client
) -> None:
    initiator = factories.make_user()
    idea = make_idea(edition=edition, initiator=initiator, title="Bankjes")
    support_idea(idea=idea, user=resident)
    support_idea(idea=idea, user=factories.make_user())
    answer_join_request(
        member=ask_to_join(idea=idea, user=resident, role="volunteer", offer="Verf"),
        by=initiator,
        accept=True,
    )
    ask_to_join(idea=idea, user=factories.make_user(), role="volunteer", offer="Kwasten")  # not on board yet
    page = client.get(reverse("development:ideas", kwargs={"slug": edition.slug})).content.decode()
    assert "2 supporters" in page and "1 person on board" in page


def test_a_hidden_idea_leaves_the_list_and_its_page_shows_the_reason_only(
    edition: Edition, client: Client
) -> None:
    idea = make_idea(edition=edition, title="Koop horloges", text="Goedkope horloges te koop.")
    moderator = factories.make_staff(role=Role.OFFICIAL, district=edition.district)
    hide_idea(idea=idea, moderator=moderator, reason="Reclame")
    assert (
        "Koop horloges"
        not in client.get(reverse("development:ideas", kwargs={"slug": edition.slug})).content.decode()
    )
    page = client.get(idea.get_absolute_url()).content.decode()
    assert "Hidden by a moderator: Reclame" in page
    assert "Goedkope horloges" not in page and "Koop horloges" not in page
