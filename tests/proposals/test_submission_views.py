"""The plan wizard, "My plans", withdrawal and invitations through the test client (English pages)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from accounts.models import User
from editions.models import Edition
from places.models import District
from places.postcodes.services import PostcodeLine, replace_postcode_table
from proposals.errors import PlanError
from proposals.models import CoInitiatorStatus, Plan, PlanRevision, PlanStatus
from proposals.services.co_initiators import invitation_token, invite_co_initiator
from tests import factories
from tests.helpers import page_text

pytestmark = pytest.mark.django_db


def url(name: str, *args: object) -> str:
    with translation.override("en"):
        return reverse(f"proposals:{name}", args=args)


def step(plan: Plan, slug: str) -> str:
    return url("edit", plan.pk, slug)


def message(code: str, **params: object) -> str:
    with translation.override("en"):
        return PlanError(code, **params).message


@pytest.fixture
def logged_in(client: Client, resident: User) -> Client:
    client.force_login(resident)
    return client


@pytest.fixture
def draft(resident: User, edition: Edition) -> Plan:
    return factories.make_plan(edition=edition, initiator=resident, status=PlanStatus.DRAFT, costs=[])


def costs_data(*rows: tuple[str, str], total: int | None = None) -> dict[str, str]:
    data = {
        "form-TOTAL_FORMS": str(total if total is not None else len(rows)),
        "form-INITIAL_FORMS": "0",
        "form-MIN_NUM_FORMS": "0",
        "form-MAX_NUM_FORMS": "30",
    }
    for i, (description, amount) in enumerate(rows):
        data[f"form-{i}-description"] = description
        data[f"form-{i}-amount"] = amount
    return data


# --- Who gets in --------------------------------------------------------------------------


def test_the_wizard_and_my_plans_need_a_login(client: Client, edition: Edition, draft: Plan) -> None:
    for path in [url("start", edition.slug), url("my_plans"), step(draft, "wat"), url("withdraw", draft.pk)]:
        response = client.get(path)
        assert response.status_code == 302 and "/account/inloggen/" in response["Location"], path


def test_someone_elses_plan_is_not_found(client: Client, draft: Plan) -> None:
    client.force_login(factories.make_user())
    assert client.get(step(draft, "wat")).status_code == 404
    assert client.get(step(draft, "controleren")).status_code == 404
    assert client.get(url("withdraw", draft.pk)).status_code == 404


def test_an_unknown_step_is_not_found(logged_in: Client, draft: Plan) -> None:
    assert logged_in.get(step(draft, "onbekend")).status_code == 404


@pytest.mark.parametrize("shift", [timedelta(days=-8), timedelta(days=8)])
def test_starting_outside_the_plans_phase_explains_why(
    logged_in: Client, edition: Edition, freeze_time: Callable[[datetime], None], shift: timedelta
) -> None:
    freeze_time(timezone.now() + shift)
    response = logged_in.get(url("start", edition.slug))
    assert response.status_code == 403
    assert "only be submitted during its plans phase" in page_text(response)


# --- The steps ----------------------------------------------------------------------------


def test_step_one_starts_a_draft_and_goes_to_step_two(
    logged_in: Client, edition: Edition, resident: User
) -> None:
    page = logged_in.get(url("start", edition.slug))
    assert page.status_code == 200
    assert 'aria-current="step"' in page_text(page)
    theme = edition.themes.first()
    assert theme is not None
    response = logged_in.post(
        url("start", edition.slug),
        {"title": "Bankjes", "summary": "Kort", "description": "Lang", "theme": theme.pk},
    )
    plan = Plan.objects.get(initiator=resident)
    assert plan.status == PlanStatus.DRAFT and plan.title == "Bankjes"
    assert response.status_code == 302 and response["Location"] == step(plan, "waar")


def test_a_theme_of_another_edition_gets_its_message(logged_in: Client, edition: Edition) -> None:
    other = factories.make_theme(edition=factories.make_edition())
    response = logged_in.post(url("start", edition.slug), {"title": "Bankjes", "theme": other.pk})
    assert response.status_code == 200
    body = page_text(response)
    assert message("theme_not_in_edition") in body
    assert 'href="#id_theme"' in body  # the error summary links to the field
    assert not Plan.objects.exists()


def test_a_neighbourhood_outside_the_district_is_named_in_the_message(
    logged_in: Client, draft: Plan, other_district: District
) -> None:
    elsewhere = factories.make_neighbourhood(district=other_district, name="Bijlmer")
    response = logged_in.post(step(draft, "waar"), {"neighbourhood": elsewhere.pk, "address": "Hier"})
    assert response.status_code == 200
    assert "Bijlmer is not in Nieuw-West" in page_text(response)
    draft.refresh_from_db()
    assert draft.neighbourhood is None and draft.address == ""


def test_only_the_districts_neighbourhoods_are_offered(
    logged_in: Client, draft: Plan, district: District, other_district: District
) -> None:
    factories.make_neighbourhood(district=district, name="Osdorp")
    factories.make_neighbourhood(district=other_district, name="Bijlmer")
    body = page_text(logged_in.get(step(draft, "waar")))
    assert "Osdorp" in body and "Bijlmer" not in body


def test_the_location_step_suggests_the_districts_streets_and_asks_no_coordinates(
    logged_in: Client, draft: Plan, district: District
) -> None:
    osdorp = factories.make_neighbourhood(district=district, name="Osdorp")
    replace_postcode_table(
        district=district,
        lines=[
            PostcodeLine(postcode="1068 AC", neighbourhood=osdorp, street="Pieter Calandlaan"),
            PostcodeLine(postcode="1068 AE", neighbourhood=osdorp, street="Baden Powellweg"),
        ],
    )
    body = page_text(logged_in.get(step(draft, "waar")))
    assert 'list="address-streets"' in body
    assert '<option value="Baden Powellweg"></option><option value="Pieter Calandlaan"></option>' in body
    assert 'name="latitude"' not in body and 'name="longitude"' not in body


def test_an_address_is_stored_as_typed_and_earlier_coordinates_kept(logged_in: Client, draft: Plan) -> None:
    Plan.objects.filter(pk=draft.pk).update(latitude=Decimal("52.358"), longitude=Decimal("4.8"))
    logged_in.post(step(draft, "waar"), {"address": "Pieter Calandlaan 12"})
    draft.refresh_from_db()
    assert draft.address == "Pieter Calandlaan 12"
    assert (draft.latitude, draft.longitude) == (Decimal("52.358000"), Decimal("4.800000"))


def test_without_a_postcode_table_the_address_is_free_text(logged_in: Client, draft: Plan) -> None:
    body = page_text(logged_in.get(step(draft, "waar")))
    assert 'name="address"' in body and "address-streets" not in body


def test_add_a_line_works_without_javascript_and_saves_nothing(logged_in: Client, draft: Plan) -> None:
    data = costs_data(("Bankjes", "1.500"), ("Verf", "250"))
    response = logged_in.post(step(draft, "kosten"), {**data, "add_line": "1"})
    body = page_text(response)
    assert response.status_code == 200
    assert 'name="form-2-description"' in body and 'name="form-3-description"' not in body
    assert 'value="Bankjes"' in body
    assert draft.cost_lines.count() == 0


def test_three_cost_lines_are_saved_in_cents(logged_in: Client, draft: Plan) -> None:
    data = costs_data(("Bankjes", "1.500"), ("Verf", "250,50"), ("Plantjes", "€ 99"), ("", ""))
    response = logged_in.post(step(draft, "kosten"), data)
    assert response.status_code == 302 and response["Location"] == step(draft, "afbeeldingen")
    assert list(draft.cost_lines.values_list("description", "amount_cents")) == [
        ("Bankjes", 150_000),
        ("Verf", 25_050),
        ("Plantjes", 9_900),
    ]


@pytest.mark.parametrize(
    ("rows", "code"),
    [
        ((("Bankjes", "-50"),), "non_positive_amount"),
        ((("Bankjes", "0"),), "non_positive_amount"),
        ((("Bankjes", ""),), "empty_cost_line"),
        ((("", "50"),), "empty_cost_line"),
    ],
)
def test_a_bad_cost_line_gets_its_message_and_saves_nothing(
    logged_in: Client, draft: Plan, rows: tuple[tuple[str, str], ...], code: str
) -> None:
    response = logged_in.post(step(draft, "kosten"), costs_data(*rows))
    assert response.status_code == 200
    assert message(code) in page_text(response)
    assert draft.cost_lines.count() == 0


def test_a_plan_over_the_maximum_is_refused_with_the_limit(
    logged_in: Client, draft: Plan, edition: Edition
) -> None:
    response = logged_in.post(step(draft, "kosten"), costs_data(("Speeltuin", "60.000")))
    body = page_text(response)
    assert "a plan in this edition may cost at most €50,000" in body
    assert draft.cost_lines.count() == 0


def test_an_image_is_uploaded_with_its_description(logged_in: Client, draft: Plan) -> None:
    upload = SimpleUploadedFile(
        "IMG_0001 Jan Jansen.png", factories.make_image_bytes(), content_type="image/png"
    )
    response = logged_in.post(step(draft, "afbeeldingen"), {"image": upload, "alt_text": "Het plein"})
    assert response.status_code == 302
    image = draft.images.get()
    assert "Jansen" not in image.image.name
    page = page_text(logged_in.get(step(draft, "afbeeldingen")))
    assert 'alt="Het plein"' in page


@pytest.mark.parametrize(
    ("content", "alt_text", "code"),
    [
        (b"%PDF-1.4 nope", "Het plein", "not_an_image"),
        (factories.make_image_bytes(), "", "image_needs_description"),
    ],
)
def test_a_bad_upload_gets_its_message(
    logged_in: Client, draft: Plan, content: bytes, alt_text: str, code: str
) -> None:
    upload = SimpleUploadedFile("x.png", content, content_type="image/png")
    response = logged_in.post(step(draft, "afbeeldingen"), {"image": upload, "alt_text": alt_text})
    assert response.status_code == 200
    assert message(code) in page_text(response)
    assert not draft.images.exists()


def test_the_public_name_is_chosen_and_co_initiators_invited(
    logged_in: Client, draft: Plan, django_capture_on_commit_callbacks: Any
) -> None:
    response = logged_in.post(step(draft, "mensen"), {"public_name": "Buurtgroep De Vijver"})
    assert response.status_code == 302 and response["Location"] == step(draft, "controleren")
    draft.refresh_from_db()
    assert draft.public_name == "Buurtgroep De Vijver"
    with django_capture_on_commit_callbacks(execute=True):
        response = logged_in.post(step(draft, "mensen"), {"action": "invite", "email": "buur@example.org"})
    assert response.status_code == 302
    assert mail.outbox[0].to == ["buur@example.org"]
    assert "buur@example.org" in page_text(logged_in.get(step(draft, "mensen")))


def test_inviting_yourself_gets_a_message(logged_in: Client, draft: Plan, resident: User) -> None:
    response = logged_in.post(step(draft, "mensen"), {"action": "invite", "email": resident.email})
    assert message("cannot_invite_self") in page_text(response)


def test_the_preview_shows_the_plan_and_submitting_needs_the_age_confirmation(
    logged_in: Client, resident: User, edition: Edition
) -> None:
    plan = factories.make_plan(edition=edition, initiator=resident, status=PlanStatus.DRAFT, title="Bankjes")
    preview = page_text(logged_in.get(step(plan, "controleren")))
    assert (
        "Bankjes" in preview and "Kostenpost 1" in preview and f"I am {edition.min_age} or older" in preview
    )
    refused = logged_in.post(step(plan, "controleren"), {"action": "submit"})
    assert message("too_young", min_age=edition.min_age) in page_text(refused)
    plan.refresh_from_db()
    assert plan.status == PlanStatus.DRAFT
    response = logged_in.post(step(plan, "controleren"), {"action": "submit", "age_confirmed": "on"})
    assert response.status_code == 302 and response["Location"] == plan.get_absolute_url()
    plan.refresh_from_db()
    assert plan.status == PlanStatus.SUBMITTED
    assert PlanRevision.objects.filter(plan=plan, number=1).exists()


def test_an_edit_after_submission_asks_why_and_becomes_a_revision(
    logged_in: Client, resident: User, edition: Edition
) -> None:
    plan = factories.make_plan(edition=edition, initiator=resident, title="Bankjes")
    PlanRevision.objects.create(plan=plan, number=1, author=resident, snapshot={"title": "Bankjes"})
    page = page_text(logged_in.get(step(plan, "wat")))
    assert 'name="note"' in page
    theme = plan.theme
    response = logged_in.post(
        step(plan, "wat"),
        {
            "title": "Vijf bankjes",
            "summary": plan.summary,
            "description": plan.description,
            "theme": theme.pk,
            "note": "Meer bankjes",
        },
    )
    assert response.status_code == 302
    revision = PlanRevision.objects.get(plan=plan, number=2)
    assert revision.note == "Meer bankjes" and "title" in revision.changed_fields


def test_a_plan_in_review_cannot_be_opened_for_editing(
    logged_in: Client, resident: User, edition: Edition
) -> None:
    plan = factories.make_plan(edition=edition, initiator=resident, status=PlanStatus.IN_REVIEW)
    response = logged_in.get(step(plan, "wat"))
    assert response.status_code == 302 and response["Location"] == url("my_plans")


def test_a_returned_plan_is_resubmitted_from_the_preview(
    logged_in: Client, resident: User, edition: Edition
) -> None:
    plan = factories.make_plan(edition=edition, initiator=resident, status=PlanStatus.CHANGES_REQUESTED)
    Plan.objects.filter(pk=plan.pk).update(changes_due_at=timezone.now() + timedelta(days=3))
    assert "Send back to the reviewers" in page_text(logged_in.get(step(plan, "controleren")))
    response = logged_in.post(step(plan, "controleren"), {"action": "resubmit"})
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.status == PlanStatus.IN_REVIEW


# --- My plans, withdrawal, deleting -------------------------------------------------------


def test_my_plans_lists_drafts_and_submitted_plans_with_their_next_step(
    logged_in: Client, resident: User, edition: Edition
) -> None:
    factories.make_plan(edition=edition, initiator=resident, status=PlanStatus.DRAFT, title="Mijn concept")
    factories.make_plan(edition=edition, initiator=resident, title="Mijn ingediende plan")
    factories.make_plan(edition=edition, title="Van een ander")
    body = page_text(logged_in.get(url("my_plans")))
    assert "Mijn concept" in body and "Mijn ingediende plan" in body and "Van een ander" not in body
    assert "Finish your plan and submit it" in body and "Withdraw" in body


def test_withdrawing_asks_for_confirmation(logged_in: Client, resident: User, edition: Edition) -> None:
    plan = factories.make_plan(edition=edition, initiator=resident)
    confirm = logged_in.get(url("withdraw", plan.pk))
    assert "Yes, withdraw the plan" in page_text(confirm)
    plan.refresh_from_db()
    assert plan.status == PlanStatus.SUBMITTED
    response = logged_in.post(url("withdraw", plan.pk))
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.status == PlanStatus.WITHDRAWN


def test_withdrawing_a_draft_is_refused_with_a_message(logged_in: Client, draft: Plan) -> None:
    response = logged_in.post(url("withdraw", draft.pk))
    assert response.status_code == 400
    draft.refresh_from_db()
    assert draft.status == PlanStatus.DRAFT


def test_a_draft_is_deleted_after_confirmation(logged_in: Client, draft: Plan) -> None:
    assert logged_in.get(url("delete", draft.pk)).status_code == 200
    assert logged_in.post(url("delete", draft.pk)).status_code == 302
    assert not Plan.objects.filter(pk=draft.pk).exists()


# --- Invitations --------------------------------------------------------------------------


def test_an_invitation_link_asks_to_log_in_then_accepts(
    client: Client, resident: User, edition: Edition
) -> None:
    plan = factories.make_plan(edition=edition, initiator=resident)
    invitation = invite_co_initiator(plan=plan, by=resident, email="buur@example.org")
    link = url("invitation", invitation_token(invitation))
    assert "Log in with the e-mail address" in page_text(client.get(link))
    client.force_login(factories.make_user(email="iemand@example.org"))
    wrong = client.get(link)
    assert wrong.status_code == 400 and message("invitation_not_for_you") in page_text(wrong)
    neighbour = factories.make_user(email="buur@example.org")
    client.force_login(neighbour)
    response = client.post(link, {"answer": "accept"})
    assert response.status_code == 302
    invitation.refresh_from_db()
    assert invitation.status == CoInitiatorStatus.ACCEPTED and invitation.user == neighbour


def test_a_broken_invitation_link_says_so(client: Client) -> None:
    response = client.get(url("invitation", "kapot"))
    assert response.status_code == 400
    assert message("invalid_invitation") in page_text(response)


# --- Privacy ------------------------------------------------------------------------------


def test_the_public_page_shows_chosen_names_and_never_e_mail_addresses(
    client: Client, resident: User, edition: Edition
) -> None:
    plan = factories.make_plan(edition=edition, initiator=resident)
    Plan.objects.filter(pk=plan.pk).update(public_name="Buurtgroep De Vijver")
    co = factories.make_co_initiator(plan=plan, email="mede@example.org")
    factories.make_co_initiator(plan=plan, email="uitgenodigd@example.org", status="invited")
    body = page_text(client.get(plan.get_absolute_url()))
    assert "Buurtgroep De Vijver" in body and co.user.display_name in body
    assert not re.search(r"[\w.+-]+@[\w-]+\.[\w.]+", body), "an e-mail address is on the public page"
