"""Panel recruitment: default features, invitation letters with response codes, and registering interest.

Response codes are voting-style codes (``common.codes``: 80 random bits and a check symbol); only
their keyed hash under ``VOTING_CODE_KEY`` with the purpose "panel" is stored, so a panel code can
never be used as a voting code or the other way round. The plain codes exist only in the letters
PDF under PRIVATE_FILES_ROOT/panel_letters/, which the facilitator downloads and then destroys.

A respondent's birth year is used only to check the minimum age and to choose the age band; it is
not stored. Pool ids ("P001", …) are handed out under a lock on the edition's row, so two sign-ups
at the same moment never get the same id.
"""

from __future__ import annotations

import random
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from accounts.models import User
from audit.services import record
from common import code_guard, codes
from common.errors import ServiceError
from editions.models import Edition
from editions.permissions import is_open
from editions.phases import Action
from outreach.models import Address
from places.models import Neighbourhood

from ..invitation_letters import Invitee, write_invitation_letters
from ..models import Feature, FeatureValue, Invitation, PanelSetup, Respondent

NEIGHBOURHOOD = "neighbourhood"
AGE = "age"
GENDER = "gender"
LETTERS_DIR = "panel_letters"
# Age bands: (lowest age, highest age or None). The first band starts at the edition's minimum age.
AGE_BANDS: tuple[tuple[int, int | None], ...] = ((16, 24), (25, 39), (40, 64), (65, None))
GENDERS: tuple[tuple[str, str], ...] = (("vrouw", "Vrouw"), ("man", "Man"), ("anders", "Anders"))
OLDEST_AGE = 120

# How the default features and values read in the active language (the database keeps Dutch labels).
FEATURE_NAMES: dict[str, Promise] = {
    NEIGHBOURHOOD: _("Neighbourhood"),
    AGE: _("Age band"),
    GENDER: _("Gender"),
}
GENDER_LABELS: dict[str, Promise] = {
    "vrouw": _("Woman"),
    "man": _("Man"),
    "anders": _("Other, or I describe myself differently"),
}


class RecruitmentError(ServiceError):
    """A recruitment step or a sign-up that cannot be carried out; nothing has been stored."""

    messages = {
        "no_address_list": _("This edition has no address list, so no invitations can be drawn from it."),
        "too_many": ngettext_lazy(
            "You asked for %(count)s invitations, but only %(available)s address has not been invited yet.",
            "You asked for %(count)s invitations, but only %(available)s addresses have not been invited "
            "yet.",
            "available",
        ),
        "count_positive": _("Send at least one invitation."),
        "no_batch": _("There is no letters file %(batch)s."),
        "letters_destroyed": _("This letters file has been destroyed."),
        "feature_exists": _("This edition already has a feature called “%(name)s”."),
        "too_few_values": _("A feature needs at least two values."),
        "duplicate_value": _("The value “%(label)s” is listed twice."),
        "pool_not_empty": _(
            "Residents have already signed up, so no feature can be added: they did not answer it."
        ),
        "sign_up_closed": _("Signing up for the citizens' panel is not open now."),
        "invitation_only": _("You can only sign up with the response code from your invitation letter."),
        "unknown_code": _("This response code is not known. Check the code in your letter."),
        "code_used": _("This response code has already been used to sign up."),
        "no_consent": _("You can only sign up if you agree to how your details are used."),
        "outside_area": _("Only residents of %(district)s can sign up for this panel."),
        "too_young": _("You must be at least %(age)s years old to join this panel."),
        "birth_year": _("Enter your birth year as four digits, for example 1980."),
        "missing_feature": _("Choose a value for “%(feature)s”."),
        "already_signed_up": _("Someone has already signed up with this e-mail address."),
    }


# --- Features ------------------------------------------------------------------------------------


def age_bands(min_age: int) -> list[tuple[str, str, int, int | None]]:
    """(key, label, lowest, highest) of the age bands for an edition with this minimum age."""
    bands: list[tuple[str, str, int, int | None]] = []
    for lowest, highest in AGE_BANDS:
        if highest is not None and highest < min_age:
            continue
        if not bands:
            lowest = min_age
        key = f"{lowest}-{highest}" if highest is not None else f"{lowest}-plus"
        label = f"{lowest}–{highest}" if highest is not None else f"{lowest}+"
        bands.append((key, label, lowest, highest))
    return bands


