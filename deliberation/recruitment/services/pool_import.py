"""Adding people to the panel's pool from a file: sign-ups on paper, or from a recruitment partner.

The file is a CSV (comma or semicolon, UTF-8) with one column per stratification feature — named
by the feature's key or name, e.g. ``buurt``/``neighbourhood``, ``leeftijd``/``age band``,
``geslacht``/``gender`` — and optional ``naam``, ``e-mail``, ``telefoon`` and ``beschikbaar``
columns. A value is a feature value's key or label. The import is all or nothing: the first bad
line is named and nothing is stored. A file without a column for some feature is refused as a
whole, naming the features it misses. The facilitator confirms that everyone in the file gave their
consent to the same text as the sign-up page; that moment is stored as their consent.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import IO

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from audit.services import record
from editions.models import Edition
from editions.permissions import can
from editions.phases import Action
from outreach.csv_import import bad_row, read_csv
from outreach.errors import CsvImportError

from ...errors import PanelError
from ...models import Draw, Feature, Respondent
from ..features import AGE, GENDER, NEIGHBOURHOOD, feature_name, value_label

MAX_ROWS = 5_000
# Column names a file may use for the default features, besides the feature's own key and name.
FEATURE_ALIASES: dict[str, tuple[str, ...]] = {
    NEIGHBOURHOOD: ("neighbourhood", "neighborhood", "buurt", "wijk"),
    AGE: ("age", "age band", "leeftijd", "leeftijdsgroep"),
    GENDER: ("gender", "geslacht"),
}
CONTACT_COLUMNS: dict[str, tuple[str, ...]] = {
    "name": ("name", "naam"),
    "email": ("email", "e-mail", "e-mailadres", "emailadres"),
    "phone": ("phone", "telephone", "telefoon", "telefoonnummer"),
    "available": ("available", "beschikbaar"),
}
YES = frozenset({"ja", "yes", "j", "y", "1", "true", "waar"})
NO = frozenset({"nee", "no", "n", "0", "false", "onwaar"})


@dataclass(frozen=True)
class PoolImport:
    added: int
    first_pool_id: str
    last_pool_id: str


def _aliases(feature: Feature) -> tuple[str, ...]:
    names = {feature.key.casefold(), " ".join(feature.name.casefold().split())}
    names.update(FEATURE_ALIASES.get(feature.key, ()))
    return tuple(sorted(names))


def _spelling(text: str) -> str:
    """How a value is compared: case, spacing and the kind of dash ("16–24" or "16-24") don't matter."""
    return " ".join(text.replace("–", "-").replace("—", "-").casefold().split())


def _value_finder(feature: Feature) -> dict[str, str]:
    """Every way the file may write a value (key, stored label, label in the active language) → key."""
    found: dict[str, str] = {}
    for value in feature.values.all():
        for text in (value.key, value.label, value_label(feature.key, value)):
            found[_spelling(text)] = value.key
        if feature.key == AGE:  # an age band's label ends in "jaar"; "16-24" alone is also meant
            found[_spelling(value.label.removesuffix(" jaar"))] = value.key
    return found


def _available(text: str, line: int) -> bool:
    answer = text.strip().casefold()
    if not answer or answer in YES:
        return True
    if answer in NO:
        return False
    raise bad_row(line, _("“%(value)s” in the column “available” is not yes or no."), value=text)


def _row_features(
    line: int, row: Mapping[str, str], features: Sequence[Feature], finders: Mapping[str, Mapping[str, str]]
) -> dict[str, str]:
    """The value key of every feature on the file's line ``line``; a value that is not known is refused."""
    chosen: dict[str, str] = {}
    for feature in features:
        written = row[feature.key]
        key = finders[feature.key].get(_spelling(written))
        if key is None:
            raise bad_row(
                line,
                _("“%(value)s” is not a value of %(feature)s (possible: %(values)s)."),
                value=written,
                feature=feature_name(feature),
                values=", ".join(value_label(feature.key, v) for v in feature.values.all()),
            )
        chosen[feature.key] = key
    return chosen


