"""The open data package of an edition: what it holds, described, zipped (``open_data_package``).

Only what the public may already see: public plans, published reviews, the published result and its
ballot files, carrying out, and counts of who took part and of survey answers. No personal data.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from editions.models import Edition
from outcomes.selectors import published_count

from ..privacy import MIN_GROUP
from .aggregates import edition_evidence, participation_tables, survey_table
from .carrying_out import carrying_out_tables
from .package import LICENCE, content_tag, file_resource, package_files, table_resource, zip_bytes
from .plans import plans_table, reviews_table
from .results import ballot_files, resource_name, result_tables
from .schema import Attachment, Table


@dataclass(frozen=True)
class OpenDataPackage:
    """The zip of one edition's open data, its file name, and an ETag that changes with its content."""

    filename: str
    content: bytes
    etag: str
    descriptor: dict[str, Any]


def package_contents(edition: Edition) -> tuple[list[Table], list[Attachment], bool]:
    """The tables and files of the edition's package, and whether its result is public (and in it)."""
    count = published_count(edition)
    evidence = edition_evidence(edition)
    tables = [plans_table(edition), reviews_table(edition)]
    files: list[Attachment] = []
    if count is not None:
        tables += result_tables(count)
        files = ballot_files(count)
    tables += carrying_out_tables(edition)
    tables += participation_tables(evidence, published=count is not None)
    tables.append(survey_table(evidence))
    return tables, files, count is not None


def open_data_package(edition: Edition, *, base_url: str = "", at: datetime | None = None) -> OpenDataPackage:
    """The edition's data package as a zip (``datapackage.json``, ``data/*.csv``, ``ballots/*.pb``).

    ``base_url`` (the site's address, ending in ``/``) makes the sources' links absolute.
    """
    moment = (at or timezone.now()).replace(microsecond=0)
    tables, files, published = package_contents(edition)
    descriptor = _descriptor(edition, base_url=base_url, published=published)
    descriptor["resources"] = [table_resource(t) for t in tables] + [file_resource(f) for f in files]
    contents = package_files(tables, files)
    etag = content_tag(descriptor, contents)
    descriptor["created"] = timezone.localtime(moment).isoformat()
    return OpenDataPackage(
        filename=f"{edition.slug}-open-data.zip",
        content=zip_bytes(descriptor, contents, at=moment),
        etag=etag,
        descriptor=descriptor,
    )


def _descriptor(edition: Edition, *, base_url: str, published: bool) -> dict[str, Any]:
    district = edition.district
    page = base_url.rstrip("/") + edition.get_absolute_url()
    return {
        "profile": "data-package",
        "name": resource_name(f"buurtbudget-{edition.slug}"),
        "title": _("%(edition)s: open data") % {"edition": edition.name},
        "description": package_description(published=published),
        "homepage": page,
        "keywords": ["participatory budgeting", "buurtbudget", "pabulib", district.name, str(edition.year)],
        "licenses": [LICENCE],
        "sources": [{"title": edition.name, "path": page}],
        "contributors": [{"title": f"{district.municipality.name}, {district.name}", "role": "publisher"}],
    }


def package_description(*, published: bool) -> str:
    """What the package holds and, as plainly, what it leaves out and why."""
    parts = [
        _(
            "The open data of one edition of the buurtbudget: its plans, the published feasibility "
            "reviews, the result and the anonymised ballots (pabulib .pb files, to count again), the "
            "projects with their milestones and money, and counts of who took part and of the survey "
            "answers. Amounts are in euro cents, days in Europe/Amsterdam. Licence: CC-BY-4.0, the "
            "municipality's licence for open data."
        ),
        _(
            "Left out for privacy: names (even the name an initiator shows publicly), e-mail addresses, "
            "addresses and points of plans, receipts and the finance system's payment references, the "
            "reviewers and their internal remarks, and survey questions with fewer than %(min)s answers "
            "(open answers are never published)."
        )
        % {"min": MIN_GROUP},
        _(
            "The ballot files have no neighbourhood or channel (online or paper) per ballot: a ballot is "
            "stored sealed and unlinked to its voter by design, without time, channel or address, so "
            "nobody can join the two. Turnout per neighbourhood and channel is in the table "
            "participation instead."
        ),
    ]
    if not published:
        parts.append(
            _(
                "The result is not public yet: this package holds no result tables and no ballot files, "
                "and no turnout. They are added once the result is published."
            )
        )
    return "\n\n".join(parts)
