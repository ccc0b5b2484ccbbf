"""An initiator posts an update with a photo from a phone, without JavaScript doing the work; the
progress and obstacle pages pass an axe WCAG 2.1 AA scan at laptop and phone width in both languages."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import FilePayload, Page

from execution.models import Update
from execution.obstacles.services import ask_for_help, record_blocker
from execution.progress.services import post_update
from tests.browser.helpers import log_in, scan
from tests.execution.factories import published_projects
from tests.execution.progress.factories import owner_of, with_milestones
from tests.factories import make_image_bytes

pytestmark = pytest.mark.browser
PHOTO: FilePayload = {
    "name": "bakken.jpg",
    "mimeType": "image/jpeg",
    "buffer": make_image_bytes(image_format="JPEG"),
}


def _path(name: str, pk: int) -> str:
    with translation.override("nl"):
        return reverse(f"execution:{name}", args=[pk])


def test_an_initiator_posts_an_update_with_a_photo_from_a_phone(
    page: Page, live_server: object, transactional_db: None
) -> None:
    base = str(live_server).rstrip("/")
    _, _, _, projects = published_projects()
    project = projects[0]
    with_milestones(project, "Bakken geplaatst")
    owner = owner_of(project)
    page.set_viewport_size({"width": 390, "height": 844})
    log_in(page, base, owner.email)
    page.goto(base + _path("post_update", project.pk))
    page.fill("textarea[name=body]", "De plantenbakken staan op het plein.")
    page.set_input_files(
        "input[name=photos]",
        files=[PHOTO],
    )
    page.fill("textarea[name=alt_texts]", "Drie houten plantenbakken op het plein")
    page.select_option("select[name=milestone]", label="Bakken geplaatst")
    page.fill("input[name=percent]", "50")
    page.get_by_role("button", name="Bericht plaatsen").click()
    page.wait_for_url(f"**{project.get_absolute_url()}*")
    update = Update.objects.get(project=project)
    assert update.photos.get().alt_text == "Drie houten plantenbakken op het plein"
    assert update.milestone is not None and update.progress_percent == 50


def test_the_progress_and_obstacle_pages_have_no_wcag_violations(
    page: Page, live_server: object, transactional_db: None
) -> None:
    base = str(live_server).rstrip("/")
    _, _, official, projects = published_projects()
    project = projects[0]
    owner = owner_of(project)
    with_milestones(project, "Bakken geplaatst")
    update = post_update(project=project, by=owner, body="De bakken zijn besteld.")
    blocker = record_blocker(project=project, by=owner, category="permit", description="Geen vergunning")
    asked = ask_for_help(project=project, by=owner, question="Wie regelt de stroom?")
    log_in(page, base, owner.email)
    problems = scan(
        page,
        base,
        {
            "post an update": _path("post_update", project.pk),
            "change the status": _path("change_status", project.pk),
            "record an obstacle": _path("record_blocker", project.pk),
            "ask for help": _path("ask_for_help", project.pk),
        },
    )
    log_in(page, base, official.email)
    problems += scan(
        page,
        base,
        {
            "hide an update": _path("hide_update", update.pk),
            "resolve an obstacle": _path("resolve_blocker", blocker.pk),
            "answer a question": _path("answer_help_request", asked.pk),
        },
    )
    assert not problems, "\n".join(problems)
