"""Writes of the reference population: an import replaces all of a district's figures, or none."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from audit.services import record
from editions.permissions import may_in_district
from editions.phases import Action
from places.models import District

from ..models import PopulationFigure, PopulationImport
from .errors import PopulationError
from .reading import read_population


def import_population(
    *, district: District, text: str, source: str, by: User, at: datetime | None = None
) -> PopulationImport:
    """Replace all of ``district``'s population figures with those in the CSV ``text`` (see
    ``reading``), in one transaction; refused as a whole at the first bad line. Officials of the
    district only (``Action.EVALUATE``); audited."""
    if not may_in_district(by, Action.EVALUATE, district.pk):
        raise PopulationError("not_district")
    if not text.strip():
        raise PopulationError("no_text")
    rows = read_population(district, text)
    moment = at or timezone.now()
    with transaction.atomic():
        old = PopulationFigure.objects.filter(neighbourhood__district=district)
        before = {"rows": old.count(), "residents": sum(old.values_list("residents", flat=True))}
        old.delete()
        PopulationFigure.objects.bulk_create(
            (
                PopulationFigure(
                    neighbourhood=row.neighbourhood,
                    age_from=row.age_from,
                    age_to=row.age_to,
                    gender=row.gender,
                    residents=row.residents,
                )
                for row in rows
            ),
            batch_size=2000,
        )
        imported = PopulationImport.objects.create(
            district=district,
            imported_at=moment,
            imported_by=by,
            source=" ".join(source.split())[:200],
            row_count=len(rows),
            residents=sum(row.residents for row in rows),
        )
        record(
            actor=by,
            action="evaluation.population_imported",
            target=imported,
            edition=None,
            before=before,
            after={"rows": imported.row_count, "residents": imported.residents, "source": imported.source},
            at=moment,
        )
    return imported
