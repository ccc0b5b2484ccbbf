"""The population page: officials of the district only; an import by file or pasted text; the template CSV."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from accounts.models import Role, User
from evaluation.models import PopulationFigure
from places.models import District, Neighbourhood
from tests import factories

TEXT = "neighbourhood;age_from;age_to;gender;residents\nslotermeer;16;;vrouw;300\nosdorp;0;;man;200\n"


def _url(district: District, name: str = "evaluation:population") -> str:
    return reverse(name, kwargs={"district": district.slug})


def test_an_official_sees_the_figures_and_the_form(
    client: Client, district: District, official: User
) -> None:
    client.force_login(official)
    page = client.get(_url(district)).content.decode()
    assert "Slotermeer" in page and "Osdorp" in page and 'enctype="multipart/form-data"' in page
    assert _url(district, "evaluation:population_template") in page


def test_pasted_text_is_imported_and_the_page_says_so(
    client: Client, district: District, official: User
) -> None:
    client.force_login(official)
    response = client.post(_url(district), {"text": TEXT, "source": "OIS"}, follow=True)
    assert PopulationFigure.objects.count() == 2
    page = response.content.decode()
    assert "2 regels, 500 inwoners" in page and "OIS" in page


def test_an_uploaded_file_is_imported(client: Client, district: District, official: User) -> None:
    client.force_login(official)
    upload = SimpleUploadedFile("bevolking.csv", ("\ufeff" + TEXT).encode(), content_type="text/csv")
    client.post(_url(district), {"file": upload})
    assert PopulationFigure.objects.count() == 2


def test_a_refused_file_shows_the_translated_reason_and_saves_nothing(
    client: Client, district: District, official: User
) -> None:
    client.force_login(official)
    url = _url(district)
    response = client.post(url, {"text": TEXT + "osdorp;0;;man;-3\n"})
    assert response.status_code == 400 and PopulationFigure.objects.count() == 0
    assert "Regel 4" in response.content.decode()
    assert "Kies een bestand of plak de cijfers." in client.post(url, {"text": ""}).content.decode()
    english = client.post("/en" + url, {"text": TEXT.replace("osdorp", "nergens")}).content.decode()
    assert "Line 3: the district has no neighbourhood “nergens”." in english


def test_the_template_lists_the_districts_neighbourhoods(
    client: Client, district: District, official: User, osdorp: Neighbourhood
) -> None:
    client.force_login(official)
    response = client.get(_url(district, "evaluation:population_template"))
    lines = response.content.decode().splitlines()
    assert response["Content-Type"].startswith("text/csv")
    assert lines[0] == "neighbourhood,age_from,age_to,gender,residents" and lines[1] == "osdorp,0,15,vrouw,"
    assert len(lines) == 1 + 2 * 3 * 5


@pytest.mark.parametrize("name", ["evaluation:population", "evaluation:population_template"])
def test_others_are_kept_out(
    client: Client, district: District, other_district: District, official: User, resident: User, name: str
) -> None:
    assert client.get(_url(district, name)).status_code == 302  # anonymous: to the log-in page
    for person in (resident, factories.make_staff(role=Role.OFFICIAL, district=other_district)):
        client.force_login(person)
        assert client.get(_url(district, name)).status_code == 403
    response = client.post(_url(district), {"text": TEXT})
    assert response.status_code == 403 and PopulationFigure.objects.count() == 0
    assert client.get(reverse(name, kwargs={"district": "nergens"})).status_code == 404
