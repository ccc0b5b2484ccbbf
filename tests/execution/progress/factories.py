"""Progress test material: a project with an agreement in force and its milestones, owners, times."""

from __future__ import annotations

import io
from datetime import date, datetime, timedelta

from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.models import Role, User
from editions.models import Edition
from execution.models import Agreement, Follow, Milestone, Project
from execution.photos import PhotoUpload
from tests.factories import make_image_bytes, make_staff, make_user, phase_of


def owner_of(project: Project) -> User:
    return project.owners.select_related("user").get().user


def with_milestones(project: Project, *titles: str) -> list[Milestone]:
    """An agreement in force with one milestone per title, planned a month apart."""
    official = make_staff(role=Role.OFFICIAL, district=project.edition.district)
    agreement = Agreement.objects.create(
        project=project,
        number=1,
        terms={},
        proposed_by=official,
        initiators_confirmed_by=owner_of(project),
        initiators_confirmed_at=project.opened_at,
        district_confirmed_by=official,
        district_confirmed_at=project.opened_at,
        in_force_at=project.opened_at,
    )
    return [
        Milestone.objects.create(
            project=project, key=i + 1, title=title, planned_on=date(2027, 3 + i, 1), agreement=agreement
        )
        for i, title in enumerate(titles)
    ]


def follower_of(project: Project) -> User:
    follower = make_user()
    Follow.objects.create(user=follower, project=project)
    return follower


def photo(alt_text: str = "De nieuwe plantenbakken", *, image_format: str = "PNG") -> PhotoUpload:
    data = make_image_bytes(image_format=image_format)
    return PhotoUpload(file=io.BytesIO(data), size=len(data), alt_text=alt_text)


def upload(name: str = "foto.png", data: bytes | None = None) -> SimpleUploadedFile:
    content = make_image_bytes() if data is None else data
    return SimpleUploadedFile(name, content, content_type="image/png")


def moments(edition: Edition) -> dict[str, datetime]:
    """A moment during the decision phase (before), the result phase and after the evaluation phase."""
    return {
        "before": phase_of(edition, "decision").starts_at + timedelta(days=1),
        "during": phase_of(edition, "execution").starts_at + timedelta(days=1),
        "after": phase_of(edition, "evaluation").ends_at + timedelta(days=1),
    }
