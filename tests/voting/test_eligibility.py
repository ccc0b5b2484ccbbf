"""Importing the address list and the resident register: all or nothing, named lines, hashes only."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from functools import partial

import pytest
from django.utils import timezone, translation

from accounts.models import Role, User
from audit.models import AuditEntry
from common import codes
from editions.models import Edition
from outreach.errors import CsvImportError
from outreach.models import Address
from places.models import Neighbourhood
from tests import factories
from tests.refusals import refused
from voting.models import Voter, VoterKind
from voting.services.eligibility import import_addresses, import_register


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    """The messages are checked in their English source (tests/voting/test_ballots.py checks the Dutch)."""
    with translation.override("en"):
        yield


@pytest.fixture
def setup(db: None) -> tuple[Edition, Neighbourhood, Neighbourhood, User]:
    edition, _plans = factories.make_vote(phase="review", min_age=16)
    west = factories.make_neighbourhood(district=edition.district, name="Slotervaart")
    east = factories.make_neighbourhood(district=edition.district, name="Osdorp Midden")
    official = factories.make_staff(role=Role.OFFICIAL, district=edition.district)
    return edition, west, east, official


def csv(*lines: str) -> bytes:
    return ("\n".join(lines) + "\n").encode()


def test_address_list_is_imported_with_names_or_slugs_and_audited(
    setup: tuple[Edition, Neighbourhood, Neighbourhood, User],
) -> None:
    edition, west, east, official = setup
    result = import_addresses(
        edition=edition,
        file=csv(
            "address,postcode,neighbourhood,eligible",
            "Sloterkade 1,1058HE,Slotervaart,2",
            '"Osdorpplein 4, 2 hoog",1068 ab,osdorp-midden,1',
        ),
        by=official,
    )
    assert (result.addresses, result.residents) == (2, 3)
    rows = set(
        Address.objects.values_list("street_address", "postcode", "neighbourhood_id", "eligible_count")
    )
    assert rows == {("Sloterkade 1", "1058 HE", west.pk, 2), ("Osdorpplein 4, 2 hoog", "1068 AB", east.pk, 1)}
    entry = AuditEntry.objects.get(action="voting.addresses_imported")
    assert (entry.actor, entry.after) == (official, {"addresses": 2, "residents": 3})


def test_dutch_headers_and_semicolons_are_accepted(
    setup: tuple[Edition, Neighbourhood, Neighbourhood, User],
) -> None:
    edition, _west, _, official = setup
    data = "\ufeffAdres;Postcode;Buurt;Stemgerechtigden\nSloterkade 1;1058 HE;Slotervaart;3\n".encode()
    assert import_addresses(edition=edition, file=data, by=official).residents == 3


@pytest.mark.parametrize(
    ("bad_line", "problem"),
    [
        ("Sloterkade 9,1058 HE,Atlantis,1", "Atlantis"),
        ("Sloterkade 9,1058 HE,Slotervaart,0", "positive whole number"),
        ("Sloterkade 9,1058 HE,Slotervaart,1.5", "positive whole number"),
        ("Sloterkade 9,1058 HE,Slotervaart,-2", "positive whole number"),
        ("Sloterkade 9,,Slotervaart,1", "empty"),
        ("Sloterkade 9,1058 HEX,Slotervaart,1", "not a Dutch postcode"),
        ("Sloterkade 9,0123 AB,Slotervaart,1", "not a Dutch postcode"),
        ("sloterkade  1,1058he,Slotervaart,1", "also on line 2"),
    ],
)
def test_a_bad_line_is_named_and_nothing_is_imported(
    setup: tuple[Edition, Neighbourhood, Neighbourhood, User], bad_line: str, problem: str
) -> None:
    edition, _, _, official = setup
    caught = refused(
        lambda: import_addresses(
            edition=edition,
            file=csv(
                "address,postcode,neighbourhood,eligible", "Sloterkade 1,1058 HE,Slotervaart,2", bad_line
            ),
            by=official,
        ),
        "bad_row",
        error=CsvImportError,
    )
    assert caught.params["line"] == 3
    assert "Line 3" in caught.message
    assert problem in caught.message
    assert not Address.objects.exists()
    assert not AuditEntry.objects.filter(action="voting.addresses_imported").exists()


def test_the_problem_is_translated_when_read(
    setup: tuple[Edition, Neighbourhood, Neighbourhood, User],
) -> None:
    from django.utils import translation

    edition, _, _, official = setup
    caught = refused(
        lambda: import_addresses(
            edition=edition,
            file=csv("address,postcode,neighbourhood,eligible", "A 1,1058 HE,X,1"),
            by=official,
        ),
        error=CsvImportError,
    )
    with translation.override("en"):
        english = caught.message
    with translation.override("nl"):
        dutch = caught.message
    assert "Line 2" in english and "X" in dutch


def test_an_address_imported_before_is_a_duplicate(
    setup: tuple[Edition, Neighbourhood, Neighbourhood, User],
) -> None:
    edition, _, _, official = setup
    header = "address,postcode,neighbourhood,eligible"
    import_addresses(edition=edition, file=csv(header, "Sloterkade 1,1058 HE,Slotervaart,2"), by=official)
    caught = refused(
        lambda: import_addresses(
            edition=edition,
            file=csv(header, "Sloterkade 2,1058 HE,Slotervaart,1", "SLOTERKADE 1,1058 HE,Slotervaart,1"),
            by=official,
        ),
        error=CsvImportError,
    )
    assert caught.params["line"] == 3
    assert Address.objects.count() == 1


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "empty_file"),
        (b"address,postcode,neighbourhood,eligible\n", "empty_file"),
        (b"\xff\xfe\x00a\x00d", "not_text"),
        (b"address,postcode,eligible\nA 1,1058 HE,1\n", "missing_columns"),
    ],
)
def test_files_that_are_not_an_address_list_are_refused(
    setup: tuple[Edition, Neighbourhood, Neighbourhood, User], data: bytes, code: str
) -> None:
    edition, _, _, official = setup
    refused(lambda: import_addresses(edition=edition, file=data, by=official), code, error=CsvImportError)
    assert not Address.objects.exists()


def test_imports_are_refused_once_the_vote_has_started(db: None) -> None:
    edition, _ = factories.make_vote()
    factories.make_neighbourhood(district=edition.district, name="Slotervaart")
    official = factories.make_staff(role=Role.OFFICIAL, district=edition.district)
    for service, data in (
        (import_addresses, csv("address,postcode,neighbourhood,eligible", "A 1,1058 HE,Slotervaart,1")),
        (
            import_register,
            csv("name,birth_date,postcode,email,neighbourhood", "A,1990-01-01,1058 HE,a@x.nl,Slotervaart"),
        ),
    ):
        refused(
            partial(service, edition=edition, file=data, by=official), "vote_started", error=CsvImportError
        )
    assert not Address.objects.exists() and not Voter.objects.exists()


REGISTER_HEADER = "name,birth_date,postcode,email,neighbourhood"


def test_register_stores_only_hashes_and_skips_residents_too_young(
    setup: tuple[Edition, Neighbourhood, Neighbourhood, User],
) -> None:
    edition, west, _, official = setup
    vote_day = timezone.localdate(edition.phases.get(kind="decision").starts_at)  # the day in Amsterdam
    sixteen_on_vote_day = vote_day.replace(year=vote_day.year - 16)
    fifteen = vote_day.replace(year=vote_day.year - 16) + timedelta(days=1)
    result = import_register(
        edition=edition,
        file=csv(
            REGISTER_HEADER,
            "Sanne de Vries,1990-04-01,1061 AB,Sanne@Example.org,Slotervaart",
            f"Jip Jansen,{sixteen_on_vote_day.isoformat()},1061ab,jip@example.org,slotervaart",
            f"Janneke Jansen,{fifteen.strftime('%d-%m-%Y')},1061 AB,janneke@example.org,Slotervaart",
        ),
        by=official,
    )
    assert (result.imported, result.skipped_too_young) == (2, 1)
    sanne = Voter.objects.get(
        credential_hash=codes.register_hash(
            codes.register_identity(name="sanne  de vries", birth_date="1990-04-01", postcode="1061AB")
        )
    )
    assert (sanne.kind, sanne.neighbourhood, sanne.email_hash) == (
        VoterKind.REGISTER,
        west,
        codes.email_hash("sanne@example.org"),
    )
    stored = repr(list(Voter.objects.values()))
    for plain in ("Sanne", "sanne@example.org", "1990-04-01", "Jip", "1061"):
        assert plain.lower() not in stored.lower()
    assert AuditEntry.objects.get(action="voting.register_imported").after == {
        "imported": 2,
        "skipped_too_young": 1,
    }


@pytest.mark.parametrize(
    ("bad_line", "problem"),
    [
        ("Sanne de Vries,1991-02-02,1061 AB,other@example.org,Slotervaart", "also on line 2"),
        ("Piet Puk,1980-01-01,1061 AB,SANNE@example.org,Slotervaart", "also on line 2"),
        ("Piet Puk,31-02-1980,1061 AB,piet@example.org,Slotervaart", "not a date of birth"),
        ("Piet Puk,1980-01-01,1061 AB,piet-at-example.org,Slotervaart", "not an e-mail address"),
        ("Piet Puk,1980-01-01,1061 AB,piet@example.org,Nergens", "Nergens"),
        ("Piet Puk,1980-01-01,10611 AB,piet@example.org,Slotervaart", "not a Dutch postcode"),
    ],
)
def test_a_bad_register_line_is_named_and_nothing_is_imported(
    setup: tuple[Edition, Neighbourhood, Neighbourhood, User], bad_line: str, problem: str
) -> None:
    edition, _, _, official = setup
    caught = refused(
        lambda: import_register(
            edition=edition,
            file=csv(
                REGISTER_HEADER, "Sanne de Vries,1991-02-02,1061 AB,sanne@example.org,Slotervaart", bad_line
            ),
            by=official,
        ),
        error=CsvImportError,
    )
    assert caught.params["line"] == 3
    assert problem in caught.message
    assert not Voter.objects.exists()


def test_dutch_register_headers_are_accepted(
    setup: tuple[Edition, Neighbourhood, Neighbourhood, User],
) -> None:
    edition, _, _, official = setup
    data = csv(
        "Naam;Geboortedatum;Postcode;E-mail;Wijk",
        "Sanne de Vries;01-04-1990;1061 AB;s@example.org;Slotervaart",
    )
    assert import_register(edition=edition, file=data, by=official).imported == 1
