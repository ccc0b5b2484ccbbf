"""Recruitment in bulk: invitations whose letters were printed elsewhere, and many sign-ups as rows."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone

from accounts.models import Role
from audit.models import AuditEntry
from common import codes
from deliberation.errors import PanelError
from deliberation.models import Invitation, Respondent
from deliberation.recruitment.errors import RecruitmentError
from deliberation.recruitment.features import age_bands
from deliberation.recruitment.services.features import ensure_default_features
from deliberation.recruitment.services.invitations import (
    record_printed_invitations,
    response_code_hash,
    send_invitations,
)
from deliberation.recruitment.services.pool_rows import PoolRow, register_respondents
from outreach.models import Address
from tests import factories
from tests.refusals import refused

pytestmark = pytest.mark.django_db


@pytest.fixture
def panel(db: None, settings: Any, tmp_path: Path) -> Any:
    settings.PRIVATE_FILES_ROOT = tmp_path
    district = factories.make_district(name="Noord")
    factories.make_neighbourhood(district=district, name="Volewijck", population=10_600)
    factories.make_neighbourhood(district=district, name="Kadoelen", population=3_100)
    edition = factories.make_edition_in_phase("plans", district=district, decision_model="panel", min_age=16)
    ensure_default_features(edition)
    facilitator = factories.make_staff(role=Role.FACILITATOR, district=district)
    neighbourhoods = list(district.neighbourhoods.order_by("name"))
    for i in range(10):
        Address.objects.create(
            edition=edition,
            street_address=f"Kadoelenweg {i + 1}",
            postcode="1035 AA",
            neighbourhood=neighbourhoods[i % 2],
            eligible_count=1,
        )
    return edition, facilitator


def counts() -> tuple[int, int, int, int]:
    answered = Invitation.objects.filter(responded_at__isnull=False).count()
    return Invitation.objects.count(), answered, Respondent.objects.count(), AuditEntry.objects.count()


def test_printed_invitations_are_drawn_like_sent_ones_with_the_given_codes_and_moment(panel: Any) -> None:
    edition, facilitator = panel
    send_invitations(edition=edition, count=3, by=facilitator, seed=5)
    drawn = list(Invitation.objects.order_by("pk").values_list("address_id", flat=True))
    Invitation.objects.all().delete()
    given = [codes.new_code() for _ in range(3)]
    at = timezone.now() - timedelta(days=2)
    assert (
        record_printed_invitations(edition=edition, response_codes=given, by=facilitator, seed=5, at=at) == 1
    )
    invitations = list(Invitation.objects.order_by("pk"))
    assert [i.address_id for i in invitations] == drawn
    assert [i.code_hash for i in invitations] == [response_code_hash(codes.normalise(c)) for c in given]
    assert all(i.sent_at == at for i in invitations)
    entry = AuditEntry.objects.filter(action="deliberation.invitations_sent").latest("pk")
    assert entry.after == {"batch": 1, "count": 3, "seed": 5} and entry.at == at


def test_a_printed_batch_with_a_repeated_or_used_code_or_by_someone_else_changes_nothing(panel: Any) -> None:
    edition, facilitator = panel
    used = codes.new_code()
    record_printed_invitations(edition=edition, response_codes=[used], by=facilitator, seed=1)

    def record(response_codes: list[str], by: Any = facilitator) -> Any:
        return lambda: record_printed_invitations(
            edition=edition, response_codes=response_codes, by=by, seed=2
        )

    again = codes.new_code()
    refused(record([again, again]), "code_used", error=RecruitmentError, unchanged=counts)
    refused(record([codes.new_code(), used]), "code_used", error=RecruitmentError, unchanged=counts)
    refused(record(["nonsense"]), "unknown_code", error=RecruitmentError, unchanged=counts)
    many = [codes.new_code() for _ in range(10)]
    refused(record(many), "too_many", error=RecruitmentError, unchanged=counts)
    elsewhere = factories.make_staff(role=Role.FACILITATOR, district=factories.make_district())
    for stranger in (factories.make_user(), elsewhere):
        refused(record([codes.new_code()], stranger), "not_allowed", error=PanelError, unchanged=counts)


def row(number: int, *, code: str | None = None, **fields: Any) -> PoolRow:
    values: dict[str, Any] = {
        "features": {"neighbourhood": "volewijck", "age": age_bands(16)[0][0], "gender": "vrouw"},
        "name": f"Bewoner {number}",
        "email": f"bewoner{number}@example.org",
        "available": True,
        "registered_at": timezone.now() - timedelta(days=number),
        "code": code,
    }
    values.update(fields)
    return PoolRow(**values)


def test_rows_join_the_pool_in_order_answering_their_letters_at_their_own_moments(panel: Any) -> None:
    edition, facilitator = panel
    given = [codes.new_code() for _ in range(2)]
    record_printed_invitations(edition=edition, response_codes=given, by=facilitator, seed=3)
    kadoelen = Invitation.objects.filter(address__neighbourhood__slug="kadoelen").first()
    assert kadoelen is not None
    code = given[list(Invitation.objects.order_by("pk")).index(kadoelen)]
    rows = [row(1, code=code), row(2, phone=" 0612345678 ", available=False)]
    at = timezone.now() - timedelta(hours=1)
    added = register_respondents(edition=edition, rows=rows, by=facilitator, at=at)
    assert (added.added, added.first_pool_id, added.last_pool_id) == (2, "P001", "P002")
    first, second = Respondent.objects.order_by("pool_id")
    assert first.invitation_id == kadoelen.pk and first.features["neighbourhood"] == "kadoelen"
    assert first.registered_at == first.consent_at == rows[0].registered_at
    assert (second.invitation_id, second.available, second.phone) == (None, False, "0612345678")
    kadoelen.refresh_from_db()
    assert kadoelen.responded_at == rows[0].registered_at
    entry = AuditEntry.objects.get(action="panel.pool_imported")
    assert entry.after == {"added": 2, "pool_ids": ["P001", "P002"]} and entry.at == at


def test_one_bad_row_refuses_the_whole_batch_and_changes_nothing(panel: Any) -> None:
    edition, facilitator = panel
    given = [codes.new_code() for _ in range(2)]
    record_printed_invitations(edition=edition, response_codes=given, by=facilitator, seed=3)
    register_respondents(edition=edition, rows=[row(1, code=given[0])], by=facilitator)

    def register(*rows: PoolRow, by: Any = facilitator) -> Any:
        return lambda: register_respondents(edition=edition, rows=list(rows), by=by)

    wrong_value = {"neighbourhood": "volewijck", "age": "99-100", "gender": "vrouw"}
    refused(register(row(2), row(3, features=wrong_value)), "missing_feature", unchanged=counts)
    refused(register(row(2, code=given[1]), row(3, code=given[0])), "code_used", unchanged=counts)
    refused(register(row(2), row(3, code=codes.new_code())), "unknown_code", unchanged=counts)
    refused(register(row(2), row(1)), "already_signed_up", unchanged=counts)
    refused(register(row(2), row(3, email="Bewoner2@example.org")), "already_signed_up", unchanged=counts)
    refused(register(row(2, email="geen-adres")), "bad_email", unchanged=counts)
    elsewhere = factories.make_staff(role=Role.FACILITATOR, district=factories.make_district())
    for stranger in (factories.make_user(), elsewhere):
        refused(register(row(2), by=stranger), "not_allowed", error=PanelError, unchanged=counts)
