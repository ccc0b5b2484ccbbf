"""Participation and survey tables from the evidence: small groups, open text and early turnout left out."""

from __future__ import annotations

from typing import Any

from evaluation.opendata.aggregates import participation_tables, survey_table


def question(key: str, answers: int, *, kind: str = "single", suppressed: bool = False) -> dict[str, Any]:
    return {
        "key": key,
        "text": key,
        "kind": kind,
        "answers": answers,
        "suppressed": suppressed,
        "mean": None,
        "distribution": [{"key": "a", "label": "A", "count": answers}],
    }


def test_only_questions_with_ten_or_more_answers_and_no_open_text_are_published() -> None:
    evidence = {
        "surveys": [
            {
                "kind": "panel_member",
                "title": "Panel",
                "questions": [
                    question("ten", 10),
                    question("nine", 9),
                    question("marked", 40, suppressed=True),
                    question("words", 30, kind="text"),
                ],
            }
        ]
    }
    table = survey_table(evidence)
    assert [(row[2], row[-1]) for row in table.rows] == [("ten", 10)]
    assert "minder dan 10 antwoorden" in table.schema()["description"]


def test_before_the_result_the_turnout_is_blank_and_the_other_counts_stay() -> None:
    row = {"slug": "west", "name": "West", "eligible": 900, "submitters": 2, "supporters": 5}
    row |= {"voters_online": 40, "voters_paper": 7, "respondents": 3, "members": 1}
    evidence = {"participation": {"neighbourhoods": [row], "totals": {}, "groups": {}}}
    before, _ = participation_tables(evidence, published=False)
    after, _ = participation_tables(evidence, published=True)
    assert before.rows == [["neighbourhood", "west", "West", 900, 2, 5, None, None, 3, 1]]
    assert after.rows == [["neighbourhood", "west", "West", 900, 2, 5, 40, 7, 3, 1]]


def test_an_edition_without_evidence_gets_empty_tables_with_their_schemas() -> None:
    participation, groups = participation_tables({}, published=True)
    answers = survey_table({})
    assert participation.rows == groups.rows == answers.rows == []
    assert [f["name"] for f in answers.schema()["fields"]][:3] == ["survey", "survey_title", "question"]
