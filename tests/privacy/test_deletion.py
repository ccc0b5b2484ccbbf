"""Deleting an account removes and anonymises what it says, keeps what must stay, refuses what blocks it."""

from __future__ import annotations

import pytest
from django.test import Client

from accounts.models import Role, User
from editions.models import Edition
from execution.models import Follow, ProjectStatus
from notifications.models import Notification
from privacy.errors import PrivacyError
from privacy.services.deletion import PlanNames, delete_account
from proposals.models import Comment, Like, Plan
from tests import factories
from tests.execution.factories import owner_of, published_projects

from .world import make_world

pytestmark = pytest.mark.django_db


def test_deleting_removes_the_activity_keeps_the_public_plan_and_empties_the_account(
    edition: Edition,
) -> None:
    world = make_world(edition)

    delete_account(user=world.anna, confirmation=factories.PASSWORD, plans=PlanNames.KEEP)

    assert not Like.objects.filter(user=world.anna).exists()
    assert not Follow.objects.filter(user=world.anna).exists()
    assert not Notification.objects.filter(recipient=world.anna).exists()
    assert not Comment.objects.filter(pk=world.annas_comment.pk).exists()
    assert Comment.objects.get(pk=world.brams_reply.pk).parent is None  # Bram's reply stays
    assert not Plan.objects.filter(pk=world.annas_draft.pk).exists()
    assert Plan.objects.get(pk=world.annas_plan.pk).public_name == "Anna"
    emptied = User.objects.get(pk=world.anna.pk)
    assert emptied.email == f"deleted-{emptied.pk}@deleted.invalid" and emptied.display_name == "Anna"
    assert not emptied.is_active and not emptied.has_usable_password()
    assert Like.objects.filter(user=world.bram).count() == 1  # nothing of Bram's changed


def test_anonymising_shows_the_plans_without_a_name(edition: Edition) -> None:
    world = make_world(edition)

    delete_account(user=world.anna, confirmation=factories.PASSWORD, plans=PlanNames.ANONYMISE)

    assert Plan.objects.get(pk=world.annas_plan.pk).public_name == "Een bewoner"
    assert User.objects.get(pk=world.anna.pk).display_name == "Een bewoner"


def test_an_account_nothing_points_at_is_deleted_outright() -> None:
    user = factories.make_user()

    delete_account(user=user, confirmation=factories.PASSWORD, plans=PlanNames.KEEP)

    assert not User.objects.filter(pk=user.pk).exists()


def test_an_account_without_a_password_is_confirmed_with_its_e_mail_address() -> None:
    user = factories.make_user(email="zonder@example.org")
    user.set_unusable_password()
    user.save()

    with pytest.raises(PrivacyError, match="e-mailadres"):
        delete_account(user=user, confirmation="iemand@example.org", plans=PlanNames.KEEP)
    delete_account(user=user, confirmation=" Zonder@example.org", plans=PlanNames.KEEP)
    assert not User.objects.filter(pk=user.pk).exists()


@pytest.mark.parametrize(
    ("confirmation", "plans", "code"),
    [("fout", PlanNames.KEEP, "wrong_password"), (factories.PASSWORD, "burn", "bad_choice")],
)
def test_bad_input_is_refused_and_changes_nothing(
    edition: Edition, confirmation: str, plans: str, code: str
) -> None:
    world = make_world(edition)

    with pytest.raises(PrivacyError) as refused:
        delete_account(user=world.anna, confirmation=confirmation, plans=plans)

    assert refused.value.code == code
    assert User.objects.get(pk=world.anna.pk).email == "anna@example.org"
    assert (
        Like.objects.filter(user=world.anna).exists()
        and Plan.objects.filter(initiator=world.anna).count() == 2
    )


def test_a_project_being_carried_out_blocks_the_deletion_until_it_is_finished() -> None:
    _edition, _plans, _official, projects = published_projects()
    owner = owner_of(projects[0])

    with pytest.raises(PrivacyError) as refused:
        delete_account(user=owner, confirmation=factories.PASSWORD, plans=PlanNames.KEEP)
    assert refused.value.code == "open_project" and projects[0].plan.title in refused.value.message
    assert User.objects.get(pk=owner.pk).is_active

    projects[0].status = ProjectStatus.STOPPED
    projects[0].stop_reason = "Gestopt"
    projects[0].stopped_at = projects[0].opened_at
    projects[0].save()
    if projects[1].owners.filter(user=owner).exists():
        projects[1].owners.filter(user=owner).delete()
    delete_account(user=owner, confirmation=factories.PASSWORD, plans=PlanNames.KEEP)
    assert not User.objects.get(pk=owner.pk).is_active


def test_a_staff_account_is_refused(district: object) -> None:
    official = factories.make_staff(role=Role.OFFICIAL, district=district)  # type: ignore[arg-type]

    with pytest.raises(PrivacyError) as refused:
        delete_account(user=official, confirmation=factories.PASSWORD, plans=PlanNames.KEEP)
    assert refused.value.code == "staff_account" and User.objects.get(pk=official.pk).is_active


def test_the_page_deletes_after_the_password_and_logs_out(client: Client, edition: Edition) -> None:
    world = make_world(edition)
    client.force_login(world.anna)

    wrong = client.post("/privacy/account-verwijderen/", {"plans": "keep", "confirmation": "fout"})
    assert wrong.status_code == 400 and "Dat is niet je wachtwoord" in wrong.content.decode()

    done = client.post("/privacy/account-verwijderen/", {"plans": "keep", "confirmation": factories.PASSWORD})
    assert done.status_code == 302 and done["Location"] == "/privacy/account-verwijderd/"
    assert "_auth_user_id" not in client.session
    assert client.get("/privacy/mijn-gegevens/").status_code == 302  # to the login page


