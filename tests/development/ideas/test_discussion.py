"""Comments on an idea: posted with the author's role, the initiator told; hidden by moderators only."""

from __future__ import annotations

from accounts.models import Role, User
from audit.models import AuditEntry
from development.ideas.services.discussion import hide_idea_comment, post_idea_comment
from development.models import IdeaComment, IdeaMember
from editions.models import Edition
from notifications.models import Notification, NotificationKind
from places.models import District
from proposals.models import AuthorRole
from tests import factories
from tests.refusals import refused

from .helpers import make_idea


def test_a_comment_is_posted_and_the_initiator_hears_of_it(edition: Edition, resident: User) -> None:
    idea = make_idea(edition=edition)
    comment = post_idea_comment(idea=idea, author=resident, body="  Goed idee! Ik heb een schep.  ")
    assert (comment.body, comment.author_role) == ("Goed idee! Ik heb een schep.", AuthorRole.RESIDENT)
    notification = Notification.objects.get(recipient=idea.initiator)
    assert notification.kind == NotificationKind.IDEA_COMMENT
    assert notification.params["idea"] == idea.title and "schep" in notification.params["excerpt"]


def test_the_initiators_own_comment_tells_nobody(edition: Edition, resident: User) -> None:
    idea = make_idea(edition=edition, initiator=resident)
    comment = post_idea_comment(idea=idea, author=resident, body="Wie doet mee?")
    assert comment.author_role == AuthorRole.INITIATOR
    assert not Notification.objects.exists()


def test_a_co_initiator_on_board_and_staff_comment_in_their_role(edition: Edition) -> None:
    idea = make_idea(edition=edition)
    co = factories.make_user()
    IdeaMember.objects.create(
        idea=idea,
        user=co,
        role="co_initiator",
        offer="Tijd",
        public_name="Co",
        status="accepted",
        answered_at=idea.created_at,
    )
    official = factories.make_staff(role=Role.OFFICIAL, district=edition.district)
    assert post_idea_comment(idea=idea, author=co, body="Ja").author_role == AuthorRole.CO_INITIATOR
    assert post_idea_comment(idea=idea, author=official, body="Bel ons").author_role == AuthorRole.OFFICIAL


def test_an_empty_comment_and_an_unconfirmed_account_are_refused(edition: Edition) -> None:
    idea = make_idea(edition=edition)
    count = IdeaComment.objects.count
    refused(
        lambda: post_idea_comment(idea=idea, author=factories.make_user(), body=" "),
        "empty_comment",
        unchanged=count,
    )
    unconfirmed = factories.make_user(email_verified_at=None)
    refused(
        lambda: post_idea_comment(idea=idea, author=unconfirmed, body="Hoi"),
        "email_not_confirmed",
        unchanged=count,
    )


def test_a_moderator_hides_a_comment_and_it_is_audited(
    edition: Edition, resident: User, other_district: District
) -> None:
    idea = make_idea(edition=edition)
    comment = post_idea_comment(idea=idea, author=resident, body="Koop nu goedkope horloges")
    outsider = factories.make_staff(role=Role.OFFICIAL, district=other_district)
    refused(lambda: hide_idea_comment(comment=comment, moderator=outsider, reason="Spam"), "not_moderator")
    moderator = factories.make_staff(role=Role.OFFICIAL, district=edition.district)
    hide_idea_comment(comment=comment, moderator=moderator, reason="Reclame")
    comment.refresh_from_db()
    assert comment.hidden_at is not None and comment.hidden_reason == "Reclame"
    assert AuditEntry.objects.filter(action="idea_comment.hide", actor=moderator).count() == 1
    refused(
        lambda: hide_idea_comment(comment=comment, moderator=moderator, reason="Nog eens"), "already_hidden"
    )