def age_band_of(edition: Edition, age: int) -> str | None:
    for key, _label, lowest, highest in age_bands(edition.min_age):
        if age >= lowest and (highest is None or age <= highest):
            return key
    return None


def feature_name(feature: Feature) -> str:
    """The feature's name in the active language: translated for the default features."""
    return str(FEATURE_NAMES.get(feature.key, feature.name))


def value_label(feature_key: str, value: FeatureValue) -> str:
    if feature_key == GENDER and value.key in GENDER_LABELS:
        return str(GENDER_LABELS[value.key])
    return value.label


def ensure_default_features(edition: Edition) -> list[Feature]:
    """Create the panel set-up and the default features (neighbourhood, age band, gender) if none exist."""
    with transaction.atomic():
        PanelSetup.objects.get_or_create(edition=edition)
        Edition.objects.select_for_update().filter(pk=edition.pk).first()
        if Feature.objects.filter(edition=edition).exists():
            return list(Feature.objects.filter(edition=edition).prefetch_related("values"))
        neighbourhood = Feature.objects.create(edition=edition, key=NEIGHBOURHOOD, name="Buurt", position=1)
        FeatureValue.objects.bulk_create(
            FeatureValue(
                feature=neighbourhood, key=n.slug, label=n.name, position=i, population=n.population or 0
            )
            for i, n in enumerate(Neighbourhood.objects.filter(district_id=edition.district_id), start=1)
        )
        age = Feature.objects.create(edition=edition, key=AGE, name="Leeftijd", position=2)
        FeatureValue.objects.bulk_create(
            FeatureValue(feature=age, key=key, label=label, position=i)
            for i, (key, label, _lowest, _highest) in enumerate(age_bands(edition.min_age), start=1)
        )
        gender = Feature.objects.create(edition=edition, key=GENDER, name="Gender", position=3)
        FeatureValue.objects.bulk_create(
            FeatureValue(feature=gender, key=key, label=label, position=i)
            for i, (key, label) in enumerate(GENDERS, start=1)
        )
        return list(Feature.objects.filter(edition=edition).prefetch_related("values"))


def add_feature(*, edition: Edition, name: str, values: Sequence[tuple[str, int]], by: User) -> Feature:
    """Add a feature the panel is stratified on, with its values and their population figures."""
    name = " ".join(name.split())
    key = slugify(name)[:40] or "kenmerk"
    with transaction.atomic():
        Edition.objects.select_for_update().filter(pk=edition.pk).first()
        if Respondent.objects.filter(edition=edition).exists():
            raise RecruitmentError("pool_not_empty")
        if Feature.objects.filter(edition=edition, key=key).exists():
            raise RecruitmentError("feature_exists", name=name)
        if len(values) < 2:
            raise RecruitmentError("too_few_values")
        seen: set[str] = set()
        for label, _population in values:
            value_key = slugify(label)[:60]
            if value_key in seen:
                raise RecruitmentError("duplicate_value", label=label)
            seen.add(value_key)
        position = (Feature.objects.filter(edition=edition).aggregate(m=Max("position"))["m"] or 0) + 1
        feature = Feature.objects.create(edition=edition, key=key, name=name, position=position)
        FeatureValue.objects.bulk_create(
            FeatureValue(feature=feature, key=slugify(label)[:60], label=label, position=i, population=pop)
            for i, (label, pop) in enumerate(values, start=1)
        )
        record(
            actor=by,
            action="deliberation.feature_added",
            target=feature,
            edition=edition,
            after={"key": key, "values": [label for label, _pop in values]},
        )
    return feature


def set_population_figures(*, edition: Edition, figures: Mapping[int, int], by: User) -> int:
    """Set the population figure of feature values (by value id); returns how many changed."""
    with transaction.atomic():
        values = FeatureValue.objects.select_for_update().filter(
            feature__edition=edition, pk__in=list(figures)
        )
        before, after = {}, {}
        for value in values:
            new = figures[value.pk]
            if value.population != new:
                before[str(value.pk)], after[str(value.pk)] = value.population, new
                value.population = new
                value.save(update_fields=["population"])
        if after:
            record(
                actor=by,
                action="deliberation.population_set",
                target=edition,
                edition=edition,
                before=before,
                after=after,
            )
    return len(after)


# --- Invitations ---------------------------------------------------------------------------------


