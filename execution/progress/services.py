"""Updates by the people doing the work: posted with photos, a milestone or a percentage, public at
once; and hidden by a district moderator with a reason that stays in its place."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from accounts.models import User
from audit.services import record
from editions.permissions import can
from editions.phases import Action
from notifications.models import NotificationKind
from notifications.services import notify
from proposals.services.images import EncodedImage

from ..access import check_open, check_side
from ..following.services import notify_followers
from ..models import AuthorSide, Milestone, Project, Update, UpdatePhoto
from ..photos import PhotoUpload, encode_photos
from .errors import ProgressError

MAX_UPDATE_LENGTH = 4000
MAX_PHOTOS = 6
MAX_REASON_LENGTH = 300
EXCERPT_LENGTH = 140


def excerpt(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= EXCERPT_LENGTH else text[: EXCERPT_LENGTH - 1].rstrip() + "…"


def _check_milestone(project: Project, milestone: Milestone | None) -> None:
    if milestone is None:
        return
    if milestone.project_id != project.pk or milestone.dropped_at is not None:
        raise ProgressError("unknown_milestone")
    if milestone.reached_at is not None:
        raise ProgressError("milestone_already_reached", milestone=milestone.title)


def _check_update(body: str, percent: int | None) -> str:
    body = body.strip()
    if not body:
        raise ProgressError("empty_update")
    if len(body) > MAX_UPDATE_LENGTH:
        raise ProgressError("update_too_long", limit=MAX_UPDATE_LENGTH)
    if percent is not None and not 0 <= percent <= 100:
        raise ProgressError("bad_percentage")
    return body


def post_update(
    *,
    project: Project,
    by: User,
    body: str,
    percent: int | None = None,
    milestone: Milestone | None = None,
    photos: Sequence[PhotoUpload] = (),
    at: datetime | None = None,
) -> Update:
    """Post an update ``at`` (default now) for the initiators (an owner) or the district (its
    official): public at once, the followers told; a milestone reached and a percentage are set on
    the project. The photos are checked and re-encoded before anything is written."""
    side = check_side(by, project, at=at)
    check_open(project)
    body = _check_update(body, percent)
    _check_milestone(project, milestone)
    encoded = encode_photos(photos, most=MAX_PHOTOS, error=ProgressError)
    moment = at or timezone.now()
    stored: list[UpdatePhoto] = []
    try:
        with transaction.atomic():
            current = Project.objects.select_for_update().select_related("plan", "edition").get(pk=project.pk)
            check_open(current)
            update = Update.objects.create(
                project=current,
                author=by,
                side=side,
                body=body,
                progress_percent=percent,
                milestone=milestone,
                posted_at=moment,
            )
            stored = _store_photos(update, encoded)
            _record_progress(project=current, update=update, by=by, at=at)
    except Exception:
        for photo in stored:
            photo.image.storage.delete(photo.image.name)
        raise
    project.refresh_from_db()
    return update


def _store_photos(update: Update, encoded: Sequence[tuple[EncodedImage, str]]) -> list[UpdatePhoto]:
    stored: list[UpdatePhoto] = []
    for position, (image, alt_text) in enumerate(encoded):
        row = UpdatePhoto(
            update=update,
            alt_text=alt_text,
            position=position,
            width=image.width,
            height=image.height,
        )
        row.image.save("photo.jpg", ContentFile(image.data), save=False)
        stored.append(row)
        row.save()
    return stored


def _record_progress(*, project: Project, update: Update, by: User, at: datetime | None) -> None:
    """The project's news, milestone and percentage after ``update``; followers told; staff audited."""
    fields: dict[str, object] = {"last_news_at": update.posted_at}
    if update.progress_percent is not None:
        fields["progress_percent"] = update.progress_percent
    Project.objects.filter(pk=project.pk).update(**fields)
    milestone = update.milestone
    if milestone is not None:
        # Conditional: of two updates reaching the same milestone at once, one wins.
        reached = Milestone.objects.filter(
            pk=milestone.pk, project=project, reached_at__isnull=True, dropped_at__isnull=True
        ).update(reached_at=update.posted_at)
        if reached != 1:
            raise ProgressError("milestone_already_reached", milestone=milestone.title)
        milestone.reached_at = update.posted_at
        notify_followers(
            project=project,
            kind=NotificationKind.MILESTONE_REACHED,
            params={"milestone": milestone.title},
            exclude=by,
            at=at,
        )
    notify_followers(
        project=project,
        kind=NotificationKind.PROJECT_UPDATE,
        params={"author": by.display_name, "excerpt": excerpt(update.body)},
        exclude=by,
        at=at,
    )
    if update.side == AuthorSide.DISTRICT:
        record(
            actor=by,
            action="execution.update_posted",
            target=update,
            edition=project.edition,
            after={"percent": update.progress_percent, "milestone": milestone.pk if milestone else None},
            at=at,
        )


def may_hide(user: User, project: Project, *, at: datetime | None = None) -> bool:
    """A moderator of the district, or an official managing its projects."""
    return can(user, Action.MODERATE, project.edition, at=at) or can(
        user, Action.MANAGE_EXECUTION, project.edition, at=at
    )


def hide_update(*, update: Update, moderator: User, reason: str, at: datetime | None = None) -> Update:
    """Hide an update with a public reason shown in its place; the author is told; audited."""
    project = update.project
    if not may_hide(moderator, project, at=at):
        raise ProgressError("not_moderator")
    reason = reason.strip()
    if not reason:
        raise ProgressError("reason_required")
    if len(reason) > MAX_REASON_LENGTH:
        raise ProgressError("reason_too_long", limit=MAX_REASON_LENGTH)
    moment = at or timezone.now()
    with transaction.atomic():
        # Conditional: of two moderators hiding at once, one wins and the other is told.
        if (
            Update.objects.filter(pk=update.pk, hidden_at__isnull=True).update(
                hidden_at=moment, hidden_by=moderator, hidden_reason=reason
            )
            != 1
        ):
            raise ProgressError("already_hidden")
        update.hidden_at, update.hidden_by, update.hidden_reason = moment, moderator, reason
        record(
            actor=moderator,
            action="execution.update_hidden",
            target=update,
            edition=project.edition,
            before={"hidden": False},
            after={"hidden": True, "reason": reason},
            at=at,
        )
        notify(
            recipients=[update.author],
            kind=NotificationKind.UPDATE_HIDDEN,
            params={"plan": project.plan.title, "reason": reason},
            url=f"{project.get_absolute_url()}#update-{update.pk}",
            exclude=moderator,
            at=at,
        )
    return update
