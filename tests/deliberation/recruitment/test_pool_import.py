"""Adding people to the pool from a CSV file: all or nothing, each bad line named, consent confirmed."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import translation

from audit.models import AuditEntry
from common.errors import ServiceError
from deliberation.models import Respondent
from deliberation.recruitment.services.pool_import import import_pool
from editions.models import Edition
from tests.refusals import refused

from ..factories import make_facilitator, make_panel_edition, make_pool, make_published_panel

pytestmark = pytest.mark.django_db

GOOD = (
    "buurt;leeftijd;geslacht;naam;e-mail;telefoon;beschikbaar\n"
    "Slotervaart;16-24;vrouw;Anna de Boer;anna@example.org;06-11111111;ja\n"
    "osdorp;45–64;Man;Kees Bakker;;;nee\n"
    "Geuzenveld;65+;anders;;KEES@example.org;;\n"
)


@pytest.fixture
def edition() -> Edition:
    return make_panel_edition(phase="plans", decision_model="panel")


def import_refusal(edition: Edition, text: str, *, consent: bool = True) -> str:
    """Why importing ``text`` is refused, in English; the pool and the audit log stay as they were."""
    error: ServiceError = refused(
        lambda: import_pool(
            edition=edition, by=make_facilitator(edition), file=text.encode(), consent_confirmed=consent
        ),
        unchanged=lambda: (Respondent.objects.count(), AuditEntry.objects.count()),
    )
    with translation.override("en"):
        return str(error.message)


def test_a_file_adds_everyone_with_fresh_pool_ids_values_by_key_or_label_and_consent(
    edition: Edition,
) -> None:
    make_pool(edition, size=2)  # P0001, P0002 signed up online
    added = import_pool(
        edition=edition, by=make_facilitator(edition), file=GOOD.encode(), consent_confirmed=True
    )
    assert (added.added, added.first_pool_id, added.last_pool_id) == (3, "P003", "P005")
    people = list(Respondent.objects.filter(edition=edition, pool_id__in=["P003", "P004", "P005"]))
    assert [p.features for p in people] == [
        {"buurt": "slotervaart", "leeftijd": "16-24", "gender": "vrouw"},
        {"buurt": "osdorp", "leeftijd": "45-64", "gender": "man"},
        {"buurt": "geuzenveld", "leeftijd": "65", "gender": "anders"},
    ]
    assert [p.available for p in people] == [True, False, True]
    assert [p.email for p in people] == ["anna@example.org", "", "kees@example.org"]
    assert all(p.consent_at is not None for p in people)
    entry = AuditEntry.objects.get(action="panel.pool_imported")
    assert entry.after["added"] == 3 and "anna" not in str(entry.after)


def test_a_file_without_a_column_for_a_feature_is_refused_naming_it(edition: Edition) -> None:
    message = import_refusal(edition, "buurt;geslacht\nSlotervaart;vrouw\n")
    assert "leeftijd" in message


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("buurt,leeftijd,gender\nSlotervaart,16-24,vrouw\nNoord,16-24,man\n", "Line 3"),
        ("buurt,leeftijd,gender\nSlotervaart,,vrouw\n", "Line 2"),
        ("buurt,leeftijd,gender,beschikbaar\nSlotervaart,16-24,vrouw,misschien\n", "misschien"),
        ("buurt,leeftijd,gender,email\nOsdorp,16-24,man,geen-adres\n", "geen-adres"),
        ("buurt,leeftijd,gender,email\nOsdorp,16-24,man,a@b.nl\nOsdorp,65+,man,A@b.nl\n", "line 2"),
    ],
)
def test_a_bad_line_is_named_and_nothing_is_added(edition: Edition, text: str, says: str) -> None:
    assert says in import_refusal(edition, text)


def test_an_e_mail_address_already_in_the_pool_is_refused(edition: Edition) -> None:
    (person,) = make_pool(edition, size=1)
    message = import_refusal(edition, f"buurt,leeftijd,gender,email\nOsdorp,16-24,man,{person.email}\n")
    assert "Line 2" in message


def test_without_confirmed_consent_or_after_publication_or_outside_recruitment_nothing_is_added(
    edition: Edition,
) -> None:
    assert "consent" in import_refusal(edition, GOOD, consent=False)
    make_published_panel(edition, size=2)
    assert "published" in import_refusal(edition, GOOD)
    review = make_panel_edition(phase="review", decision_model="panel")
    assert "cannot do this now" in import_refusal(review, GOOD)


def test_the_facilitator_uploads_a_file_on_the_werving_page(edition: Edition) -> None:
    client = Client()
    client.force_login(make_facilitator(edition))
    url = f"/en/panel/{edition.slug}/werving/pool/"
    upload = SimpleUploadedFile("pool.csv", GOOD.encode(), content_type="text/csv")
    response = client.post(url, {"pool-file": upload, "pool-consent": "on"}, follow=True)
    assert "3 people were added to the pool (P001 to P003)" in response.content.decode()
    bad = SimpleUploadedFile("pool.csv", b"buurt;geslacht\nOsdorp;man\n", content_type="text/csv")
    response = client.post(url, {"pool-file": bad, "pool-consent": "on"})
    assert response.status_code == 400 and "leeftijd" in response.content.decode()
    assert Respondent.objects.filter(edition=edition).count() == 3