def response_code_hash(normalised_code: str) -> str:
    """What an ``Invitation`` stores to be found by its response code (purpose "panel")."""
    return codes.keyed_hash("panel", normalised_code)


@dataclass(frozen=True)
class InvitationBatch:
    """A batch of invitations just sent: its number, size, seed and letters file."""

    number: int
    count: int
    seed: int
    path: Path


def letters_folder() -> Path:
    return Path(settings.PRIVATE_FILES_ROOT) / LETTERS_DIR


def batch_file(edition: Edition, batch: int) -> Path | None:
    """The letters PDF of an invitation batch, or None once destroyed (or never made)."""
    found = sorted(letters_folder().glob(f"{edition.pk}-{batch}-*.pdf"))
    return found[0] if found else None


def send_invitations(*, edition: Edition, count: int, by: User, seed: int | None = None) -> InvitationBatch:
    """Draw ``count`` not yet invited addresses at random and make one letter with a response code each.

    The draw is ``random.Random(seed).sample`` over the uninvited addresses in id order; the seed
    (random unless given) is kept in the audit entry, so the draw can be redone.
    """
    if count < 1:
        raise RecruitmentError("count_positive")
    seed = secrets.randbits(62) if seed is None else seed
    folder = letters_folder()
    folder.mkdir(parents=True, exist_ok=True)
    path: Path | None = None
    try:
        with transaction.atomic():
            Edition.objects.select_for_update().filter(pk=edition.pk).first()
            all_addresses = Address.objects.filter(edition=edition)
            if not all_addresses.exists():
                raise RecruitmentError("no_address_list")
            invited = Invitation.objects.filter(edition=edition, address__isnull=False).values("address_id")
            uninvited = list(
                all_addresses.exclude(pk__in=invited).order_by("pk").values_list("pk", flat=True)
            )
            if count > len(uninvited):
                raise RecruitmentError("too_many", count=count, available=len(uninvited))
            chosen = random.Random(seed).sample(uninvited, count)
            number = (Invitation.objects.filter(edition=edition).aggregate(m=Max("batch"))["m"] or 0) + 1
            addresses = Address.objects.in_bulk(chosen)
            invitees, rows = [], []
            for pk in chosen:
                address = addresses[pk]
                code = codes.new_code()
                invitees.append(Invitee(address.street_address, address.postcode, code))
                rows.append(
                    Invitation(
                        edition=edition,
                        address=address,
                        code_hash=response_code_hash(codes.normalise(code)),
                        batch=number,
                    )
                )
            path = folder / f"{edition.pk}-{number}-{secrets.token_urlsafe(18)}.pdf"
            write_invitation_letters(edition=edition, invitees=invitees, path=path)
            Invitation.objects.bulk_create(rows, batch_size=1000)
            PanelSetup.objects.get_or_create(edition=edition)
            record(
                actor=by,
                action="deliberation.invitations_sent",
                target=edition,
                edition=edition,
                after={"batch": number, "count": count, "seed": seed},
            )
    except BaseException:
        if path is not None:
            path.unlink(missing_ok=True)
        raise
    return InvitationBatch(number=number, count=count, seed=seed, path=path)


def _existing_batch(edition: Edition, batch: int) -> Path:
    if not Invitation.objects.filter(edition=edition, batch=batch).exists():
        raise RecruitmentError("no_batch", batch=batch)
    path = batch_file(edition, batch)
    if path is None:
        raise RecruitmentError("letters_destroyed")
    return path


def open_invitation_letters(*, edition: Edition, batch: int, by: User) -> Path:
    """The batch's letters PDF for download; every download is audited."""
    path = _existing_batch(edition, batch)
    with transaction.atomic():
        record(
            actor=by,
            action="deliberation.invitation_letters_downloaded",
            target=edition,
            edition=edition,
            after={"batch": batch},
        )
    return path


def destroy_invitation_letters(*, edition: Edition, batch: int, by: User) -> None:
    """Delete the batch's letters PDF (the only copy of its response codes) once printed."""
    with transaction.atomic():
        path = _existing_batch(edition, batch)
        record(
            actor=by,
            action="deliberation.invitation_letters_destroyed",
            target=edition,
            edition=edition,
            after={"batch": batch},
        )
    path.unlink(missing_ok=True)


# --- Signing up ----------------------------------------------------------------------------------


def _next_pool_id(edition: Edition) -> str:
    ids = Respondent.objects.filter(edition=edition).values_list("pool_id", flat=True)
    highest = max((int(pid[1:]) for pid in ids if pid[1:].isdigit()), default=0)
    return f"P{highest + 1:03d}"


