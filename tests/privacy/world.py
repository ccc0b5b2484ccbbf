"""Two residents with plans, support, comments, follows and messages: what the privacy tests look at."""

from __future__ import annotations

from dataclasses import dataclass

from accounts.models import User
from editions.models import Edition
from execution.models import Follow
from notifications.models import Notification, NotificationKind
from proposals.models import Comment, Like, Plan, PlanStatus
from tests import factories


@dataclass(frozen=True)
class World:
    anna: User
    bram: User
    annas_plan: Plan
    annas_draft: Plan
    brams_plan: Plan
    annas_comment: Comment
    brams_reply: Comment


def make_world(edition: Edition) -> World:
    anna = factories.make_user(email="anna@example.org", display_name="Anna")
    bram = factories.make_user(email="bram@example.org", display_name="Bram")
    annas_plan = factories.make_plan(edition=edition, initiator=anna, title="Bankjes in het park")
    annas_draft = factories.make_plan(
        edition=edition, initiator=anna, title="Nog geheim", status=PlanStatus.DRAFT
    )
    brams_plan = factories.make_plan(edition=edition, initiator=bram, title="Moestuin")
    Like.objects.create(plan=brams_plan, user=anna)
    Like.objects.create(plan=annas_plan, user=bram)
    annas_comment = Comment.objects.create(plan=brams_plan, author=anna, body="Goed idee, Bram!")
    brams_reply = Comment.objects.create(
        plan=brams_plan, author=bram, body="Dank je, Anna.", parent=annas_comment
    )
    Comment.objects.create(plan=annas_plan, author=bram, body="Bram's eigen mening")
    Follow.objects.create(user=anna, edition=edition)
    kind = NotificationKind.values[0]
    Notification.objects.create(recipient=anna, kind=kind, params={"plan": annas_plan.title})
    Notification.objects.create(recipient=bram, kind=kind, params={"plan": "Bram's bericht"})
    return World(anna, bram, annas_plan, annas_draft, brams_plan, annas_comment, brams_reply)