def test_the_account_page_links_to_your_data(client: Client, resident: User) -> None:
    client.force_login(resident)
    assert 'href="/privacy/mijn-gegevens/"' in client.get("/account/").content.decode()


def test_guessing_the_password_is_stopped_after_five_tries(edition: Edition) -> None:
    world = make_world(edition)
    for _ in range(5):
        with pytest.raises(PrivacyError, match="wachtwoord"):
            delete_account(user=world.anna, confirmation="gok", plans=PlanNames.KEEP)

    with pytest.raises(PrivacyError) as refused:
        delete_account(user=world.anna, confirmation=factories.PASSWORD, plans=PlanNames.KEEP)

    assert refused.value.code == "too_many_attempts"
    assert User.objects.get(pk=world.anna.pk).is_active


def test_the_development_track_goes_with_the_account_but_an_idea_that_became_a_plan_stays(
    edition: Edition,
) -> None:
    from datetime import timedelta

    from django.utils import timezone

    from development.models import (
        Coaching,
        CoachingNote,
        Idea,
        IdeaComment,
        IdeaMember,
        IdeaSupport,
        Workshop,
        WorkshopSignUp,
    )
    from review.models import PreCheck

    world = make_world(edition)
    anna, bram = world.anna, world.bram
    official = factories.make_staff(role=Role.OFFICIAL, district=edition.district)
    place = factories.make_neighbourhood(district=edition.district)
    now = timezone.now()

    def idea(by: User, title: str, plan: Plan | None = None) -> Idea:
        return Idea.objects.create(
            edition=edition, title=title, text="Tekst.", neighbourhood=place, initiator=by,
            public_name=by.display_name, plan=plan, drafted_at=now if plan else None,
        )  # fmt: skip

    idea(anna, "Moestuin")  # never became a plan: goes
    drafted = idea(anna, "Bankjes", plan=world.annas_draft)  # became the draft: goes with it
    submitted = idea(anna, "Park", plan=world.annas_plan)  # became the submitted plan: stays
    brams = idea(bram, "Speeltuin")
    coaching = Coaching.objects.create(
        idea=drafted, plan=world.annas_draft, coach=official, assigned_by=official
    )
    CoachingNote.objects.create(coaching=coaching, author=official, kind="advice", body="Vraag offertes.")
    PreCheck.objects.create(plan=world.annas_draft, asked_by=anna, due_at=now + timedelta(days=10))
    brams_coaching = Coaching.objects.create(idea=brams, coach=official, assigned_by=official)
    CoachingNote.objects.create(coaching=brams_coaching, author=anna, kind="note", body="Ik help mee.")
    kept_note = CoachingNote.objects.create(
        coaching=brams_coaching, author=official, kind="advice", body="Goed."
    )
    IdeaSupport.objects.create(idea=brams, user=anna)
    IdeaSupport.objects.create(idea=submitted, user=bram)
    IdeaMember.objects.create(idea=brams, user=anna, role="volunteer", offer="Koffie", public_name="Anna")
    IdeaComment.objects.create(idea=brams, author=anna, body="Leuk!")
    workshop = Workshop.objects.create(
        edition=edition, title="Van idee naar plan", starts_at=now, ends_at=now + timedelta(hours=2),
        place="Buurthuis", language="nl", capacity=10, seats_taken=1, announced_by=official,
    )  # fmt: skip
    WorkshopSignUp.objects.create(workshop=workshop, user=anna)

    delete_account(user=anna, confirmation=factories.PASSWORD, plans=PlanNames.ANONYMISE)

    assert set(Idea.objects.values_list("title", flat=True)) == {"Park", "Speeltuin"}
    assert Idea.objects.get(pk=submitted.pk).public_name == "Een bewoner"
    assert not Coaching.objects.filter(idea_id=drafted.pk).exists()  # went with the draft and its idea
    assert not PreCheck.objects.exists()
    assert list(CoachingNote.objects.filter(coaching=brams_coaching)) == [kept_note]
    for model, field in ((IdeaSupport, "user"), (IdeaMember, "user"), (WorkshopSignUp, "user")):
        assert not model.objects.filter(**{field: anna}).exists()
    assert not IdeaComment.objects.filter(author=anna).exists()
    assert Workshop.objects.get(pk=workshop.pk).seats_taken == 0  # her place is free again
    assert IdeaSupport.objects.filter(user=bram).count() == 1  # nothing of Bram's changed
    assert not User.objects.get(pk=anna.pk).is_active


def test_the_download_holds_ones_own_ideas_and_what_one_did_on_others(edition: Edition) -> None:
    from development.models import Idea, IdeaComment, IdeaSupport
    from privacy.selectors.export import personal_data

    world = make_world(edition)
    place = factories.make_neighbourhood(district=edition.district)
    brams = Idea.objects.create(
        edition=edition, title="Speeltuin", text="Tekst.", neighbourhood=place, initiator=world.bram,
        public_name="Bram",
    )  # fmt: skip
    Idea.objects.create(
        edition=edition, title="Moestuin", text="Tekst.", neighbourhood=place, initiator=world.anna,
        public_name="Anna",
    )  # fmt: skip
    IdeaSupport.objects.create(idea=brams, user=world.anna)
    IdeaComment.objects.create(idea=brams, author=world.anna, body="Leuk!")

    data = personal_data(world.anna)

    assert [row["title"] for row in data["ideas"]] == ["Moestuin"]
    assert data["on_ideas"]["supported"][0]["idea"] == "Speeltuin"
    assert data["on_ideas"]["comments"][0]["text"] == "Leuk!"
    assert "Bram" not in str(data["ideas"])
