"""The participation section of the evidence on a hand-made edition (figures in conftest.py)."""

from __future__ import annotations

from datetime import date

import pytest
from django.utils import timezone

from accounts.models import Role, User
from deliberation.models import Draw, DrawStatus, MemberStatus, PanelMember, Respondent
from evaluation.models import Question, QuestionRole, Response, Survey, SurveyKind
from evaluation.participation.selectors import participation_figures
from proposals.models import Like, PlanStatus
from tests import factories

from .conftest import Place
from .voters import add_voters


def _plans_and_likes(place: Place) -> None:
    initiator, other, district_wide = factories.make_user(), factories.make_user(), factories.make_user()
    aker_1 = factories.make_plan(edition=place.edition, neighbourhood=place.aker, initiator=initiator)
    aker_2 = factories.make_plan(edition=place.edition, neighbourhood=place.aker, initiator=initiator)
    factories.make_plan(
        edition=place.edition, neighbourhood=place.aker, initiator=other, status=PlanStatus.DRAFT
    )
    bos = factories.make_plan(edition=place.edition, neighbourhood=place.bos, initiator=initiator)
    factories.make_plan(edition=place.edition, initiator=district_wide)
    fan, friend = factories.make_user(), factories.make_user()
    Like.objects.bulk_create(
        [
            Like(plan=aker_1, user=fan),
            Like(plan=aker_1, user=friend),
            Like(plan=aker_2, user=fan),
            Like(plan=bos, user=fan),
        ]
    )


def _panel(place: Place, official: User) -> None:
    people = [
        ("p1", "aker", "16-24", "vrouw"),
        ("p2", "aker", "25-39", "man"),
        ("p3", "bos", "40-64", "vrouw"),
        ("p4", "bos", "65-plus", "vrouw"),
    ]
    respondents = {
        pool_id: Respondent.objects.create(
            edition=place.edition,
            pool_id=pool_id,
            features={"neighbourhood": n, "age": a, "gender": g},
            consent_at=timezone.now(),
        )
        for pool_id, n, a, g in people
    }
    draw = Draw.objects.create(
        edition=place.edition,
        status=DrawStatus.DONE,
        seed=1,
        algorithm="maximin",
        panel_size=2,
        library_version="test",
        pool=[{"pool_id": p, "neighbourhood": n, "age": a, "gender": g} for p, n, a, g in people],
        selected=["p1", "p2"],
        drawn_by=official,
        is_current=True,
    )
    PanelMember.objects.create(draw=draw, respondent=respondents["p1"], pool_id="p1")
    PanelMember.objects.create(draw=draw, pool_id="p2", status=MemberStatus.DROPPED_OUT)
    PanelMember.objects.create(draw=draw, pool_id="p3")  # a replacement whose contact details are gone


def _voter_survey(place: Place) -> None:
    survey = Survey.objects.create(edition=place.edition, kind=SurveyKind.VOTER, title="Na het stemmen")
    age_choices = [{"key": "16-24", "label": "16–24"}, {"key": "40-64", "label": "40–64"}]
    Question.objects.create(
        survey=survey,
        key="leeftijd",
        kind="single",
        role=QuestionRole.AGE_BAND,
        text="Leeftijd?",
        choices=age_choices,
    )
    Question.objects.create(
        survey=survey, key="gender", kind="single", role=QuestionRole.GENDER, text="Gender?", choices=[]
    )
    answers = [{"leeftijd": "16-24"}] * 6 + [{"leeftijd": "40-64"}] * 6 + [{"leeftijd": "geen"}]
    answers = [dict(a, gender="vrouw") if i < 9 else a for i, a in enumerate(answers)]  # 9 gave a gender
    Response.objects.bulk_create(
        Response(survey=survey, submitted_on=date(2027, 5, 1), answers=a) for a in answers
    )


