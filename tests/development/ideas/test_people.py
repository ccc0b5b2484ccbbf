"""People on an idea: asking to join, the initiator's answer, leaving; who is on board is public."""

from __future__ import annotations

from accounts.models import User
from development.ideas.errors import IdeaError
from development.ideas.services.drafting import draft_plan_from_idea
from development.ideas.services.people import answer_join_request, ask_to_join, leave_idea
from development.models import IdeaMember, IdeaMemberStatus
from editions.models import Edition
from notifications.models import Notification, NotificationKind
from tests import factories
from tests.refusals import refused

from .helpers import make_idea


def _members() -> int:
    return IdeaMember.objects.count()


def test_a_resident_asks_to_join_and_the_initiator_hears_of_it(edition: Edition, resident: User) -> None:
    idea = make_idea(edition=edition)
    member = ask_to_join(idea=idea, user=resident, role="volunteer", offer="Elke zaterdag twee uur")
    assert (member.status, member.public_name) == (IdeaMemberStatus.ASKED, "Anna")
    notification = Notification.objects.get(recipient=idea.initiator)
    assert notification.kind == NotificationKind.IDEA_JOIN_ASKED
    assert notification.params["person"] == "Anna"


def test_joining_your_own_idea_twice_or_without_an_offer_is_refused(edition: Edition, resident: User) -> None:
    idea = make_idea(edition=edition, initiator=resident)
    refused(
        lambda: ask_to_join(idea=idea, user=resident, role="volunteer", offer="Alles"),
        "cannot_join_own_idea",
        unchanged=_members,
    )
    other = factories.make_user()
    refused(
        lambda: ask_to_join(idea=idea, user=other, role="volunteer", offer=" "),
        "offer_required",
        unchanged=_members,
    )
    refused(
        lambda: ask_to_join(idea=idea, user=other, role="boss", offer="Leiding"),
        "unknown_role",
        unchanged=_members,
    )
    ask_to_join(idea=idea, user=other, role="volunteer", offer="Een bakfiets")
    error: IdeaError = refused(
        lambda: ask_to_join(idea=idea, user=other, role="co_initiator", offer="Meer"),
        "already_joined",
        error=IdeaError,
        unchanged=_members,
    )
    assert error.message == "You have already asked to join this idea."


def test_an_idea_that_became_a_plan_takes_no_one_on_board(edition: Edition, resident: User) -> None:
    initiator = factories.make_user()
    idea = make_idea(edition=edition, initiator=initiator)
    draft_plan_from_idea(idea=idea, by=initiator, theme=edition.themes.first())
    refused(
        lambda: ask_to_join(idea=idea, user=resident, role="volunteer", offer="Hulp"),
        "already_a_plan",
        unchanged=_members,
    )


def test_the_initiator_accepts_or_declines_and_the_person_hears_the_answer(edition: Edition) -> None:
    initiator = factories.make_user()
    idea = make_idea(edition=edition, initiator=initiator)
    yes, no = factories.make_user(), factories.make_user()
    first = ask_to_join(idea=idea, user=yes, role="co_initiator", offer="Ik schrijf mee")
    second = ask_to_join(idea=idea, user=no, role="volunteer", offer="Soms")
    refused(lambda: answer_join_request(member=first, by=yes, accept=True), "not_yours")
    answer_join_request(member=first, by=initiator, accept=True)
    answer_join_request(member=second, by=initiator, accept=False)
    assert IdeaMember.objects.get(pk=first.pk).status == IdeaMemberStatus.ACCEPTED
    assert IdeaMember.objects.get(pk=second.pk).status == IdeaMemberStatus.DECLINED
    answers = Notification.objects.filter(kind=NotificationKind.IDEA_JOIN_ANSWERED)
    assert {(n.recipient, n.params["answer"]) for n in answers} == {(yes, "accepted"), (no, "declined")}
    refused(lambda: answer_join_request(member=first, by=initiator, accept=False), "request_answered")


def test_a_member_leaves(edition: Edition, resident: User) -> None:
    initiator = factories.make_user()
    idea = make_idea(edition=edition, initiator=initiator)
    member = ask_to_join(idea=idea, user=resident, role="volunteer", offer="Gereedschap")
    answer_join_request(member=member, by=initiator, accept=True)
    leave_idea(idea=idea, user=resident)
    assert IdeaMember.objects.get(pk=member.pk).status == IdeaMemberStatus.LEFT
    refused(lambda: leave_idea(idea=idea, user=resident), "not_a_member")
