"""Importing a district's postcode table: all or nothing, the bad line named, audited, officials only."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import translation

from accounts.models import Role, User
from audit.models import AuditEntry
from outreach.errors import CsvImportError
from outreach.postcodes.errors import PostcodeError
from outreach.postcodes.services import import_postcodes
from places.models import District, PostcodeArea
from tests import factories

pytestmark = pytest.mark.django_db

GOOD = (
    b"postcode;buurt;straat;van;tot en met\n"
    b"1068 AB;Osdorp;;;\n"
    b"1068AC;Osdorp;Pieter Calandlaan;1;49\n"
    b"1068 AC;Geuzenveld;Pieter Calandlaan;50;99\n"
)


@pytest.fixture
def official(district: District) -> User:
    factories.make_neighbourhood(district=district, name="Osdorp")
    factories.make_neighbourhood(district=district, name="Geuzenveld")
    return factories.make_staff(role=Role.OFFICIAL, district=district)


def test_an_official_imports_the_table_and_it_is_audited(district: District, official: User) -> None:
    assert import_postcodes(district=district, file=GOOD, by=official) == 3
    areas = list(PostcodeArea.objects.filter(district=district).order_by("postcode", "first_number"))
    assert [(a.postcode, a.street, a.first_number, a.last_number, a.neighbourhood.name) for a in areas] == [
        ("1068 AB", "", None, None, "Osdorp"),
        ("1068 AC", "Pieter Calandlaan", 1, 49, "Osdorp"),
        ("1068 AC", "Pieter Calandlaan", 50, 99, "Geuzenveld"),
    ]
    entry = AuditEntry.objects.get(action="places.postcodes_imported")
    assert (entry.actor, entry.after) == (official, {"lines": 3})


def test_a_new_import_replaces_the_whole_table(district: District, official: User) -> None:
    import_postcodes(district=district, file=GOOD, by=official)
    import_postcodes(district=district, file=b"postcode,neighbourhood\n1069 LD,Geuzenveld\n", by=official)
    assert list(PostcodeArea.objects.values_list("postcode", flat=True)) == ["1069 LD"]


@pytest.mark.parametrize(
    ("line", "says"),
    [
        ("1068 SS;Osdorp;;;", "Line 3: “1068 SS” is not a Dutch postcode"),
        (
            "1068 AD;Slotermeer;;;",
            "Line 3: the neighbourhood “Slotermeer” is not a neighbourhood of Nieuw-West",
        ),
        ("1068 AD;Osdorp;Street;10;;", "Line 3: give both house numbers"),
        ("1068 AD;Osdorp;Street;20;10", "Line 3: give both house numbers"),
        ("1068 AD;Osdorp;Street;tien;20", "Line 3: “tien” is not a house number."),
    ],
)
def test_a_bad_line_is_named_and_nothing_changes(
    district: District, official: User, line: str, says: str
) -> None:
    import_postcodes(district=district, file=b"postcode;buurt\n1069 LD;Osdorp\n", by=official)
    file = f"postcode;buurt;straat;van;tot en met\n1068 AB;Osdorp;;;\n{line}\n".encode()
    with translation.override("en"), pytest.raises(CsvImportError) as refused:
        import_postcodes(district=district, file=file, by=official)
    with translation.override("en"):
        assert says in refused.value.message
    assert list(PostcodeArea.objects.values_list("postcode", flat=True)) == ["1069 LD"]
    assert AuditEntry.objects.filter(action="places.postcodes_imported").count() == 1


@pytest.mark.parametrize("who", ["resident", "official elsewhere", "reviewer"])
def test_only_an_official_of_the_district_may_import(
    district: District, other_district: District, official: User, who: str
) -> None:
    person = {
        "resident": factories.make_user(),
        "official elsewhere": factories.make_staff(role=Role.OFFICIAL, district=other_district),
        "reviewer": factories.make_staff(role=Role.REVIEWER, district=district),
    }[who]
    with pytest.raises(PostcodeError) as refused:
        import_postcodes(district=district, file=GOOD, by=person)
    assert refused.value.code == "not_an_official"
    assert not PostcodeArea.objects.exists() and not AuditEntry.objects.exists()


def page(district: District) -> str:
    with translation.override("en"):
        return reverse("outreach:postcode_table", kwargs={"slug": district.slug})


def test_the_officials_page_imports_and_refuses_others(
    client: Client, district: District, other_district: District, official: User
) -> None:
    client.force_login(factories.make_staff(role=Role.OFFICIAL, district=other_district))
    assert client.get(page(district)).status_code == 403
    client.force_login(factories.make_user())
    assert client.get(page(district)).status_code == 403
    client.force_login(official)
    assert "The table has 0 lines." in client.get(page(district)).content.decode()
    upload = {"file": _upload(GOOD)}
    response = client.post(page(district), upload, follow=True)
    assert "3 lines imported." in response.content.decode()
    bad = client.post(page(district), {"file": _upload(b"postcode,buurt\nnonsense,Osdorp\n")})
    assert "Line 2: “nonsense” is not a Dutch postcode" in bad.content.decode()
    assert PostcodeArea.objects.count() == 3


def _upload(content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile("postcodes.csv", content, content_type="text/csv")
