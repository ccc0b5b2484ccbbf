"""Panel recruitment services: default features, invitations with response codes, and signing up."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from django.db import close_old_connections, connection
from django.utils import timezone

from accounts.models import Role
from audit.models import AuditEntry
from common import codes
from common.code_guard import CodeEntryError
from deliberation.models import Feature, FeatureValue, Invitation, PanelSetup, Respondent
from deliberation.recruitment.errors import RecruitmentError
from deliberation.recruitment.features import age_bands
from deliberation.recruitment.selectors import batch_file, letters_folder
from deliberation.recruitment.services.features import (
    add_feature,
    ensure_default_features,
    set_population_figures,
)
from deliberation.recruitment.services.invitations import (
    destroy_invitation_letters,
    open_invitation_letters,
    response_code_hash,
    send_invitations,
)
from deliberation.recruitment.services.sign_up import register_interest
from outreach.models import Address
from tests import factories
from tests.refusals import refused

pytestmark = pytest.mark.django_db


@pytest.fixture
def private_root(settings: Any, tmp_path: Path) -> Path:
    settings.PRIVATE_FILES_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def panel(db: None, private_root: Path) -> Any:
    district = factories.make_district(name="Noord")
    factories.make_neighbourhood(district=district, name="Volewijck", population=10_600)
    factories.make_neighbourhood(district=district, name="Kadoelen", population=3_100)
    edition = factories.make_edition_in_phase("plans", district=district, decision_model="panel", min_age=16)
    ensure_default_features(edition)
    facilitator = factories.make_staff(role=Role.FACILITATOR, district=district)
    return edition, facilitator


def make_addresses(edition: Any, count: int) -> list[Address]:
    neighbourhoods = list(edition.district.neighbourhoods.order_by("name"))
    return [
        Address.objects.create(
            edition=edition,
            street_address=f"Kadoelenweg {i + 1}",
            postcode="1035 AA",
            neighbourhood=neighbourhoods[i % len(neighbourhoods)],
            eligible_count=1,
        )
        for i in range(count)
    ]


def sign_up(edition: Any, **overrides: Any) -> Respondent:
    data: dict[str, Any] = {
        "name": "Anna de Vries",
        "email": "anna@example.org",
        "birth_year": timezone.now().year - 30,
        "features": {"neighbourhood": "volewijck", "gender": "vrouw"},
        "available": True,
        "consent": True,
    }
    data.update(overrides)
    return register_interest(edition=edition, **data)


def refusal(edition: Any, **overrides: Any) -> str:
    """The code of the sign-up's refusal; nobody is added to the pool."""
    error = refused(
        lambda: sign_up(edition, **overrides), error=RecruitmentError, unchanged=Respondent.objects.count
    )
    return error.code


# --- Features ---


def test_default_features_are_neighbourhood_age_band_and_gender(panel: Any) -> None:
    edition, _ = panel
    features = {f.key: f for f in Feature.objects.filter(edition=edition)}
    assert list(features) == ["neighbourhood", "age", "gender"]
    neighbourhoods = {v.key: v.population for v in features["neighbourhood"].values.all()}
    assert neighbourhoods == {"volewijck": 10_600, "kadoelen": 3_100}
    assert [v.key for v in features["age"].values.all()] == ["16-24", "25-39", "40-64", "65-plus"]
    assert [v.key for v in features["gender"].values.all()] == ["vrouw", "man", "anders"]
    assert PanelSetup.objects.filter(edition=edition).exists()
    ensure_default_features(edition)
    assert Feature.objects.filter(edition=edition).count() == 3


def test_age_bands_start_at_the_minimum_age() -> None:
    assert [key for key, *_ in age_bands(12)] == ["12-24", "25-39", "40-64", "65-plus"]
    assert [key for key, *_ in age_bands(30)] == ["30-39", "40-64", "65-plus"]


