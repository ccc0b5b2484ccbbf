"""The open data package of an edition: valid against its own schemas, right by hand, and without people."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from pathlib import Path
from typing import Any

import pytest
from django.utils import translation
from frictionless import validate

from evaluation.opendata.selectors import open_data_package
from outcomes.models import CountSection
from tests.evaluation.opendata.factories import make_open_edition, store_evidence, unzip

pytestmark = pytest.mark.django_db


def rows(files: dict[str, bytes], name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(files[f"data/{name}.csv"].decode("utf-8"))))


def descriptor(files: dict[str, bytes]) -> dict[str, Any]:
    found: dict[str, Any] = json.loads(files["datapackage.json"])
    return found


def written(files: dict[str, bytes], folder: Path) -> str:
    """The package unpacked in ``folder``; the path of its descriptor."""
    for path, content in files.items():
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_bytes(content)
    return str(folder / "datapackage.json")


def problems(report: Any) -> list[Any]:
    found: list[Any] = report.flatten(["resourceName", "rowNumber", "fieldName", "type", "note"])
    return found


def test_the_package_and_every_table_are_valid_against_their_schemas(tmp_path: Path) -> None:
    opened = make_open_edition()
    store_evidence(opened.edition)
    report = validate(written(unzip(open_data_package(opened.edition).content), tmp_path))
    assert report.valid, problems(report)
    checked = {task.name: task.type for task in report.tasks}
    assert {"plans", "reviews", "results", "result-sections", "projects", "ledger-entries"} <= set(checked)
    assert {"participation", "participation-groups", "survey-answers"} <= set(checked)
    assert checked["ballots-main"] == "file" and checked["plans"] == "table"


def test_the_validation_catches_a_changed_ballot_file_and_a_review_of_no_listed_plan(tmp_path: Path) -> None:
    opened = make_open_edition()
    files = unzip(open_data_package(opened.edition).content)
    ballots = next(path for path in files if path.startswith("ballots/"))
    files[ballots] += b"1;4\n"
    files["data/reviews.csv"] = files["data/reviews.csv"].replace(
        f"\n{opened.plans[0].pk},".encode(), b"\n999999,"
    )
    report = validate(written(files, tmp_path))
    assert {error[3] for error in problems(report)} == {"foreign-key", "hash-count", "byte-count"}


def test_the_descriptor_names_the_licence_the_sources_and_what_is_left_out() -> None:
    opened = make_open_edition()
    with translation.override("en"):
        files = unzip(open_data_package(opened.edition, base_url="https://buurtbudget.example/").content)
    package = descriptor(files)
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    assert package["sources"][0]["path"] == f"https://buurtbudget.example/en/edities/{opened.edition.slug}/"
    assert package["created"] and package["name"] == f"buurtbudget-{opened.edition.slug}"
    assert "unlinked to its voter by design" in package["description"]
    assert "fewer than 10 answers" in package["description"]
    dutch = descriptor(unzip(open_data_package(opened.edition).content))
    assert "los van de stemmer" in dutch["description"]
    tables = [r for r in package["resources"] if r["profile"] == "tabular-data-resource"]
    assert all(r["schema"]["fields"] and r["path"] in files for r in tables)
    reviews = next(r for r in tables if r["name"] == "reviews")
    assert reviews["schema"]["foreignKeys"][0]["reference"] == {"resource": "plans", "fields": ["id"]}


def test_plans_and_reviews_hold_what_the_public_pages_show() -> None:
    opened = make_open_edition()
    files = unzip(open_data_package(opened.edition).content)
    plans = {int(p["id"]): p for p in rows(files, "plans")}
    first, last = opened.plans[0], opened.plans[3]
    assert len(plans) == 5  # the four on the ballot and the withdrawn one; never the draft
    assert [p["status"] for p in plans.values()].count("withdrawn") == 1
    assert plans[first.pk]["neighbourhood"] == "Oosterbuurt" and plans[first.pk]["likes"] == "3"
    assert (
        plans[first.pk]["requested_cost_cents"] == "4000000" and plans[first.pk]["reviewed_cost_cents"] == ""
    )
    assert plans[last.pk]["requested_cost_cents"] == "1000000"
    assert plans[last.pk]["reviewed_cost_cents"] == "1200000"
    reviews = {int(r["plan_id"]): r for r in rows(files, "reviews")}
    assert set(reviews) == {first.pk, last.pk}
    assert reviews[first.pk]["verdict"] == "feasible" and reviews[first.pk]["check_legal"] == "ok"
    assert reviews[first.pk]["public_explanation"] == "Past in het beleid."
    assert reviews[last.pk]["adjusted_cost_cents"] == "1200000"
    assert reviews[last.pk]["cost_change_reason"] == "Hogere huur."


def test_the_result_counts_four_ballots_and_chooses_plans_one_and_three() -> None:
    opened = make_open_edition()
    files = unzip(open_data_package(opened.edition).content)
    (section,) = rows(files, "result-sections")
    assert (section["section"], section["voters"], section["selected_plans"]) == ("main", "4", "2")
    assert section["budget_cents"] == "6000000" and section["rule"] == "greedy"
    results = {int(r["plan_id"]): r for r in rows(files, "results")}
    funded = {pk for pk, r in results.items() if r["funded"] == "1"}
    assert funded == {opened.plans[0].pk, opened.plans[2].pk}
    supporters = [results[p.pk]["supporters"] for p in opened.plans]
    assert supporters == ["3", "1", "2", "0"]


def test_the_ballot_file_is_the_published_one_byte_for_byte() -> None:
    opened = make_open_edition()
    files = unzip(open_data_package(opened.edition).content)
    section = CountSection.objects.get(count=opened.count, key="main")
    content = files[f"ballots/{section.file_name}"]
    assert content == section.pb_file.encode("utf-8")
    assert hashlib.sha256(content).hexdigest() == section.sha256
    resource = next(r for r in descriptor(files)["resources"] if r["name"] == "ballots-main")
    assert resource["hash"] == f"sha256:{section.sha256}" and resource["mediatype"] == "text/plain"
    assert resource["format"] == "pb" and "schema" not in resource


def test_carrying_out_shows_the_two_projects_and_the_payment_without_its_reference() -> None:
    opened = make_open_edition()
    files = unzip(open_data_package(opened.edition).content)
    projects = {int(p["plan_id"]): p for p in rows(files, "projects")}
    assert set(projects) == {opened.plans[0].pk, opened.plans[2].pk}
    assert projects[opened.plans[0].pk]["awarded_cents"] == "4000000"
    assert projects[opened.plans[0].pk]["paid_cents"] == "1000000"
    entries = rows(files, "ledger-entries")
    assert [(e["entry"], e["amount_cents"]) for e in entries] == [("payment", "1000000"), ("expense", "2400")]
    assert len(rows(files, "project-lines")) == 2


def test_participation_and_surveys_come_from_the_evidence_without_small_groups() -> None:
    opened = make_open_edition()
    store_evidence(opened.edition)
    files = unzip(open_data_package(opened.edition).content)
    neighbourhood, total = rows(files, "participation")
    assert (neighbourhood["neighbourhood"], neighbourhood["eligible"], neighbourhood["voters_online"]) == (
        "Oosterbuurt",
        "1200",
        "3",
    )
    assert (total["scope"], total["eligible"], total["voters_paper"]) == ("total", "5000", "1")
    groups = {(g["dimension"], g["group"]): g["voter_answers"] for g in rows(files, "participation-groups")}
    assert groups == {("age_band", "16-24"): "", ("age_band", "25-39"): "12", ("gender", "vrouw"): "11"}
    answers = rows(files, "survey-answers")
    assert {a["question"] for a in answers} == {"tevreden"}  # 6 and 9 answers: left out
    assert [int(a["count"]) for a in answers] == [1, 2, 3, 5, 3]
    assert {a["mean"] for a in answers} == {"3.5"}


def test_no_name_address_remark_or_reference_appears_anywhere_in_the_zip() -> None:
    opened = make_open_edition()
    store_evidence(opened.edition)
    files = unzip(open_data_package(opened.edition).content)
    everything = b"\n".join(files.values()).decode("utf-8").lower()
    assert "potgrond" in everything  # the expense is there, by what was bought
    leaked = [secret for secret in opened.secrets if secret.lower() in everything]
    assert leaked == []
    assert "zeldenrust" not in everything and "geheim.example" not in everything


def test_before_the_result_is_public_the_package_has_no_result_ballots_or_turnout() -> None:
    opened = make_open_edition(publish=False)
    store_evidence(opened.edition)
    files = unzip(open_data_package(opened.edition).content)
    assert not any(path.startswith("ballots/") for path in files)
    assert "data/results.csv" not in files and "data/result-sections.csv" not in files
    assert "De uitslag is nog niet openbaar" in descriptor(files)["description"]
    neighbourhood, _ = rows(files, "participation")
    assert neighbourhood["voters_online"] == "" and neighbourhood["submitters"] == "4"
    assert rows(files, "projects") == []
    assert len(rows(files, "plans")) == 5


def test_the_etag_follows_the_content_not_the_moment() -> None:
    opened = make_open_edition()
    first = open_data_package(opened.edition)
    assert open_data_package(opened.edition).etag == first.etag
    store_evidence(opened.edition)
    assert open_data_package(opened.edition).etag != first.etag