def _read_people(
    rows: Sequence[tuple[int, Mapping[str, str]]], features: Sequence[Feature]
) -> tuple[list[tuple[dict[str, str], Mapping[str, str], str, bool]], dict[str, int]]:
    """Each line's (features, row, e-mail, available), and the line of each e-mail address; the first
    bad line is refused."""
    finders = {f.key: _value_finder(f) for f in features}
    seen_emails: dict[str, int] = {}
    people = []
    for line, row in rows:
        chosen = _row_features(line, row, features, finders)
        email = row.get("email", "").strip().lower()
        if email:
            try:
                validate_email(email)
            except ValidationError:
                raise bad_row(line, _("“%(email)s” is not an e-mail address."), email=email) from None
            if email in seen_emails:
                raise bad_row(
                    line, _("the e-mail address is also on line %(other)s."), other=seen_emails[email]
                )
            seen_emails[email] = line
        people.append((chosen, row, email, _available(row.get("available", ""), line)))
    return people, seen_emails


def lock_pool(edition: Edition) -> int:
    """Lock the edition for one change to the pool at a time; the highest pool id number so far.

    Refused once the panel drawn from the pool is published."""
    Edition.objects.select_for_update().filter(pk=edition.pk).values_list("pk", flat=True).get()
    if Draw.objects.filter(edition=edition, is_current=True, published_at__isnull=False).exists():
        raise PanelError("already_published")
    ids = Respondent.objects.filter(edition=edition).values_list("pool_id", flat=True)
    return max((int(pid[1:]) for pid in ids if pid[1:].isdigit()), default=0)


def store_pool(
    *,
    edition: Edition,
    respondents: Sequence[Respondent],
    by: User,
    at: datetime,
    after: Mapping[str, object],
) -> list[Respondent]:
    """Add the checked respondents (under ``lock_pool``) and audit the import as one entry."""
    created = Respondent.objects.bulk_create(respondents, batch_size=500)
    record(
        actor=by,
        action="panel.pool_imported",
        target=edition,
        edition=edition,
        after={"added": len(created), "pool_ids": [created[0].pool_id, created[-1].pool_id], **after},
        at=at,
    )
    return created


def import_pool(
    *, edition: Edition, by: User, file: IO[bytes] | bytes, consent_confirmed: bool
) -> PoolImport:
    """Add everyone in ``file`` to the pool with fresh pool ids, or nothing (see the module docstring)."""
    if not can(by, Action.RECRUIT_PANEL, edition):
        raise PanelError("not_allowed")
    if not consent_confirmed:
        raise PanelError("pool_consent_required")
    features: Sequence[Feature] = list(Feature.objects.filter(edition=edition).prefetch_related("values"))
    if not features:
        raise PanelError("no_features")
    rows = read_csv(file, {f.key: _aliases(f) for f in features}, optional=CONTACT_COLUMNS)
    if len(rows) > MAX_ROWS:
        raise CsvImportError("too_many_rows", count=len(rows), limit=MAX_ROWS)
    people, seen_emails = _read_people(rows, features)
    now = timezone.now()
    with transaction.atomic():
        highest = lock_pool(edition)
        taken = set(
            Respondent.objects.filter(edition=edition, email__in=list(seen_emails)).values_list(
                "email", flat=True
            )
        )
        if taken:
            email = min(taken, key=seen_emails.__getitem__)
            raise bad_row(seen_emails[email], _("someone in the pool already has this e-mail address."))
        created = store_pool(
            edition=edition,
            respondents=[
                Respondent(
                    edition=edition,
                    pool_id=f"P{highest + number:03d}",
                    features=chosen,
                    available=available,
                    consent_at=now,
                    name=" ".join(row.get("name", "").split())[:120],
                    email=email,
                    phone=row.get("phone", "").strip()[:30],
                    registered_at=now,
                )
                for number, (chosen, row, email, available) in enumerate(people, start=1)
            ],
            by=by,
            at=now,
            after={"consent_confirmed_at": now.isoformat()},
        )
    return PoolImport(added=len(created), first_pool_id=created[0].pool_id, last_pool_id=created[-1].pool_id)
