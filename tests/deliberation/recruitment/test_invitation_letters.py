"""Invitation letters PDF: a page per invitation, the code in the QR link's fragment, no plain code stored."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from django.db import connection

from accounts.models import Role
from common import codes
from deliberation.models import Invitation
from deliberation.recruitment.invitation_letters import Invitee, response_url, write_invitation_letters
from deliberation.recruitment.services.features import ensure_default_features
from deliberation.recruitment.services.invitations import response_code_hash, send_invitations
from outreach.models import Address
from tests import factories

pytestmark = pytest.mark.django_db


def pages_of(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))


def uris_of(pdf: bytes) -> list[str]:
    return [m.decode() for m in re.findall(rb"/URI \((.*?)\)", pdf)]


@pytest.fixture
def panel(settings: Any, tmp_path: Path) -> Any:
    settings.PRIVATE_FILES_ROOT = tmp_path
    district = factories.make_district(name="Noord")
    buurt = factories.make_neighbourhood(district=district, name="Volewijck", population=10_600)
    edition = factories.make_edition_in_phase("plans", district=district, decision_model="panel")
    ensure_default_features(edition)
    for i in range(5):
        Address.objects.create(
            edition=edition,
            street_address=f"Buikslotermeerplein {i + 1}",
            postcode="1025 XL",
            neighbourhood=buurt,
            eligible_count=2,
        )
    return edition, factories.make_staff(role=Role.FACILITATOR, district=district)


def test_one_page_per_invitation_with_a_qr_link_to_the_sign_up_page(panel: Any) -> None:
    edition, facilitator = panel
    batch = send_invitations(edition=edition, count=3, by=facilitator)
    pdf = batch.path.read_bytes()
    assert pdf.startswith(b"%PDF") and pages_of(pdf) == 3 == Invitation.objects.count()
    links = uris_of(pdf)
    assert len(links) == 3
    for link in links:
        assert link.startswith(f"http://127.0.0.1:8000/panel/{edition.slug}/aanmelden/#code=")
        code = link.split("#code=")[1]
        assert link == response_url(edition, code)
        assert Invitation.objects.filter(code_hash=response_code_hash(codes.normalise(code))).exists()


def test_the_letters_file_lives_outside_media_under_an_unguessable_name(panel: Any, settings: Any) -> None:
    edition, facilitator = panel
    path = send_invitations(edition=edition, count=1, by=facilitator).path
    assert path.parent == Path(settings.PRIVATE_FILES_ROOT) / "panel_letters"
    assert Path(settings.MEDIA_ROOT) not in path.parents
    assert len(path.stem.split("-", 2)[2]) >= 20


def test_no_plain_response_code_is_stored_in_the_database(panel: Any) -> None:
    edition, facilitator = panel
    batch = send_invitations(edition=edition, count=5, by=facilitator)
    plain = [link.split("#code=")[1] for link in uris_of(batch.path.read_bytes())]
    variants = {v for code in plain for v in (code, codes.normalise(code))}
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f'SELECT * FROM "{table}"')
            dump = repr(cursor.fetchall())
            assert not any(v in dump for v in variants), table


def test_write_invitation_letters_writes_what_it_is_given(panel: Any, tmp_path: Path) -> None:
    edition, _ = panel
    path = tmp_path / "letters.pdf"
    invitees = [Invitee("Kadoelenweg 1", "1035 AA", codes.new_code()) for _ in range(4)]
    assert write_invitation_letters(edition=edition, invitees=invitees, path=path) == 4
    assert pages_of(path.read_bytes()) == 4
    assert uris_of(path.read_bytes()) == [response_url(edition, i.code) for i in invitees]
