"""Participation and survey figures as tables, taken from the edition's evidence (``evaluation.evidence``).

Only counts leave here, never a person or an answer: the survey tables leave out every question with fewer
than ``MIN_GROUP`` answers (and open text altogether), and before the result is public the vote's turnout
is left out (it is published with the result).
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from editions.models import Edition
from evaluation.privacy import MIN_GROUP

from ..evidence.freshness import evidence_for
from .schema import INTEGER, NUMBER, STRING, Column, Table

COUNT_KEYS = ("submitters", "supporters", "voters_online", "voters_paper", "respondents", "members")
VOTE_KEYS = frozenset({"voters_online", "voters_paper", "voter_answers"})


def edition_evidence(edition: Edition) -> dict[str, Any]:
    """The edition's evidence document, recomputed first if it is missing or stale."""
    return dict(evidence_for(edition))


def _count(key: str, description: Any) -> Column:
    return Column(key, INTEGER, description, minimum=0)


PARTICIPATION_COLUMNS = (
    Column(
        "scope",
        STRING,
        _("A neighbourhood, or the total of the edition."),
        required=True,
        enum=("neighbourhood", "total"),
    ),
    Column("neighbourhood_slug", STRING, _("The neighbourhood's key; empty for the total.")),
    Column("neighbourhood", STRING, _("The neighbourhood's name; empty for the total.")),
    _count("eligible", _("Residents old enough to take part (reference population); empty: unknown.")),
    _count("submitters", _("Residents who submitted a plan.")),
    _count("supporters", _("Residents who liked (supported) a plan.")),
    _count("voters_online", _("Voters online; empty until the result is published.")),
    _count("voters_paper", _("Voters on paper; empty until the result is published.")),
    _count("respondents", _("Residents who signed up for the citizens' panel.")),
    _count("members", _("Members of the citizens' panel.")),
)

GROUP_COLUMNS = (
    Column(
        "dimension",
        STRING,
        _("The breakdown: age band or gender."),
        required=True,
        enum=("age_band", "gender"),
    ),
    Column("group", STRING, _("The group's key."), required=True),
    Column("label", STRING, _("The group's name.")),
    _count("eligible", _("Residents of the group old enough to take part; empty: unknown.")),
    _count("respondents", _("Residents of the group who signed up for the panel.")),
    _count("members", _("Panel members of the group.")),
    _count(
        "voter_answers",
        _("Voters of the group, as they said in the voters' survey; empty under 10 or before the result."),
    ),
)


def _blank_vote(row: dict[str, Any], published: bool) -> dict[str, Any]:
    return row if published else {k: (None if k in VOTE_KEYS else v) for k, v in row.items()}


def participation_tables(evidence: dict[str, Any], *, published: bool) -> list[Table]:
    """Who took part per neighbourhood (and in total), and per age band and gender."""
    figures = evidence.get("participation") or {}
    rows = [
        ["neighbourhood", n.get("slug", ""), n.get("name", ""), *_counts(_blank_vote(n, published))]
        for n in figures.get("neighbourhoods", [])
    ]
    if figures.get("totals"):
        rows.append(["total", "", "", *_counts(_blank_vote(figures["totals"], published))])
    groups = [
        [dimension, g.get("key", ""), g.get("label", ""), *_group_counts(_blank_vote(g, published))]
        for dimension in ("age_band", "gender")
        for g in (figures.get("groups") or {}).get(dimension, [])
    ]
    return [
        Table(
            "participation",
            _("Who took part, per neighbourhood"),
            _("Counts of people, never people: who submitted, supported, voted and joined the panel."),
            PARTICIPATION_COLUMNS,
            rows,
        ),
        Table(
            "participation-groups",
            _("Who took part, per age band and gender"),
            _(
                "Known for the panel (its draw records age band and gender) and, for voters, only from "
                "what they chose to tell in the voters' survey: ballots carry no age or gender."
            ),
            GROUP_COLUMNS,
            groups,
            primary_key=("dimension", "group"),
        ),
    ]


def _counts(row: dict[str, Any]) -> list[Any]:
    return [row.get("eligible"), *(row.get(key) for key in COUNT_KEYS)]


def _group_counts(row: dict[str, Any]) -> list[Any]:
    return [row.get(key) for key in ("eligible", "respondents", "members", "voter_answers")]


SURVEY_COLUMNS = (
    Column("survey", STRING, _("Which survey (its kind)."), required=True),
    Column("survey_title", STRING, _("The survey's title.")),
    Column("question", STRING, _("The question's key."), required=True),
    Column("question_text", STRING, _("The question.")),
    Column(
        "question_kind",
        STRING,
        _("Scale, one choice or several choices."),
        enum=("scale", "single", "multiple"),
    ),
    Column("answers", INTEGER, _("Respondents who answered the question (at least 10)."), minimum=MIN_GROUP),
    Column("mean", NUMBER, _("Mean answer (scale questions).")),
    Column("answer", STRING, _("The answer's key (a choice, or a value of the scale)."), required=True),
    Column("answer_label", STRING, _("The answer.")),
    Column("count", INTEGER, _("Respondents who gave this answer."), minimum=0),
)


def survey_table(evidence: dict[str, Any]) -> Table:
    """Per survey, question and answer the number of respondents; small groups and open text left out."""
    rows = [
        [
            survey.get("kind", ""),
            survey.get("title", ""),
            question.get("key", ""),
            question.get("text", ""),
            question.get("kind", ""),
            question.get("answers"),
            question.get("mean"),
            answer.get("key", ""),
            answer.get("label", ""),
            answer.get("count"),
        ]
        for survey in evidence.get("surveys") or []
        for question in survey.get("questions", [])
        if _shown(question)
        for answer in question.get("distribution", [])
    ]
    return Table(
        "survey-answers",
        _("Survey answers"),
        _(
            "Per survey question and answer, how many respondents gave it. Questions with fewer than "
            "%(min)s answers are left out, so no small group can be recognised; open answers are never "
            "published."
        )
        % {"min": MIN_GROUP},
        SURVEY_COLUMNS,
        rows,
        primary_key=("survey", "question", "answer"),
    )


def _shown(question: dict[str, Any]) -> bool:
    answers = question.get("answers") or 0
    return not question.get("suppressed") and question.get("kind") != "text" and answers >= MIN_GROUP
