"""Who may vote: importing the address list and the resident register, all or nothing, before the vote.

Both imports read a UTF-8 CSV file (comma or semicolon separated, English or Dutch column names),
check every line before writing anything, and refuse the whole file at the first bad line, naming
it. The register is stored only as keyed hashes of each resident's identity and e-mail address.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import IO

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from audit.services import record
from common import codes
from editions.models import Edition, Phase
from editions.permissions import phases_opening
from editions.phases import Action
from outreach.csv_import import bad_row, read_csv
from outreach.models import Address
from places.models import Neighbourhood
from places.postcodes import format as postcode_format

from ..errors import VoterListError
from ..models import Ballot, PaperEntry, VoteClosure, Voter, VoterKind

# The largest household count one line may give (a care home can be large; a typo of 1000s is not).
MAX_PER_ADDRESS = 999

ADDRESS_COLUMNS: dict[str, tuple[str, ...]] = {
    "address": ("address", "adres"),
    "postcode": ("postcode", "postal code", "zip"),
    "neighbourhood": ("neighbourhood", "neighborhood", "buurt", "wijk"),
    "eligible": ("eligible", "stemgerechtigden", "aantal stemgerechtigden"),
}
REGISTER_COLUMNS: dict[str, tuple[str, ...]] = {
    "name": ("name", "naam"),
    "birth_date": ("birth_date", "birth date", "geboortedatum"),
    "postcode": ("postcode", "postal code", "zip"),
    "email": ("email", "e-mail", "e-mailadres", "emailadres"),
    "neighbourhood": ("neighbourhood", "neighborhood", "buurt", "wijk"),
}


@dataclass(frozen=True)
class AddressImport:
    addresses: int
    residents: int


@dataclass(frozen=True)
class RegisterImport:
    imported: int
    skipped_too_young: int


def decision_phase(edition: Edition) -> Phase | None:
    """The phase in which residents vote; None where the citizens' panel alone decides."""
    kinds = phases_opening(edition, Action.VOTE)
    return Phase.objects.filter(edition=edition, kind__in=kinds).order_by("starts_at").first()


def vote_has_started(edition: Edition, *, at: datetime | None = None) -> bool:
    """The list of voters is fixed from the start of the decision phase (or the first ballot) on."""
    phase = decision_phase(edition)
    if phase is not None and phase.starts_at <= (at or timezone.now()):
        return True
    return (
        Ballot.objects.filter(edition=edition).exists()
        or PaperEntry.objects.filter(edition=edition).exists()
        or VoteClosure.objects.filter(edition=edition).exists()
    )


def _refuse_if_started(edition: Edition, at: datetime | None) -> None:
    if vote_has_started(edition, at=at):
        raise VoterListError("vote_started")


def normalise_postcode(text: str, line: int) -> str:
    """ "1061 AB" from "1061ab", or a bad-row error for anything that is not a Dutch postcode."""
    try:
        return postcode_format.normalise_postcode(text)
    except ValueError:
        raise bad_row(line, _("“%(value)s” is not a Dutch postcode (like 1061 AB)."), value=text) from None


def _neighbourhood_finder(edition: Edition) -> dict[str, Neighbourhood]:
    found: dict[str, Neighbourhood] = {}
    for neighbourhood in Neighbourhood.objects.filter(district_id=edition.district_id):
        found[neighbourhood.slug.casefold()] = neighbourhood
        found[" ".join(neighbourhood.name.casefold().split())] = neighbourhood
    return found


def _neighbourhood(
    known: Mapping[str, Neighbourhood], text: str, line: int, edition: Edition
) -> Neighbourhood:
    neighbourhood = known.get(" ".join(text.casefold().split()))
    if neighbourhood is None:
        raise bad_row(
            line,
            _("the neighbourhood “%(value)s” is not a neighbourhood of %(district)s."),
            value=text,
            district=edition.district.name,
        )
    return neighbourhood


def _eligible_count(text: str, line: int) -> int:
    if not text.isdigit() or int(text) < 1:
        raise bad_row(
            line,
            _("the number of eligible residents “%(value)s” is not a positive whole number."),
            value=text,
        )
    if int(text) > MAX_PER_ADDRESS:
        raise bad_row(
            line,
            _("%(value)s eligible residents at one address is more than the %(limit)s allowed."),
            value=text,
            limit=MAX_PER_ADDRESS,
        )
    return int(text)


