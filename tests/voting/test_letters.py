"""Voting-code letters: codes per resident, hashes only, one PDF page each, reissue, download, destroy."""

from __future__ import annotations

import re
from functools import partial
from pathlib import Path

import pytest
from django.db import connection
from pytest_django import DjangoCaptureOnCommitCallbacks, Settings

from accounts.models import Role, User
from audit.models import AuditEntry
from common import codes
from editions.models import Edition
from outreach.models import Address
from tests import factories
from tests.refusals import refused
from voting.letters import code_url
from voting.models import Channel, LetterBatch, Voter, VoterKind
from voting.services.eligibility import import_addresses
from voting.services.letters import (
    LetterError,
    batch_path,
    destroy_letter_batch,
    issue_codes,
    open_letter_batch,
    reissue_code,
)

IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def private_root(settings: Settings, tmp_path: Path) -> Path:
    settings.PRIVATE_FILES_ROOT = tmp_path
    settings.TASKS = IMMEDIATE
    return tmp_path


@pytest.fixture
def vote(db: None, private_root: Path) -> tuple[Edition, User]:
    edition, _ = factories.make_vote(phase="review")
    factories.make_neighbourhood(district=edition.district, name="Slotervaart")
    official = factories.make_staff(role=Role.OFFICIAL, district=edition.district)
    import_addresses(
        edition=edition,
        file=b"address,postcode,neighbourhood,eligible\nSloterkade 1,1058 HE,Slotervaart,2\n"
        b"Sloterkade 3,1058 HE,Slotervaart,1\n",
        by=official,
    )
    return edition, official


def pages_of(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))


def uris_of(pdf: bytes) -> list[str]:
    return [m.decode() for m in re.findall(rb"/URI \((.*?)\)", pdf)]


