"""delete_panel_data erases contact details and address links, keeps the anonymised draw; idempotent."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db.models import F

from deliberation.draw.services.draw import draw_panel, publish_draw
from deliberation.models import Draw, Invitation, Respondent
from editions.models import Phase
from tests import factories

from .factories import make_facilitator, make_panel_edition, make_pool

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    out = StringIO()
    call_command("delete_panel_data", *args, stdout=out)
    return out.getvalue()


def test_erases_contact_details_and_keeps_the_published_draw() -> None:
    edition = make_panel_edition(panel_size=6)
    make_pool(edition, size=20)
    facilitator = make_facilitator(edition)
    draw = publish_draw(draw=draw_panel(edition=edition, by=facilitator, seed=4), by=facilitator)
    invitation = Invitation.objects.create(edition=edition, code_hash="x" * 64, address=None)
    output = run(edition.slug)
    assert "20 respondent(s)" in output
    assert not Respondent.objects.exclude(name="").exists()
    assert not Respondent.objects.exclude(email="").exists()
    assert not Respondent.objects.filter(erased_at__isnull=True).exists()
    kept = Draw.objects.get(pk=draw.pk)
    assert kept.pool == draw.pool and kept.selected == draw.selected and kept.published_at
    assert kept.members.count() == 6
    invitation.refresh_from_db()
    assert "0 respondent(s)" in run(edition.slug)  # idempotent


def test_ended_does_only_the_editions_whose_last_phase_ended() -> None:
    ended = make_panel_edition(phase="review")
    year = timedelta(days=365)
    Phase.objects.filter(edition=ended).update(starts_at=F("starts_at") - year, ends_at=F("ends_at") - year)
    running = make_panel_edition(phase="review")
    make_pool(ended, size=3)
    make_pool(running, size=3, seed=2)
    output = run("--ended")
    assert ended.slug in output and running.slug not in output
    assert Respondent.objects.filter(edition=running).exclude(email="").count() == 3


def test_needs_a_slug_or_ended() -> None:
    with pytest.raises(CommandError):
        run()
    with pytest.raises(CommandError):
        run("no-such-edition")
    factories.make_district()
