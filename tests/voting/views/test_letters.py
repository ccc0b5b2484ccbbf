"""The letters files: issued from the management page, downloaded by officials only, destroyed."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, cast

import pytest
from django.http import StreamingHttpResponse
from pytest_django import DjangoCaptureOnCommitCallbacks

from accounts.models import Role
from editions.models import Edition
from outreach.models import Address
from tests.conftest import People
from tests.voting.views.staff import client_for, url
from voting.models import LetterBatch, Voter

if TYPE_CHECKING:
    pass

pytestmark = pytest.mark.usefixtures("english", "private_root")


def test_issue_download_and_destroy_letters(
    upcoming: Edition, people: People, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    Address.objects.create(
        edition=upcoming,
        street_address="A 1",
        postcode="1058 HE",
        neighbourhood=upcoming.district.neighbourhoods.get(),
        eligible_count=2,
    )
    client = client_for(people.staff[Role.OFFICIAL])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("issue_codes", upcoming), follow=True)
    batch = LetterBatch.objects.get()
    assert batch.file_name and Voter.objects.count() == 2
    download = client.get(url("download_letters", upcoming, pk=batch.pk))
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"].startswith("attachment;")
    streamed = cast(StreamingHttpResponse, download).streaming_content
    assert isinstance(streamed, Iterator)
    assert b"".join(streamed).startswith(b"%PDF")
    assert (
        client_for(people.staff[Role.REVIEWER])
        .get(url("download_letters", upcoming, pk=batch.pk))
        .status_code
        == 403
    )
    response = client.post(url("destroy_letters", upcoming, pk=batch.pk), follow=True)
    batch.refresh_from_db()
    assert batch.destroyed_at is not None
    response = client.get(url("download_letters", upcoming, pk=batch.pk), follow=True)
    assert "This letters file has been destroyed." in response.content.decode()