def test_a_facilitator_adds_a_feature_with_population_figures(panel: Any) -> None:
    edition, facilitator = panel
    feature = add_feature(
        edition=edition, name="Woning", values=[("Huur", 6000), ("Koop", 3000)], by=facilitator
    )
    assert feature.key == "woning" and feature.position == 4
    assert [(v.key, v.population) for v in feature.values.all()] == [("huur", 6000), ("koop", 3000)]
    assert AuditEntry.objects.get(action="deliberation.feature_added").after["values"] == ["Huur", "Koop"]
    refused(
        lambda: add_feature(
            edition=edition, name="Woning", values=[("Huur", 1), ("Koop", 2)], by=facilitator
        ),
        "feature_exists",
        error=RecruitmentError,
    )
    refused(
        lambda: add_feature(edition=edition, name="Opleiding", values=[("Hbo", 1)], by=facilitator),
        "too_few_values",
        error=RecruitmentError,
    )
    refused(
        lambda: add_feature(
            edition=edition, name="Opleiding", values=[("Hbo", 1), ("hbo", 2)], by=facilitator
        ),
        "duplicate_value",
        error=RecruitmentError,
    )


def test_no_feature_can_be_added_once_someone_signed_up(panel: Any) -> None:
    edition, facilitator = panel
    sign_up(edition)
    refused(
        lambda: add_feature(
            edition=edition, name="Woning", values=[("Huur", 1), ("Koop", 1)], by=facilitator
        ),
        "pool_not_empty",
        error=RecruitmentError,
    )


def test_population_figures_are_set_and_audited(panel: Any) -> None:
    edition, facilitator = panel
    woman = FeatureValue.objects.get(feature__edition=edition, key="vrouw")
    assert set_population_figures(edition=edition, figures={woman.pk: 7000}, by=facilitator) == 1
    woman.refresh_from_db()
    assert woman.population == 7000
    assert AuditEntry.objects.get(action="deliberation.population_set").after == {str(woman.pk): 7000}


# --- Invitations ---


def test_invitations_draw_uninvited_addresses_with_a_seed_and_hash_their_codes(panel: Any) -> None:
    edition, facilitator = panel
    make_addresses(edition, 10)
    first = send_invitations(edition=edition, count=4, by=facilitator, seed=7)
    assert (first.number, first.count, first.seed) == (1, 4, 7)
    assert Invitation.objects.filter(edition=edition, batch=1).count() == 4
    entry = AuditEntry.objects.get(action="deliberation.invitations_sent")
    assert entry.after == {"batch": 1, "count": 4, "seed": 7}
    assert batch_file(edition, 1) == first.path and first.path.is_file()
    second = send_invitations(edition=edition, count=6, by=facilitator)
    assert second.number == 2
    addresses = list(Invitation.objects.filter(edition=edition).values_list("address_id", flat=True))
    assert len(addresses) == len(set(addresses)) == 10
    caught = refused(
        lambda: send_invitations(edition=edition, count=1, by=facilitator), "too_many", error=RecruitmentError
    )
    assert caught.params == {"count": 1, "available": 0}


def test_the_same_seed_draws_the_same_addresses(panel: Any) -> None:
    edition, facilitator = panel
    make_addresses(edition, 20)
    send_invitations(edition=edition, count=5, by=facilitator, seed=42)
    chosen = set(Invitation.objects.values_list("address_id", flat=True))
    Invitation.objects.all().delete()
    send_invitations(edition=edition, count=5, by=facilitator, seed=42)
    assert set(Invitation.objects.values_list("address_id", flat=True)) == chosen


def test_invitations_are_refused_without_an_address_list_or_beyond_it(panel: Any) -> None:
    edition, facilitator = panel
    refused(
        lambda: send_invitations(edition=edition, count=1, by=facilitator),
        "no_address_list",
        error=RecruitmentError,
    )
    make_addresses(edition, 3)
    caught = refused(
        lambda: send_invitations(edition=edition, count=4, by=facilitator), "too_many", error=RecruitmentError
    )
    assert caught.params == {"count": 4, "available": 3}
    refused(
        lambda: send_invitations(edition=edition, count=0, by=facilitator),
        "count_positive",
        error=RecruitmentError,
    )
    assert not Invitation.objects.exists()
    assert not list(letters_folder().glob("*.pdf"))


