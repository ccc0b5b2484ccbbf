"""Posting, editing and hiding an idea: when the declaration opens it, and refusals that change nothing."""

from __future__ import annotations

from functools import partial

from django.utils import timezone

from accounts.models import Role, User
from audit.models import AuditEntry
from development.ideas.errors import IdeaError
from development.ideas.services.drafting import draft_plan_from_idea
from development.ideas.services.posting import IdeaInput, edit_idea, hide_idea, post_idea, tick_off_need
from development.models import Idea
from editions.models import Edition
from places.models import District
from tests import factories
from tests.refusals import refused

from .helpers import make_idea, make_workshop, neighbourhood_of


def _input(edition: Edition, **fields: object) -> IdeaInput:
    values: dict[str, object] = {
        "title": "Bankjes bij de vijver",
        "text": "Drie bankjes, zodat ouderen kunnen rusten.",
        "neighbourhood": neighbourhood_of(edition),
        "needs": ["permit", "people"],
    }
    values.update(fields)
    return IdeaInput(**values)  # type: ignore[arg-type]


def _count() -> int:
    return Idea.objects.count()


def test_a_resident_posts_an_idea_in_the_plans_phase(edition: Edition, resident: User) -> None:
    idea = post_idea(edition=edition, initiator=resident, data=_input(edition, needs_note="Een tuinman"))
    assert (idea.title, idea.initiator, idea.public_name) == ("Bankjes bij de vijver", resident, "Anna")
    assert idea.needs == ["people", "permit"]  # in the order of the list, whatever order they came in
    assert idea.needs_note == "Een tuinman" and idea.plan is None


def test_the_public_name_is_the_one_given(edition: Edition, resident: User) -> None:
    idea = post_idea(
        edition=edition, initiator=resident, data=_input(edition, public_name="Anna uit de buurt")
    )
    assert idea.public_name == "Anna uit de buurt"


def test_an_idea_can_say_which_workshop_it_came_from(edition: Edition, resident: User) -> None:
    workshop = make_workshop(edition=edition)
    idea = post_idea(edition=edition, initiator=resident, data=_input(edition, workshop=workshop))
    assert idea.workshop == workshop
    elsewhere = make_workshop(edition=factories.make_edition(district=edition.district))
    refused(
        lambda: post_idea(edition=edition, initiator=resident, data=_input(edition, workshop=elsewhere)),
        "workshop_not_in_edition",
        unchanged=_count,
    )


def test_ideas_are_closed_before_and_after_the_phases_that_open_them(district: District) -> None:
    resident = factories.make_user()
    information = factories.make_edition_in_phase("information", district=district)
    support = factories.make_edition_in_phase("support", district=district)
    for closed in (information, support):
        data = _input(closed)
        refused(
            partial(post_idea, edition=closed, initiator=resident, data=data),
            "ideas_closed",
            unchanged=_count,
        )


def test_an_edition_with_an_ideas_phase_opens_ideas_before_plans(district: District) -> None:
    start = timezone.now() - 1.5 * factories.PHASE_LENGTH  # halfway through the ideas phase
    edition = factories.make_edition(district=district, kinds=factories.IDEAS_PHASE_KINDS, start=start)
    resident = factories.make_user()
    idea = post_idea(edition=edition, initiator=resident, data=_input(edition))
    assert idea.edition == edition
    # ... while plans cannot be written yet: the idea cannot become one.
    factories.make_theme(edition=edition)
    refused(lambda: draft_plan_from_idea(idea=idea, by=resident), "drafts_closed")


def test_an_inactive_account_cannot_post(edition: Edition) -> None:
    inactive = factories.make_user(is_active=False)
    refused(lambda: post_idea(edition=edition, initiator=inactive, data=_input(edition)), "not_allowed")


def test_bad_input_is_refused_and_saves_nothing(
    edition: Edition, resident: User, other_district: District
) -> None:
    elsewhere = factories.make_neighbourhood(district=other_district, name="Bijlmer")
    cases = {
        "title_required": _input(edition, title="   "),
        "text_required": _input(edition, text=""),
        "neighbourhood_required": _input(edition, neighbourhood=None),
        "neighbourhood_outside_area": _input(edition, neighbourhood=elsewhere),
        "unknown_need": _input(edition, needs=["money"]),
        "text_too_long": _input(edition, title="x" * 121),
    }
    for code, data in cases.items():
        error = refused(
            partial(post_idea, edition=edition, initiator=resident, data=data),
            code,
            error=IdeaError,
            unchanged=_count,
        )
        assert error.message  # a translated sentence, not the code
    outside = refused(
        lambda: post_idea(edition=edition, initiator=resident, data=cases["neighbourhood_outside_area"]),
        error=IdeaError,
    )
    assert "Bijlmer" in outside.message and "Nieuw-West" in outside.message


def test_the_initiator_edits_their_idea_and_nobody_else_can(edition: Edition, resident: User) -> None:
    idea = make_idea(edition=edition, initiator=resident)
    edit_idea(idea=idea, by=resident, data=_input(edition, title="Bankjes en bloemen"))
    idea.refresh_from_db()
    assert idea.title == "Bankjes en bloemen"
    other = factories.make_user()
    refused(
        lambda: edit_idea(idea=idea, by=other, data=_input(edition, title="Van mij")),
        "not_yours",
        unchanged=lambda: Idea.objects.get(pk=idea.pk).title,
    )


def test_the_initiator_ticks_off_the_help_found(edition: Edition, resident: User) -> None:
    idea = make_idea(edition=edition, initiator=resident, needs=["people", "place"])
    tick_off_need(idea=idea, by=resident, need="place")
    assert Idea.objects.get(pk=idea.pk).needs == ["people"]
    refused(lambda: tick_off_need(idea=idea, by=resident, need="place"), "unknown_need")
    refused(lambda: tick_off_need(idea=idea, by=factories.make_user(), need="people"), "not_yours")


def test_a_moderator_hides_an_idea_with_a_reason_and_it_is_audited(edition: Edition) -> None:
    idea = make_idea(edition=edition)
    moderator = factories.make_staff(role=Role.OFFICIAL, district=edition.district)
    refused(lambda: hide_idea(idea=idea, moderator=moderator, reason="  "), "reason_required")
    hide_idea(idea=idea, moderator=moderator, reason="Reclame")
    idea.refresh_from_db()
    assert idea.hidden_at is not None and idea.hidden_reason == "Reclame"
    entry = AuditEntry.objects.get(action="idea.hide")
    assert (entry.actor, entry.object_id) == (moderator, str(idea.pk))
    refused(lambda: hide_idea(idea=idea, moderator=moderator, reason="Nog eens"), "already_hidden")


def test_staff_of_another_district_cannot_hide_an_idea(edition: Edition, other_district: District) -> None:
    idea = make_idea(edition=edition)
    outsider = factories.make_staff(role=Role.OFFICIAL, district=other_district)
    refused(
        lambda: hide_idea(idea=idea, moderator=outsider, reason="Weg"),
        "not_moderator",
        unchanged=lambda: Idea.objects.get(pk=idea.pk).hidden_at,
    )
