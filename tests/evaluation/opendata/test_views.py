"""The open data download: public for a published edition, a zip with the right name, cacheable."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from outcomes.models import CountSection
from tests.evaluation.opendata.factories import make_open_edition, unzip
from tests.factories import make_edition

pytestmark = pytest.mark.django_db


def url(slug: str) -> str:
    return reverse("evaluation:open_data", kwargs={"slug": slug})


def test_anyone_downloads_the_zip_of_a_published_edition(client: Client) -> None:
    opened = make_open_edition()
    response = client.get(url(opened.edition.slug))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert f'filename="{opened.edition.slug}-open-data.zip"' in response["Content-Disposition"]
    assert response["Cache-Control"] == "public, max-age=300" and response["ETag"].startswith('"')
    files = unzip(b"".join(response.streaming_content))  # type: ignore[attr-defined]
    section = CountSection.objects.get(count=opened.count)
    published = client.get(reverse("outcomes:ballots", kwargs={"slug": opened.edition.slug, "key": "main"}))
    assert files[f"ballots/{section.file_name}"] == published.content
    assert url(opened.edition.slug) == f"/evaluatie/{opened.edition.slug}/open-data.zip"


def test_a_client_holding_the_same_package_gets_not_modified(client: Client) -> None:
    opened = make_open_edition()
    etag = client.get(url(opened.edition.slug))["ETag"]
    again = client.get(url(opened.edition.slug), headers={"If-None-Match": etag})
    assert again.status_code == 304 and again["ETag"] == etag
    assert client.get(url(opened.edition.slug), headers={"If-None-Match": '"other"'}).status_code == 200


def test_an_unpublished_edition_has_no_download(client: Client) -> None:
    hidden = make_edition(is_published=False)
    assert client.get(url(hidden.slug)).status_code == 404
    assert client.get(url("no-such-edition")).status_code == 404


def test_only_reading_is_allowed(client: Client) -> None:
    opened = make_open_edition()
    assert client.post(url(opened.edition.slug)).status_code == 405


def test_the_edition_page_links_the_download(client: Client) -> None:
    opened = make_open_edition()
    page = client.get(opened.edition.get_absolute_url()).content.decode()
    assert f'href="{url(opened.edition.slug)}"' in page