def test_letters_download_is_audited_and_destroy_deletes_the_file(panel: Any) -> None:
    edition, facilitator = panel
    make_addresses(edition, 2)
    batch = send_invitations(edition=edition, count=2, by=facilitator)
    assert open_invitation_letters(edition=edition, batch=1, by=facilitator) == batch.path
    assert AuditEntry.objects.filter(action="deliberation.invitation_letters_downloaded").exists()
    destroy_invitation_letters(edition=edition, batch=1, by=facilitator)
    assert not batch.path.exists() and batch_file(edition, 1) is None
    for action in (open_invitation_letters, destroy_invitation_letters):
        refused(
            lambda: action(edition=edition, batch=1, by=facilitator),  # noqa: B023 (called at once)
            "letters_destroyed",
            error=RecruitmentError,
        )
    refused(
        lambda: open_invitation_letters(edition=edition, batch=9, by=facilitator),
        "no_batch",
        error=RecruitmentError,
    )


# --- Signing up ---


def invite_one(edition: Any, neighbourhood_slug: str = "kadoelen") -> str:
    address = Address.objects.create(
        edition=edition,
        street_address="Kadoelenweg 300",
        postcode="1035 AB",
        neighbourhood=edition.district.neighbourhoods.get(slug=neighbourhood_slug),
        eligible_count=2,
    )
    code = codes.new_code()
    Invitation.objects.create(
        edition=edition, address=address, code_hash=response_code_hash(codes.normalise(code))
    )
    return code


def test_a_sign_up_stores_the_age_band_not_the_birth_year_and_a_pool_id(panel: Any) -> None:
    edition, _ = panel
    respondent = sign_up(edition, email=" Anna@Example.org ", phone=" 0612345678 ")
    assert respondent.pool_id == "P001"
    assert respondent.features == {"neighbourhood": "volewijck", "age": "25-39", "gender": "vrouw"}
    assert (respondent.email, respondent.phone, respondent.available) == (
        "anna@example.org",
        "0612345678",
        True,
    )
    assert respondent.consent_at is not None
    second = sign_up(edition, email="bob@example.org", birth_year=timezone.now().year - 70)
    assert second.pool_id == "P002" and second.features["age"] == "65-plus"


def test_with_a_response_code_the_invited_address_decides_the_neighbourhood(panel: Any) -> None:
    edition, _ = panel
    code = invite_one(edition, "kadoelen")
    respondent = sign_up(edition, code=code.lower(), features={"neighbourhood": "volewijck", "gender": "man"})
    assert respondent.features["neighbourhood"] == "kadoelen"
    invitation = Invitation.objects.get()
    assert invitation.responded_at is not None and respondent.invitation == invitation
    assert refusal(edition, code=code, email="other@example.org") == "code_used"


def test_unknown_or_malformed_codes_are_refused(panel: Any) -> None:
    edition, _ = panel
    assert refusal(edition, code=codes.new_code()) == "unknown_code"
    assert refusal(edition, code="not-a-code") == "unknown_code"
    voting_code = codes.new_code()  # a voting code's hash is not a response code's hash
    Invitation.objects.create(edition=edition, code_hash=codes.credential_hash(codes.normalise(voting_code)))
    assert refusal(edition, code=voting_code) == "unknown_code"


def test_guessing_response_codes_is_limited_but_the_right_code_still_signs_up(
    panel: Any, settings: Any
) -> None:
    settings.VOTING_FAILURES_PER_CLIENT = (2, 600)
    edition, _ = panel
    code = invite_one(edition, "kadoelen")
    assert refusal(edition, code=codes.new_code(), client_ip="192.0.2.4") == "unknown_code"
    assert refusal(edition, code="not-a-code", client_ip="192.0.2.4") == "unknown_code"
    refused(
        lambda: sign_up(edition, code=codes.new_code(), client_ip="192.0.2.4"),
        "too_many_attempts",
        error=CodeEntryError,
    )
    assert sign_up(edition, code=code, client_ip="192.0.2.4").invitation is not None