def register_interest(
    *,
    edition: Edition,
    code: str | None = None,
    name: str,
    email: str,
    phone: str = "",
    birth_year: int,
    features: Mapping[str, str],
    available: bool,
    consent: bool,
    now: datetime | None = None,
    client_ip: str = "",
) -> Respondent:
    """Put a resident in the panel's pool: checks, then one respondent with a fresh pool id.

    ``features`` maps a feature key to a value key; the age band is chosen from ``birth_year``
    (whatever ``features`` says about it), and with a response code the invited address's
    neighbourhood is used. Every refusal is a ``RecruitmentError`` and stores nothing. A wrong
    response code counts against ``client_ip``'s guessing limits (``common.code_guard``); a right one
    is never refused by them.
    """
    moment = now or timezone.now()
    if not is_open(edition, Action.SIGN_UP_FOR_PANEL, at=moment):
        raise RecruitmentError("sign_up_closed")
    setup = PanelSetup.objects.filter(edition=edition).first()
    if not consent:
        raise RecruitmentError("no_consent")
    chosen = {key: value for key, value in features.items() if value}
    invitation: Invitation | None = None
    try:
        with transaction.atomic():
            # One sign-up at a time per edition: the pool id and the code's use are decided under it.
            Edition.objects.select_for_update().filter(pk=edition.pk).first()
            if code:
                try:
                    normalised = codes.normalise(code)
                except codes.MalformedCode:
                    code_guard.refuse_wrong_code(client_ip, RecruitmentError("unknown_code"))
                invitation = (
                    Invitation.objects.select_for_update(of=("self",))
                    .select_related("address__neighbourhood")
                    .filter(edition=edition, code_hash=response_code_hash(normalised))
                    .first()
                )
                if invitation is None:
                    code_guard.refuse_wrong_code(client_ip, RecruitmentError("unknown_code"))
                if invitation.responded_at is not None:
                    raise RecruitmentError("code_used")
                if invitation.address is not None:
                    chosen[NEIGHBOURHOOD] = invitation.address.neighbourhood.slug
            elif setup is not None and not setup.open_sign_up:
                raise RecruitmentError("invitation_only")
            feature_rows = list(Feature.objects.filter(edition=edition).prefetch_related("values"))
            by_key = {f.key: f for f in feature_rows}
            if NEIGHBOURHOOD in by_key:
                in_area = {v.key for v in by_key[NEIGHBOURHOOD].values.all()}
                if not chosen.get(NEIGHBOURHOOD):
                    raise RecruitmentError("missing_feature", feature=feature_name(by_key[NEIGHBOURHOOD]))
                if chosen[NEIGHBOURHOOD] not in in_area:
                    raise RecruitmentError("outside_area", district=edition.district.name)
            if not (1900 <= birth_year <= moment.year):
                raise RecruitmentError("birth_year")
            age = moment.year - birth_year  # the age reached this year: only the birth year is asked
            if age < edition.min_age:
                raise RecruitmentError("too_young", age=edition.min_age)
            if AGE in by_key:
                chosen[AGE] = age_band_of(edition, min(age, OLDEST_AGE)) or ""
            stored: dict[str, str] = {}
            for feature in feature_rows:
                allowed = {v.key for v in feature.values.all()}
                if chosen.get(feature.key) not in allowed:
                    raise RecruitmentError("missing_feature", feature=feature_name(feature))
                stored[feature.key] = chosen[feature.key]
            email = email.strip().lower()
            if Respondent.objects.filter(edition=edition, email=email).exists():
                raise RecruitmentError("already_signed_up")
            respondent = Respondent.objects.create(
                edition=edition,
                invitation=invitation,
                pool_id=_next_pool_id(edition),
                features=stored,
                available=available,
                consent_at=moment,
                name=" ".join(name.split()),
                email=email,
                phone=phone.strip(),
                registered_at=moment,
            )
            if invitation is not None:
                Invitation.objects.filter(pk=invitation.pk).update(responded_at=moment)
    except IntegrityError as error:
        # The e-mail's unique constraint: a sign-up with the same address won the race.
        if "email" in str(error).lower() or Respondent.objects.filter(edition=edition, email=email).exists():
            raise RecruitmentError("already_signed_up") from error
        raise
    return respondent
