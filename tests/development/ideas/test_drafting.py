"""An idea becomes a draft plan: once, by its initiator, with its people and coach; the idea stays."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from accounts.models import Role, User
from development.ideas.services.discussion import post_idea_comment
from development.ideas.services.drafting import SUMMARY_LENGTH, draft_plan_from_idea, summary_of
from development.ideas.services.people import answer_join_request, ask_to_join
from development.ideas.services.support import support_idea
from development.models import Coaching, Idea
from editions.models import Edition
from proposals.models import CoInitiatorStatus, Plan, PlanStatus
from proposals.services.submission import CostLineInput, save_draft, submit_plan
from tests import factories
from tests.concurrency import run_at_once
from tests.refusals import refused

from .helpers import make_idea


def _plans() -> int:
    return Plan.objects.count()


def _idea_with_people(edition: Edition, initiator: User) -> tuple[Idea, User, User]:
    idea = make_idea(
        edition=edition, initiator=initiator, title="Buurtmoestuin", text="Een moestuin.\nMet bankjes."
    )
    co, volunteer = factories.make_user(display_name="Co"), factories.make_user(display_name="Vera")
    for user, role in ((co, "co_initiator"), (volunteer, "volunteer")):
        member = ask_to_join(idea=idea, user=user, role=role, offer="Handen")
        answer_join_request(member=member, by=initiator, accept=True)
    return idea, co, volunteer


def test_an_idea_becomes_a_draft_plan_with_its_co_initiators(edition: Edition, resident: User) -> None:
    idea, co, _volunteer = _idea_with_people(edition, resident)
    theme = edition.themes.get(name="Sport")
    plan = draft_plan_from_idea(idea=idea, by=resident, theme=theme)
    assert (plan.status, plan.initiator, plan.theme) == (PlanStatus.DRAFT, resident, theme)
    assert (plan.title, plan.description, plan.neighbourhood) == (idea.title, idea.text, idea.neighbourhood)
    assert plan.summary == "Een moestuin. Met bankjes." and plan.public_name == idea.public_name
    idea.refresh_from_db()
    assert idea.plan == plan and idea.drafted_at is not None
    accepted = plan.co_initiators.filter(status=CoInitiatorStatus.ACCEPTED)
    assert [c.user for c in accepted] == [co]  # volunteers help; they do not carry the plan


def test_the_only_theme_is_taken_and_with_several_one_must_be_chosen(
    district: object, resident: User
) -> None:
    edition = factories.make_edition(district=district)  # type: ignore[arg-type]
    idea = make_idea(edition=edition, initiator=resident)
    factories.make_theme(edition=edition, name="Groen")
    factories.make_theme(edition=edition, name="Sport")
    refused(lambda: draft_plan_from_idea(idea=idea, by=resident), "theme_required", unchanged=_plans)
    single = factories.make_edition(district=edition.district)
    only = factories.make_theme(edition=single, name="Alles")
    other_idea = make_idea(edition=single, initiator=resident)
    assert draft_plan_from_idea(idea=other_idea, by=resident).theme == only


def test_only_the_initiator_makes_the_plan_and_only_once(edition: Edition, resident: User) -> None:
    idea = make_idea(edition=edition, initiator=resident)
    theme = edition.themes.first()
    refused(
        lambda: draft_plan_from_idea(idea=idea, by=factories.make_user(), theme=theme),
        "not_yours",
        unchanged=_plans,
    )
    draft_plan_from_idea(idea=idea, by=resident, theme=theme)
    refused(
        lambda: draft_plan_from_idea(idea=idea, by=resident, theme=theme), "already_a_plan", unchanged=_plans
    )


def test_a_theme_of_another_edition_is_refused_and_nothing_is_half_saved(
    edition: Edition, resident: User
) -> None:
    idea = make_idea(edition=edition, initiator=resident)
    foreign = factories.make_theme(edition=factories.make_edition())
    refused(
        lambda: draft_plan_from_idea(idea=idea, by=resident, theme=foreign),
        "theme_not_in_edition",
        unchanged=_plans,
    )
    assert Idea.objects.get(pk=idea.pk).plan is None


def test_the_active_coaching_follows_the_idea_into_its_plan(edition: Edition, resident: User) -> None:
    idea = make_idea(edition=edition, initiator=resident)
    official = factories.make_staff(role=Role.OFFICIAL, district=edition.district)
    coaching = Coaching.objects.create(idea=idea, coach=official, assigned_by=official)
    plan = draft_plan_from_idea(idea=idea, by=resident, theme=edition.themes.first())
    coaching.refresh_from_db()
    assert (coaching.idea, coaching.plan) == (idea, plan)


def test_the_idea_keeps_its_history_and_the_plan_links_back(
    edition: Edition, resident: User, client: Client
) -> None:
    idea, _co, _volunteer = _idea_with_people(edition, resident)
    fan = factories.make_user()
    support_idea(idea=idea, user=fan)
    post_idea_comment(idea=idea, author=fan, body="Ik kom graag helpen wieden.")
    plan = draft_plan_from_idea(idea=idea, by=resident, theme=edition.themes.first())
    assert (idea.supports.count(), idea.comments.count(), idea.members.count()) == (1, 1, 2)
    page = client.get(idea.get_absolute_url()).content.decode()
    assert "This idea became a plan" in page and "Ik kom graag helpen wieden." in page
    assert "Vera" in page and "Co" in page
    client.force_login(resident)
    own = client.get(reverse("proposals:my_plans")).content.decode()
    assert "This plan started as an idea." in own and idea.get_absolute_url() in own
    save_draft(plan=plan, by=resident, cost_lines=[CostLineInput(description="Zaden", amount_cents=5_000)])
    submit_plan(plan=plan, by=resident, age_confirmed=True)
    public = client.get(plan.get_absolute_url()).content.decode()
    assert "This plan started as an idea." in public and idea.get_absolute_url() in public
    assert plan.get_absolute_url() in client.get(idea.get_absolute_url()).content.decode()


def test_a_plan_without_an_idea_says_nothing_about_one(edition: Edition, client: Client) -> None:
    plan = factories.make_plan(edition=edition)
    assert "started as an idea" not in client.get(plan.get_absolute_url()).content.decode()


def test_the_summary_is_the_text_cut_at_a_word() -> None:
    assert summary_of("Kort.") == "Kort."
    long = summary_of("woord " * 100)
    assert len(long) <= SUMMARY_LENGTH and long.endswith("woord…")


@pytest.mark.django_db(transaction=True)
def test_two_clicks_at_once_make_one_plan() -> None:
    edition = factories.make_edition()
    theme = factories.make_theme(edition=edition)
    initiator = factories.make_user()
    idea = make_idea(edition=edition, initiator=initiator)

    def click() -> None:
        draft_plan_from_idea(idea=Idea.objects.get(pk=idea.pk), by=initiator, theme=theme)

    outcomes = run_at_once([click, click])
    assert sorted(outcomes) == ["already_a_plan", "ok"]
    assert Plan.objects.filter(edition=edition).count() == 1
    assert Idea.objects.get(pk=idea.pk).plan == Plan.objects.get(edition=edition)