@pytest.fixture
def figures(place: Place) -> dict:  # type: ignore[type-arg]
    official = factories.make_staff(role=Role.OFFICIAL, district=place.edition.district)
    _plans_and_likes(place)
    add_voters(place.edition, place.aker, online=100, paper=19, not_yet=3)  # 119 of 1190: 10 %
    add_voters(place.edition, place.bos, online=30, paper=5, not_yet=2)  # 35 of 700: 5 %
    add_voters(place.edition, None, online=1)  # counted in the totals only
    _panel(place, official)
    _voter_survey(place)
    return participation_figures(place.edition)


def test_counts_per_neighbourhood(figures: dict) -> None:  # type: ignore[type-arg]
    counts = (
        "eligible",
        "submitters",
        "supporters",
        "voters_online",
        "voters_paper",
        "respondents",
        "members",
    )
    assert [
        (row["slug"], row["name"], *(row[key] for key in counts)) for row in figures["neighbourhoods"]
    ] == [
        ("aker", "Aker", 1190, 1, 2, 100, 19, 2, 1),
        ("bos", "Bos", 700, 1, 1, 30, 5, 2, 1),
    ]
    assert all(set(row) == {"slug", "name", *counts} for row in figures["neighbourhoods"])


def test_totals_count_each_person_once_and_include_those_without_a_neighbourhood(figures: dict) -> None:  # type: ignore[type-arg]
    assert figures["totals"] == {
        "eligible": 1890, "submitters": 2, "supporters": 2, "voters_online": 131, "voters_paper": 24,
        "respondents": 4, "members": 2,
    }  # fmt: skip


def test_groups_by_age_band_and_gender(figures: dict) -> None:  # type: ignore[type-arg]
    ages = [
        (g["key"], g["label"], g["eligible"], g["respondents"], g["members"], g["voter_answers"])
        for g in figures["groups"]["age_band"]
    ]
    assert ages == [
        ("16-24", "16–24", 290, 1, 1, 6),
        ("25-39", "25–39", 500, 1, 0, 0),
        ("40-64", "40–64", 800, 1, 1, 6),
        ("65-plus", "65+", 300, 1, 0, 0),
    ]
    genders = [
        (g["key"], g["eligible"], g["respondents"], g["members"], g["voter_answers"])
        for g in figures["groups"]["gender"]
    ]
    # only 9 voters gave a gender: under 10, so none is shown
    assert genders == [("vrouw", 1300, 3, 2, None), ("man", 590, 1, 0, None), ("anders", 0, 0, 0, None)]


def test_representativeness(figures: dict) -> None:  # type: ignore[type-arg]
    found = figures["representativeness"]
    # turnout Aker 119/1190 = 10 %, Bos 35/700 = 5 %: 0.5
    assert found["turnout_ratio"] == pytest.approx(0.5)
    # voters 119/154 and 35/154 against eligible 1190/1890 and 700/1890: the smaller of each
    assert found["turnout_psi"] == pytest.approx(1190 / 1890 + 35 / 154)
    # panel (p1 16–24 vrouw, p3 40–64 vrouw): half in 16–24 (290/1890) and half in 40–64 (800/1890)
    assert found["panel_psi_age"] == pytest.approx(290 / 1890 + 800 / 1890)
    assert found["panel_psi_gender"] == pytest.approx(1300 / 1890)
    # the voters who answered: 6 of 12 in 16–24, 6 in 40–64, as the panel
    assert found["voter_psi_age"] == pytest.approx(1090 / 1890)
    assert found["voter_psi_gender"] is None


def test_an_edition_without_figures_panel_or_survey_has_counts_and_no_guesses(district) -> None:  # type: ignore[no-untyped-def]
    factories.make_neighbourhood(district=district, name="Leeg")
    figures = participation_figures(factories.make_edition(district=district))
    assert figures["neighbourhoods"][0]["eligible"] is None and figures["totals"]["eligible"] is None
    assert all(g["eligible"] is None and g["voter_answers"] is None for g in figures["groups"]["gender"])
    assert set(figures["representativeness"].values()) == {None}
