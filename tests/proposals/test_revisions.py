"""Revision history: snapshots, the per-field diff with word-level changes, and the public pages."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from accounts.models import User
from editions.models import Edition
from proposals.models import PlanRevision, PlanStatus
from proposals.selectors.revisions import DiffPart, revision_diff, revision_history, word_diff
from proposals.services.submission import (
    CostLineInput,
    edit_submitted_plan,
    save_draft,
    start_draft,
    submit_plan,
)
from tests import factories
from tests.helpers import page_text

pytestmark = pytest.mark.django_db


def revision(number: int, **snapshot: object) -> PlanRevision:
    return PlanRevision(number=number, snapshot=snapshot)


def test_only_the_fields_that_differ_are_listed() -> None:
    older = revision(
        1, title="Bankjes", summary="Kort", cost_lines=[{"description": "Bank", "amount_cents": 100}]
    )
    newer = revision(
        2, title="Bankjes", summary="Korter", cost_lines=[{"description": "Bank", "amount_cents": 100}]
    )
    changes = revision_diff(older=older, newer=newer)
    assert [(c.field, c.old, c.new) for c in changes] == [("summary", "Kort", "Korter")]
    assert changes[0].parts == ()  # short: old and new side by side, no word diff


def test_a_long_text_gets_a_word_level_diff() -> None:
    old = "We willen drie bankjes plaatsen bij de vijver in het park, voor ouderen en ouders."
    new = "We willen vijf bankjes plaatsen bij de vijver in het park, voor ouderen en ouders."
    (change,) = revision_diff(older=revision(1, description=old), newer=revision(2, description=new))
    assert DiffPart("removed", "drie") in change.parts
    assert DiffPart("added", "vijf") in change.parts
    assert "".join(p.text for p in change.parts if p.kind != "added") == old
    assert "".join(p.text for p in change.parts if p.kind != "removed") == new


def test_word_diff_keeps_line_breaks() -> None:
    parts = word_diff("een\ntwee drie", "een\ntwee vier")
    assert "".join(p.text for p in parts if p.kind != "removed") == "een\ntwee vier"


def test_cost_lines_are_compared_as_readable_lines_with_their_total() -> None:
    older = revision(1, cost_lines=[{"description": "Bank", "amount_cents": 100_000}])
    newer = revision(2, cost_lines=[{"description": "Bank", "amount_cents": 120_000}])
    with translation.override("en"):
        (change,) = revision_diff(older=older, newer=newer)
    assert change.old.startswith("Bank: €1,000") and "Total: €1,000" in change.old
    assert change.new.startswith("Bank: €1,200")
    assert change.parts  # multi-line: shown word by word


def test_submission_and_edits_build_the_history(resident: User, edition: Edition) -> None:
    plan = start_draft(
        edition=edition,
        initiator=resident,
        title="Bankjes",
        theme=edition.themes.first(),  # type: ignore[arg-type]
        summary="Kort.",
        description="Lang verhaal.",
    )
    save_draft(plan=plan, by=resident, cost_lines=[CostLineInput("Bank", 100_000)])
    submit_plan(plan=plan, by=resident, age_confirmed=True)
    edit_submitted_plan(plan=plan, by=resident, fields={"title": "Meer bankjes"}, note="Meer")
    edit_submitted_plan(plan=plan, by=resident, cost_lines=[CostLineInput("Bank", 90_000)])
    history = revision_history(plan=plan)
    assert [(r.number, r.changed_fields) for r in history] == [(1, []), (2, ["title"]), (3, ["cost_lines"])]
    assert [c.field for c in revision_diff(older=history[0], newer=history[2])] == ["title", "cost_lines"]


def edited_plan(resident: User, edition: Edition) -> int:
    plan = factories.make_plan(
        edition=edition, initiator=resident, title="Bankjes", status=PlanStatus.SUBMITTED
    )
    from proposals.selectors.revisions import snapshot_of

    PlanRevision.objects.create(plan=plan, number=1, author=resident, snapshot=snapshot_of(plan))
    edit_submitted_plan(
        plan=plan,
        by=resident,
        fields={"title": "Vijf bankjes", "description": "Wat we willen doen.\nEn hoe, met vijf bankjes."},
        note="Twee bankjes erbij",
    )
    return plan.pk


def test_the_public_page_says_what_changed_and_when(client: Client, resident: User, edition: Edition) -> None:
    pk = edited_plan(resident, edition)
    with translation.override("en"):
        response = client.get(reverse("pages:plan", args=[pk]))
        body = page_text(response)
        assert "What changed" in body
        assert "Version 2" in body and "title and description" in body
        assert "“Twee bankjes erbij”" in body
        assert reverse("proposals:revision", args=[pk, 2]) in body


def test_a_plan_with_only_its_first_version_shows_no_history(
    client: Client, resident: User, edition: Edition
) -> None:
    plan = factories.make_plan(edition=edition, initiator=resident)
    PlanRevision.objects.create(plan=plan, number=1, author=resident, snapshot={})
    with translation.override("en"):
        assert "What changed" not in page_text(client.get(reverse("pages:plan", args=[plan.pk])))


def test_the_revision_page_shows_the_diff(client: Client, resident: User, edition: Edition) -> None:
    pk = edited_plan(resident, edition)
    with translation.override("en"):
        response = client.get(reverse("proposals:revision", args=[pk, 2]))
        body = page_text(response)
    assert response.status_code == 200
    assert "Version 2 of “Vijf bankjes”" in body
    assert "Bankjes" in body and "Vijf bankjes" in body
    assert '<ins class="diff__added">' in body and "vijf" in body


def test_the_first_revision_page_shows_the_plan_as_submitted(
    client: Client, resident: User, edition: Edition
) -> None:
    pk = edited_plan(resident, edition)
    with translation.override("en"):
        body = page_text(client.get(reverse("proposals:revision", args=[pk, 1])))
    assert "as it was submitted" in body and "Bankjes" in body


def test_revisions_of_drafts_and_unknown_versions_are_404(
    client: Client, resident: User, edition: Edition
) -> None:
    pk = edited_plan(resident, edition)
    assert client.get(reverse("proposals:revision", args=[pk, 9])).status_code == 404
    draft = factories.make_plan(edition=edition, initiator=resident, status=PlanStatus.DRAFT)
    PlanRevision.objects.create(plan=draft, number=1, author=resident, snapshot={})
    assert client.get(reverse("proposals:revision", args=[draft.pk, 1])).status_code == 404