def import_addresses(
    *, edition: Edition, file: IO[bytes] | bytes, by: User, at: datetime | None = None
) -> AddressImport:
    """Add every line of the address list, or none (the first bad line is named); ``at``: default now."""
    _refuse_if_started(edition, at)
    rows = read_csv(file, ADDRESS_COLUMNS)
    known = _neighbourhood_finder(edition)
    existing = {
        (postcode, street.casefold())
        for postcode, street in Address.objects.filter(edition=edition).values_list(
            "postcode", "street_address"
        )
    }
    seen: dict[tuple[str, str], int] = {}
    addresses: list[Address] = []
    for line, row in rows:
        street = " ".join(row["address"].split())
        if len(street) > Address._meta.get_field("street_address").max_length:  # type: ignore[operator]
            raise bad_row(line, _("the address is longer than %(limit)s characters."), limit=200)
        postcode = normalise_postcode(row["postcode"], line)
        neighbourhood = _neighbourhood(known, row["neighbourhood"], line, edition)
        count = _eligible_count(row["eligible"], line)
        key = (postcode, street.casefold())
        if key in seen:
            raise bad_row(
                line,
                _("the address %(address)s, %(postcode)s is also on line %(other)s."),
                address=street,
                postcode=postcode,
                other=seen[key],
            )
        if key in existing:
            raise bad_row(
                line,
                _("the address %(address)s, %(postcode)s was imported before."),
                address=street,
                postcode=postcode,
            )
        seen[key] = line
        addresses.append(
            Address(
                edition=edition,
                street_address=street,
                postcode=postcode,
                neighbourhood=neighbourhood,
                eligible_count=count,
            )
        )
    residents = sum(a.eligible_count for a in addresses)
    with transaction.atomic():
        Address.objects.bulk_create(addresses, batch_size=1000)
        record(
            actor=by,
            action="voting.addresses_imported",
            target=edition,
            edition=edition,
            after={"addresses": len(addresses), "residents": residents},
            at=at,
        )
    return AddressImport(addresses=len(addresses), residents=residents)


def parse_birth_date(text: str, line: int) -> date:
    """A birth date written as 2001-03-31 or 31-03-2001 (also with slashes or dots)."""
    cleaned = text.strip().replace("/", "-").replace(".", "-")
    for pattern in ("%Y-%m-%d", "%d-%m-%Y"):
        try:
            return datetime.strptime(cleaned, pattern).date()
        except ValueError:
            continue
    raise bad_row(line, _("“%(value)s” is not a date of birth (like 2001-03-31)."), value=text)


def age_on(birth: date, day: date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def _registered(edition: Edition) -> tuple[set[str], set[str]]:
    """The credential hashes of the edition's register voters, and every voter's e-mail hash."""
    credentials = set(
        Voter.objects.filter(edition=edition, kind=VoterKind.REGISTER).values_list(
            "credential_hash", flat=True
        )
    )
    emails = set(
        Voter.objects.filter(edition=edition).exclude(email_hash="").values_list("email_hash", flat=True)
    )
    return credentials, emails


def import_register(
    *, edition: Edition, file: IO[bytes] | bytes, by: User, at: datetime | None = None
) -> RegisterImport:
    """Add the residents old enough to vote as hashed register voters, or none at the first bad line.

    Residents younger than the edition's minimum age on the first day of the vote are counted and
    left out; that is not an error. ``at`` is the moment of the import (default: now).
    """
    _refuse_if_started(edition, at)
    rows = read_csv(file, REGISTER_COLUMNS)
    phase = decision_phase(edition)
    vote_day = timezone.localdate(phase.starts_at) if phase else timezone.localdate()
    known = _neighbourhood_finder(edition)
    existing_credentials, existing_emails = _registered(edition)
    seen_identity: dict[str, int] = {}
    seen_email: dict[str, int] = {}
    voters: list[Voter] = []
    too_young = 0
    for line, row in rows:
        birth = parse_birth_date(row["birth_date"], line)
        if birth > vote_day:
            raise bad_row(line, _("the date of birth %(value)s lies in the future."), value=row["birth_date"])
        postcode = normalise_postcode(row["postcode"], line)
        try:
            validate_email(row["email"])
        except ValidationError:
            raise bad_row(line, _("“%(value)s” is not an e-mail address."), value=row["email"]) from None
        neighbourhood = _neighbourhood(known, row["neighbourhood"], line, edition)
        identity = codes.register_identity(name=row["name"], birth_date=birth.isoformat(), postcode=postcode)
        credential, email = codes.register_hash(identity), codes.email_hash(row["email"])
        if credential in seen_identity or email in seen_email:
            other = seen_identity.get(credential) or seen_email[email]
            raise bad_row(line, _("this resident is also on line %(other)s."), other=other)
        if credential in existing_credentials or email in existing_emails:
            raise bad_row(line, _("this resident or e-mail address was imported before."))
        seen_identity[credential], seen_email[email] = line, line
        if age_on(birth, vote_day) < edition.min_age:
            too_young += 1
            continue
        voters.append(
            Voter(
                edition=edition,
                kind=VoterKind.REGISTER,
                neighbourhood=neighbourhood,
                credential_hash=credential,
                email_hash=email,
            )
        )
    with transaction.atomic():
        Voter.objects.bulk_create(voters, batch_size=1000)
        record(
            actor=by,
            action="voting.register_imported",
            target=edition,
            edition=edition,
            after={"imported": len(voters), "skipped_too_young": too_young},
            at=at,
        )
    return RegisterImport(imported=len(voters), skipped_too_young=too_young)