def issue(
    edition: Edition, official: User, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> LetterBatch:
    with django_capture_on_commit_callbacks(execute=True):
        batch = issue_codes(edition=edition, by=official)
    batch.refresh_from_db()
    return batch


def test_codes_are_issued_in_the_background_one_letter_page_per_resident(
    vote: tuple[Edition, User], django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    edition, official = vote
    batch = issue(edition, official, django_capture_on_commit_callbacks)
    assert batch.letter_count == 3 and batch.file_name
    assert Voter.objects.filter(edition=edition, kind=VoterKind.CODE).count() == 3
    assert not Address.objects.filter(codes_issued=False).exists()
    pdf = batch_path(batch).read_bytes()
    assert pdf.startswith(b"%PDF") and pages_of(pdf) == 3
    links = uris_of(pdf)
    assert len(links) == 3
    for link in links:
        assert link.startswith(f"http://127.0.0.1:8000/stemmen/{edition.slug}/#code=")
        code = link.split("#code=")[1]
        assert Voter.objects.filter(credential_hash=codes.credential_hash(codes.normalise(code))).exists()
        assert link == code_url(edition, code)
    assert AuditEntry.objects.get(action="voting.codes_issued").after == {"addresses": 2, "letters": 3}


def test_the_letters_file_lives_outside_media(
    vote: tuple[Edition, User],
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
    settings: Settings,
) -> None:
    edition, official = vote
    batch = issue(edition, official, django_capture_on_commit_callbacks)
    path = batch_path(batch)
    assert path.parent == Path(settings.PRIVATE_FILES_ROOT) / "letters"
    assert Path(settings.MEDIA_ROOT) not in path.parents
    assert len(path.stem) >= 20  # random, unguessable


def test_no_plain_code_is_stored_anywhere_in_the_database(
    vote: tuple[Edition, User], django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    edition, official = vote
    batch = issue(edition, official, django_capture_on_commit_callbacks)
    plain = [link.split("#code=")[1] for link in uris_of(batch_path(batch).read_bytes())]
    variants = {v for code in plain for v in (code, codes.normalise(code))}
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f'SELECT * FROM "{table}"')
            dump = repr(cursor.fetchall())
            assert not any(v in dump for v in variants), table


def test_codes_have_80_random_bits_and_a_check_symbol(
    vote: tuple[Edition, User], django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    edition, official = vote
    batch = issue(edition, official, django_capture_on_commit_callbacks)
    plain = [link.split("#code=")[1] for link in uris_of(batch_path(batch).read_bytes())]
    for code in plain:
        assert re.fullmatch(r"([0-9A-HJKMNP-TV-Z]{4}-){4}[0-9A-HJKMNP-TV-Z]", code)
        assert codes.normalise(code.lower()) == code.replace("-", "")
    assert len(set(plain)) == len(plain)
    many = {codes.new_code() for _ in range(2000)}
    assert len(many) == 2000
    assert codes.BODY_LENGTH * 5 == 80


def test_a_second_issue_only_covers_new_addresses_and_nothing_new_is_refused(
    vote: tuple[Edition, User], django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    edition, official = vote
    issue(edition, official, django_capture_on_commit_callbacks)
    refused(lambda: issue_codes(edition=edition, by=official), "nothing_to_issue", error=LetterError)
    import_addresses(
        edition=edition,
        file=b"adres,postcode,buurt,stemgerechtigden\nDijk 2,1058 HE,Slotervaart,4\n",
        by=official,
    )
    second = issue(edition, official, django_capture_on_commit_callbacks)
    assert second.letter_count == 4 and pages_of(batch_path(second).read_bytes()) == 4
    assert Voter.objects.count() == 7


def test_a_batch_still_being_made_blocks_the_next(vote: tuple[Edition, User]) -> None:
    edition, official = vote
    issue_codes(edition=edition, by=official)  # its task waits for the commit, which never comes here
    refused(lambda: issue_codes(edition=edition, by=official), "batch_in_progress", error=LetterError)


def test_the_command_line_makes_the_file_in_process(vote: tuple[Edition, User]) -> None:
    edition, official = vote
    batch = issue_codes(edition=edition, by=official, in_background=False)
    assert batch.file_name and pages_of(batch_path(batch).read_bytes()) == 3


def test_reissue_for_an_address_revokes_only_unvoted_codes(
    vote: tuple[Edition, User], django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    edition, official = vote
    issue(edition, official, django_capture_on_commit_callbacks)
    address = Address.objects.get(street_address="Sloterkade 1")
    voted, unvoted = list(address.voters.order_by("pk"))
    Voter.objects.filter(pk=voted.pk).update(channel=Channel.ONLINE)
    batch = reissue_code(address=address, by=official)
    assert batch.letter_count == 1 and pages_of(batch_path(batch).read_bytes()) == 1
    unvoted.refresh_from_db()
    voted.refresh_from_db()
    assert unvoted.revoked_at is not None and voted.revoked_at is None
    new_code = uris_of(batch_path(batch).read_bytes())[0].split("#code=")[1]
    replacement = Voter.objects.get(credential_hash=codes.credential_hash(codes.normalise(new_code)))
    assert (replacement.address, replacement.neighbourhood_id, replacement.revoked_at) == (
        address,
        unvoted.neighbourhood_id,
        None,
    )
    assert AuditEntry.objects.get(action="voting.code_reissued").after["revoked_voters"] == [unvoted.pk]


def test_reissue_of_one_voter_and_its_refusals(
    vote: tuple[Edition, User], django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    edition, official = vote
    issue(edition, official, django_capture_on_commit_callbacks)
    voter = Voter.objects.filter(address__street_address="Sloterkade 3").get()
    reissue_code(voter=voter, by=official)
    voter.refresh_from_db()
    refused(lambda: reissue_code(voter=voter, by=official), "already_revoked", error=LetterError)
    other = Voter.objects.filter(address__street_address="Sloterkade 1").first()
    assert other is not None
    Voter.objects.filter(pk=other.pk).update(channel=Channel.PAPER)
    other.refresh_from_db()
    refused(lambda: reissue_code(voter=other, by=official), "already_voted", error=LetterError)
    Voter.objects.filter(address__street_address="Sloterkade 1").update(channel=Channel.ONLINE)
    refused(
        lambda: reissue_code(address=Address.objects.get(street_address="Sloterkade 1"), by=official),
        "all_voted",
        error=LetterError,
    )
    register = factories.make_register_voter(edition=edition, email="r@example.org")
    refused(lambda: reissue_code(voter=register, by=official), "not_a_letter_voter", error=LetterError)


def test_reissue_before_codes_exist_is_refused(vote: tuple[Edition, User]) -> None:
    _edition, official = vote
    refused(
        lambda: reissue_code(address=Address.objects.first(), by=official), "no_codes_yet", error=LetterError
    )


def test_download_is_audited_and_destroy_deletes_the_file(
    vote: tuple[Edition, User], django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    edition, official = vote
    batch = issue(edition, official, django_capture_on_commit_callbacks)
    path = open_letter_batch(batch=batch, by=official)
    assert path.is_file()
    assert AuditEntry.objects.filter(action="voting.letters_downloaded", object_id=str(batch.pk)).exists()
    destroyed = destroy_letter_batch(batch=batch, by=official)
    assert destroyed.destroyed_at is not None and not path.exists()
    for action in (open_letter_batch, destroy_letter_batch):
        refused(partial(action, batch=destroyed, by=official), "destroyed", error=LetterError)
