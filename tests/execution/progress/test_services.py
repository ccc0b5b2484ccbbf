"""Posting and hiding updates: who may, what is checked, what the project and its followers get."""

from __future__ import annotations

import io
from functools import partial

import pytest
from django.core.files.storage import default_storage

from accounts.models import Role
from audit.models import AuditEntry
from execution.models import AuthorSide, Milestone, Project, ProjectStatus, Update, UpdatePhoto
from execution.photos import PhotoUpload
from execution.progress.errors import ProgressError
from execution.progress.services import MAX_PHOTOS, hide_update, post_update
from execution.progress.status import apply_transition
from notifications.models import Notification, NotificationKind
from tests.execution.factories import published_projects
from tests.execution.progress.factories import follower_of, moments, owner_of, photo, with_milestones
from tests.factories import make_district, make_staff, make_user
from tests.refusals import refused

pytestmark = pytest.mark.django_db


def _counts() -> tuple[int, int, int]:
    return Update.objects.count(), UpdatePhoto.objects.count(), Notification.objects.count()


def test_an_owner_posts_an_update_with_a_photo_a_milestone_and_a_percentage() -> None:
    _, _, _, projects = published_projects()
    project = projects[0]
    owner = owner_of(project)
    first, _second = with_milestones(project, "Bakken geplaatst", "Planten erin")
    follower = follower_of(project)
    update = post_update(
        project=project,
        by=owner,
        body="  De bakken staan er!  ",
        percent=40,
        milestone=first,
        photos=[photo()],
    )
    assert update.body == "De bakken staan er!" and update.side == AuthorSide.INITIATORS
    project.refresh_from_db()
    assert project.progress_percent == 40 and project.last_news_at == update.posted_at
    first.refresh_from_db()
    assert first.reached_at == update.posted_at
    stored = update.photos.get()
    assert stored.alt_text == "De nieuwe plantenbakken" and stored.width == 40
    assert default_storage.exists(stored.image.name) and stored.image.name.endswith(".jpg")
    kinds = set(Notification.objects.filter(recipient=follower).values_list("kind", flat=True))
    assert kinds == {NotificationKind.PROJECT_UPDATE, NotificationKind.MILESTONE_REACHED}
    assert not Notification.objects.filter(recipient=owner, kind=NotificationKind.PROJECT_UPDATE).exists()


def test_a_district_official_posts_for_the_district_and_is_audited() -> None:
    _, _, official, projects = published_projects()
    update = post_update(project=projects[0], by=official, body="De vergunning is verleend.")
    assert update.side == AuthorSide.DISTRICT
    assert AuditEntry.objects.filter(action="execution.update_posted", object_id=str(update.pk)).exists()
    projects[0].refresh_from_db()
    assert projects[0].progress_percent == 0  # no percentage given: unchanged


@pytest.mark.parametrize("who", ["resident", "other_owner", "official_elsewhere", "reviewer"])
def test_others_may_not_post(who: str) -> None:
    _, _, _, projects = published_projects()
    people = {
        "resident": lambda: make_user(),
        "other_owner": lambda: owner_of(projects[1]),
        "official_elsewhere": lambda: make_staff(role=Role.OFFICIAL, district=make_district()),
        "reviewer": lambda: make_staff(role=Role.REVIEWER, district=projects[0].edition.district),
    }
    refused(
        lambda: post_update(project=projects[0], by=people[who](), body="Hallo"),
        "not_an_owner",
        unchanged=_counts,
    )


@pytest.mark.parametrize(("moment", "allowed"), [("before", False), ("during", True), ("after", False)])
def test_owners_post_only_while_the_phase_opens_reporting(moment: str, allowed: bool) -> None:
    edition, _, official, projects = published_projects()
    at = moments(edition)[moment]
    for person in (owner_of(projects[0]), official):
        if allowed:
            assert post_update(project=projects[0], by=person, body="Nieuws", at=at).posted_at == at
        else:
            refused(partial(post_update, project=projects[0], by=person, body="Nieuws", at=at), "not_allowed")


