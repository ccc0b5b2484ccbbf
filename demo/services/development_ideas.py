"""The demo's ideas, through the idea services: posted, supported, discussed, joined, one made a plan."""

from __future__ import annotations

from datetime import datetime, timedelta

from accounts.models import User
from development.ideas.services.discussion import post_idea_comment
from development.ideas.services.drafting import draft_plan_from_idea
from development.ideas.services.people import answer_join_request, ask_to_join
from development.ideas.services.posting import IdeaInput, post_idea, tick_off_need
from development.ideas.services.support import support_idea
from development.models import Idea, Workshop
from editions.models import Edition
from proposals.services.submission import CostLineInput, save_draft

from ..content.accounts import resident
from ..content.development_ideas import IDEAS, IdeaSpec
from ._common import AMSTERDAM


def _day(now: datetime, days_ago: int, hour: int) -> datetime:
    """``hour`` o'clock (Amsterdam) ``days_ago`` days before ``now``, never later than ``now``."""
    day = (now - timedelta(days=days_ago)).astimezone(AMSTERDAM)
    return min(day.replace(hour=hour, minute=0, second=0, microsecond=0), now)


def load_ideas(
    *, edition: Edition, users: dict[str, User], now: datetime, workshop: Workshop | None = None
) -> list[Idea]:
    """Post the demo's ideas in ``edition`` with what happened to them; ideas already there are kept.

    The idea that becomes a draft plan came from ``workshop`` (the demo's past plan workshop).
    """
    loaded: list[Idea] = []
    for spec in IDEAS:
        existing = Idea.objects.filter(edition=edition, title=spec.title).first()
        made = existing or _load_idea(
            edition=edition, spec=spec, users=users, now=now, workshop=workshop if spec.draft else None
        )
        loaded.append(made)
    return loaded


def _load_idea(
    *, edition: Edition, spec: IdeaSpec, users: dict[str, User], now: datetime, workshop: Workshop | None
) -> Idea:
    def person(name: str) -> User:
        return users[resident(name)]

    initiator = person(spec.initiator)
    posted = _day(now, spec.days_ago, 10)
    idea = post_idea(
        edition=edition,
        initiator=initiator,
        data=IdeaInput(
            title=spec.title,
            text=spec.text,
            neighbourhood=edition.district.neighbourhoods.get(slug=spec.neighbourhood_slug),
            needs=spec.needs,
            needs_note=spec.needs_note,
            workshop=workshop,
        ),
        at=posted,
    )
    for hours, name in enumerate(spec.supporters, start=2):
        support_idea(idea=idea, user=person(name), at=min(posted + timedelta(hours=hours), now))
    for number, member in enumerate(spec.members):
        asked = ask_to_join(
            idea=idea,
            user=person(member.person),
            role=member.role,
            offer=member.offer,
            at=min(posted + timedelta(days=1, hours=number), now),
        )
        if member.accepted is not None:
            answered = min(posted + timedelta(days=2, hours=number), now)
            answer_join_request(member=asked, by=initiator, accept=member.accepted, at=answered)
    for comment in spec.comments:
        post_idea_comment(
            idea=idea, author=person(comment.person), body=comment.body, at=_day(now, comment.days_ago, 19)
        )
    for need in spec.found:
        tick_off_need(idea=idea, by=initiator, need=need, at=min(posted + timedelta(days=5), now))
    if spec.draft is not None:
        drafted = _day(now, 3, 20)
        plan = draft_plan_from_idea(
            idea=idea, by=initiator, theme=edition.themes.get(name=spec.draft.theme), at=drafted
        )
        save_draft(
            plan=plan,
            by=initiator,
            cost_lines=[
                CostLineInput(description=description, amount_cents=cents)
                for description, cents in spec.draft.cost_lines
            ],
            at=drafted,
        )
    idea.refresh_from_db()
    return idea
