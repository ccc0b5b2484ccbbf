"""The demo's plan workshops of Nieuw-West 2027, through the services at the demo's moments.

One workshop ten days ago in Dutch (sign-ups and attendance recorded), one in five days in Dutch that is
nearly full, one in twelve days in Turkish. The ideas' loader (run after this one) links an idea to the
workshop it came from; this loader only returns the workshops, first the one that has taken place.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from accounts.models import Role, User
from development.models import Workshop
from development.workshops.services import (
    WorkshopDetails,
    announce_workshop,
    record_attendance,
    sign_up_for_workshop,
)
from editions.models import Edition

from ..content.accounts import bewoner, resident, staff
from ._common import AMSTERDAM


@dataclass(frozen=True)
class WorkshopSpec:
    title: str
    description: str
    days_from_now: int
    start: time
    hours: int
    place: str
    language: str
    capacity: int
    sign_ups: tuple[str, ...]  # e-mail addresses, in the order they signed up
    absent: tuple[str, ...] = ()  # of those who signed up, who did not come (the others came)


WORKSHOPS: tuple[WorkshopSpec, ...] = (
    WorkshopSpec(
        title="Van idee naar plan",
        description=(
            "Je hebt een idee voor je buurt. Hoe maak je er een plan van? We kijken samen naar wat je "
            "nodig hebt: mensen, een plek, een begroting. Neem je idee mee, ook als het nog klein is."
        ),
        days_from_now=-10,
        start=time(19, 30),
        hours=2,
        place="Buurthuis Het Anker, Confuciusplein 10",
        language="nl",
        capacity=20,
        sign_ups=(
            resident("bewoner"),
            resident("fatima.bennani"),
            resident("karim.haddou"),
            resident("ingrid.bakker"),
            *(bewoner(n) for n in range(1, 9)),
        ),
        absent=(bewoner(3), bewoner(7)),
    ),
    WorkshopSpec(
        title="Een begroting maken",
        description=(
            "Wat kost een bankje, een moestuinbak of een buurtfeest? We maken samen een begroting voor "
            "je plan, met voorbeelden van plannen van vorig jaar."
        ),
        days_from_now=5,
        start=time(19, 30),
        hours=2,
        place="Bibliotheek Slotervaart, Pieter Calandlaan 87",
        language="nl",
        capacity=15,
        sign_ups=(resident("mohamed.elamrani"), *(bewoner(n) for n in range(9, 21))),
    ),
    WorkshopSpec(
        title="Fikrinden plana (Van idee naar plan)",
        description=(
            "Türkçe planwerkplaats: fikrinizi birlikte bir plana dönüştürüyoruz. "
            "Een planwerkplaats in het Turks."
        ),
        days_from_now=12,
        start=time(14, 0),
        hours=2,
        place="Buurtcentrum De Aker, Koos Vorrinkweg 15",
        language="tr",
        capacity=20,
        sign_ups=(resident("yusuf.demir"), bewoner(21), bewoner(22), bewoner(23)),
    ),
)


def _starts(spec: WorkshopSpec, now: datetime) -> datetime:
    day = now.astimezone(AMSTERDAM).date() + timedelta(days=spec.days_from_now)
    return datetime.combine(day, spec.start, tzinfo=AMSTERDAM)


def _load_one(
    *, edition: Edition, spec: WorkshopSpec, official: User, users: Mapping[str, User], now: datetime
) -> Workshop:
    existing = Workshop.objects.filter(edition=edition, title=spec.title).first()
    if existing is not None:
        return existing  # a second load keeps the workshop as the first made it
    starts = _starts(spec, now)
    announced = min(starts, now) - timedelta(days=14)
    workshop = announce_workshop(
        edition=edition,
        by=official,
        details=WorkshopDetails(
            title=spec.title,
            description=spec.description,
            starts_at=starts,
            ends_at=starts + timedelta(hours=spec.hours),
            place=spec.place,
            language=spec.language,
            capacity=spec.capacity,
        ),
        at=announced,
    )
    step = (min(starts, now) - announced) / (len(spec.sign_ups) + 1)
    for index, email in enumerate(spec.sign_ups, start=1):
        sign_up = sign_up_for_workshop(workshop=workshop, user=users[email], at=announced + index * step)
        if starts < now:
            record_attendance(
                sign_up=sign_up,
                by=official,
                attended=email not in spec.absent,
                at=starts + timedelta(hours=spec.hours, minutes=15),
            )
    workshop.refresh_from_db()
    return workshop


def load_workshops(*, edition: Edition, users: Mapping[str, User], now: datetime) -> list[Workshop]:
    """Announce the demo's workshops in ``edition`` (Nieuw-West 2027), with sign-ups and attendance."""
    official = users[staff(Role.OFFICIAL, edition.district.slug)]
    return [
        _load_one(edition=edition, spec=spec, official=official, users=users, now=now) for spec in WORKSHOPS
    ]