@pytest.mark.parametrize("status", [ProjectStatus.STOPPED, ProjectStatus.COMPLETED])
def test_a_stopped_or_completed_project_takes_no_updates(status: ProjectStatus) -> None:
    _, _, official, projects = published_projects()
    project = projects[0]
    apply_transition(project=project, to=ProjectStatus.RUNNING, by=official, reason="")
    apply_transition(project=project, to=status, by=official, reason="Geen vrijwilligers")
    refused(
        lambda: post_update(project=project, by=owner_of(project), body="Nog iets"),
        "project_closed",
        unchanged=_counts,
    )


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({"body": "   "}, "empty_update"),
        ({"body": "x" * 4001}, "update_too_long"),
        ({"percent": 101}, "bad_percentage"),
        ({"percent": -1}, "bad_percentage"),
        ({"photos": [photo("")]}, "photo_needs_description"),
        ({"photos": [photo() for _ in range(MAX_PHOTOS + 1)]}, "too_many_photos"),
        ({"photos": [PhotoUpload(file=io.BytesIO(b"%PDF-1.4 no"), size=11, alt_text="Bon")]}, "not_an_image"),
        ({"photos": [photo(image_format="GIF")]}, "not_an_image"),
        (
            {"photos": [PhotoUpload(file=io.BytesIO(b""), size=9 * 1024 * 1024, alt_text="Groot")]},
            "photo_too_large",
        ),
    ],
)
def test_bad_input_is_refused_and_changes_nothing(fields: dict[str, object], code: str) -> None:
    _, _, _, projects = published_projects()
    project = projects[0]
    arguments: dict[str, object] = {"body": "Nieuws", **fields}
    error = refused(
        lambda: post_update(project=project, by=owner_of(project), **arguments),  # type: ignore[arg-type]
        code,
        error=ProgressError,
        unchanged=lambda: (
            _counts(),
            Project.objects.values_list("progress_percent", "last_news_at").get(pk=project.pk),
        ),
    )
    assert error.message  # a translated sentence, not the code


def test_a_milestone_of_another_project_or_already_reached_is_refused() -> None:
    _, _, _, projects = published_projects()
    project, other = projects
    (mine,) = with_milestones(project, "Bakken geplaatst")
    (theirs,) = with_milestones(other, "Bankje geplaatst")
    owner = owner_of(project)
    refused(
        lambda: post_update(project=project, by=owner, body="Klaar", milestone=theirs), "unknown_milestone"
    )
    post_update(project=project, by=owner, body="Klaar", milestone=mine)
    mine.refresh_from_db()
    refused(
        lambda: post_update(project=project, by=owner, body="Nog eens", milestone=mine),
        "milestone_already_reached",
        unchanged=_counts,
    )


def test_a_dropped_milestone_cannot_be_reached() -> None:
    _, _, _, projects = published_projects()
    (dropped,) = with_milestones(projects[0], "Oude mijlpaal")
    Milestone.objects.filter(pk=dropped.pk).update(dropped_at=projects[0].opened_at)
    dropped.refresh_from_db()
    refused(
        lambda: post_update(project=projects[0], by=owner_of(projects[0]), body="Klaar", milestone=dropped),
        "unknown_milestone",
    )


def test_a_moderator_hides_an_update_with_a_reason_the_author_is_told_and_it_is_audited() -> None:
    _, _, official, projects = published_projects()
    owner = owner_of(projects[0])
    update = post_update(project=projects[0], by=owner, body="Iets ongepasts")
    hide_update(update=update, moderator=official, reason="  Persoonsgegevens  ")
    update.refresh_from_db()
    assert update.hidden_reason == "Persoonsgegevens" and update.hidden_by == official
    told = Notification.objects.get(recipient=owner, kind=NotificationKind.UPDATE_HIDDEN)
    assert told.params["reason"] == "Persoonsgegevens"
    assert AuditEntry.objects.filter(action="execution.update_hidden", object_id=str(update.pk)).exists()
    refused(lambda: hide_update(update=update, moderator=official, reason="Nog eens"), "already_hidden")


def test_hiding_needs_a_reason_and_a_moderator_of_the_district() -> None:
    _, _, official, projects = published_projects()
    owner = owner_of(projects[0])
    update = post_update(project=projects[0], by=owner, body="Nieuws")
    hidden = lambda: Update.objects.filter(hidden_at__isnull=False).count()  # noqa: E731
    refused(
        lambda: hide_update(update=update, moderator=official, reason="  "),
        "reason_required",
        unchanged=hidden,
    )
    refused(
        lambda: hide_update(update=update, moderator=official, reason="x" * 301),
        "reason_too_long",
        unchanged=hidden,
    )
    for someone in (owner, make_user(), make_staff(role=Role.OFFICIAL, district=make_district())):
        refused(
            partial(hide_update, update=update, moderator=someone, reason="Weg"),
            "not_moderator",
            unchanged=hidden,
        )


def test_a_moderator_may_hide_after_the_phases_too() -> None:
    edition, _, official, projects = published_projects()
    update = post_update(project=projects[0], by=owner_of(projects[0]), body="Nieuws")
    hide_update(update=update, moderator=official, reason="Spam", at=moments(edition)["after"])
    assert Update.objects.get(pk=update.pk).hidden_at == moments(edition)["after"]