def test_sign_up_outside_the_area_is_refused(panel: Any) -> None:
    edition, _ = panel
    elsewhere = factories.make_neighbourhood(district=factories.make_district(name="West"), name="Kolenkit")
    assert refusal(edition, features={"neighbourhood": elsewhere.slug, "gender": "man"}) == "outside_area"
    assert refusal(edition, features={"neighbourhood": "elders", "gender": "man"}) == "outside_area"
    caught = refused(
        lambda: sign_up(edition, features={"neighbourhood": "elders", "gender": "man"}),
        error=RecruitmentError,
    )
    assert "Noord" in caught.message


def test_sign_up_under_the_minimum_age_is_refused(panel: Any) -> None:
    edition, _ = panel
    assert refusal(edition, birth_year=timezone.now().year - 15) == "too_young"
    assert sign_up(edition, birth_year=timezone.now().year - 16).features["age"] == "16-24"


def test_an_implausible_birth_year_is_refused(panel: Any) -> None:
    edition, _ = panel
    assert refusal(edition, birth_year=1850) == "birth_year"
    assert refusal(edition, birth_year=timezone.now().year + 1) == "birth_year"


def test_sign_up_is_refused_outside_its_phases(panel: Any) -> None:
    edition, _ = panel
    review = factories.make_edition_in_phase("review", district=edition.district, decision_model="panel")
    ensure_default_features(review)
    assert refusal(review) == "sign_up_closed"


def test_invitation_only_sign_up_needs_a_code(panel: Any) -> None:
    edition, _ = panel
    PanelSetup.objects.filter(edition=edition).update(open_sign_up=False)
    assert refusal(edition) == "invitation_only"
    code = invite_one(edition)
    assert sign_up(edition, code=code).pool_id == "P001"


def test_missing_consent_is_refused(panel: Any) -> None:
    edition, _ = panel
    assert refusal(edition, consent=False) == "no_consent"


def test_a_missing_feature_value_is_refused(panel: Any) -> None:
    edition, _ = panel
    assert refusal(edition, features={"neighbourhood": "volewijck"}) == "missing_feature"
    assert refusal(edition, features={"neighbourhood": "volewijck", "gender": "x"}) == "missing_feature"
    assert refusal(edition, features={"gender": "man"}) == "missing_feature"


def test_a_second_sign_up_with_the_same_email_is_refused(panel: Any) -> None:
    edition, _ = panel
    sign_up(edition)
    assert refusal(edition, email="ANNA@example.org", name="Iemand anders") == "already_signed_up"


def test_every_refusal_has_a_translated_message(panel: Any) -> None:
    from django.utils import translation

    for code in RecruitmentError.messages:
        params = {
            "count": 1,
            "available": 0,
            "batch": 1,
            "name": "x",
            "label": "x",
            "district": "Noord",
            "age": 16,
            "feature": "x",
            "email": "x",
        }
        with translation.override("en"):
            assert RecruitmentError(code, **params).message


@pytest.mark.django_db(transaction=True)
def test_pool_ids_stay_unique_when_people_sign_up_at_the_same_moment(private_root: Path) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("concurrent writers need PostgreSQL (SQLite serialises the whole database)")
    district = factories.make_district(name="Noord")
    factories.make_neighbourhood(district=district, name="Volewijck", population=10_600)
    edition = factories.make_edition_in_phase("plans", district=district, decision_model="panel")
    ensure_default_features(edition)
    start = threading.Barrier(8)
    errors: list[BaseException] = []

    def worker(number: int) -> None:
        try:
            start.wait()
            sign_up(edition, email=f"p{number}@example.org")
        except BaseException as error:
            errors.append(error)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    ids = sorted(Respondent.objects.filter(edition=edition).values_list("pool_id", flat=True))
    assert ids == [f"P{n:03d}" for n in range(1, 9)]
