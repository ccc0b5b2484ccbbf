"""The finished editions: Oost 2026, a hybrid (the panel's shortlist, then a vote), carried out; and the
learning programme of Nieuw-West 2026 (vote), Noord 2026 (panel) and Oost 2026 with its reports."""

from __future__ import annotations

import pytest
from django.db.models import Sum
from django.test import Client
from django.urls import reverse
from django.utils import translation

from deliberation.models import Draw
from demo.content.evaluation import COSTS, LESSONS, SURVEY_ANSWERS
from demo.content.oost_2026 import SHORTLIST
from demo.content.places import DISTRICTS
from editions.models import Edition
from evaluation.comparison.metrics import compare_models, edition_metrics
from evaluation.models import EditionEvidence, Lesson, PopulationFigure, ProcessCost, Response, Survey
from evaluation.report.figures import ANCHORS
from evaluation.report.municipality import MODEL_LABELS
from execution.models import Blocker, Project, ProjectStatus
from outcomes.models import Count, CountSource
from places.models import Neighbourhood
from review.models import ShortlistEntry
from voting.models import Channel, Voter

pytestmark = pytest.mark.django_db

OOST_2026 = "buurtbudget-oost-2026"
FINISHED = ("buurtbudget-nieuw-west-2026", "buurtbudget-noord-2026", OOST_2026)


def test_oost_2026_is_a_hybrid_edition_where_the_panel_shortlists_and_everyone_votes(demo: None) -> None:
    edition = Edition.objects.get(slug=OOST_2026)

    assert (edition.decision_model, edition.hybrid_order) == ("hybrid", "panel_then_vote")
    assert edition.panel_shortlists and not edition.panel_decides
    draw = Draw.objects.get(edition=edition, is_current=True)
    assert draw.published_at is not None and len(draw.selected) == 21
    entries = ShortlistEntry.objects.filter(edition=edition).select_related("chosen_by")
    assert len(entries) == len(SHORTLIST.choices) == 10
    assert all(e.chosen_by.email.startswith("gespreksleider.oost@") and e.reason for e in entries)


def test_oost_2026_counted_a_few_hundred_voters_and_published_its_result(demo: None) -> None:
    edition = Edition.objects.get(slug=OOST_2026)
    voters = Voter.objects.filter(edition=edition).exclude(channel="")

    assert 400 <= voters.count() <= 900
    assert voters.filter(channel=Channel.PAPER).exists()
    count = Count.objects.get(edition=edition, source=CountSource.VOTE, is_current=True)
    assert count.published_at is not None and count.rule == "mes"
    selected = {pk for section in count.sections.all() for pk in section.selected}
    assert 6 <= len(selected) < 10  # more shortlisted plans than money: some lost


def test_oost_2026_projects_are_mostly_completed_and_one_stopped_on_an_unsolved_blocker(demo: None) -> None:
    projects = Project.objects.filter(edition__slug=OOST_2026)
    statuses = list(projects.values_list("status", flat=True))

    assert statuses.count(ProjectStatus.COMPLETED) == 5
    assert statuses.count(ProjectStatus.STOPPED) == 1
    blockers = Blocker.objects.filter(project__edition__slug=OOST_2026)
    assert blockers.filter(resolved_at__isnull=False).count() >= 2
    assert blockers.filter(resolved_at__isnull=True).count() >= 2


def test_the_2027_editions_keep_their_own_phase_and_plans(demo: None) -> None:
    oost, west = (
        Edition.objects.get(slug="buurtbudget-oost-2027"),
        Edition.objects.get(slug="buurtbudget-west-2027"),
    )

    assert not Voter.objects.filter(edition__in=[oost, west]).exists()
    assert not Project.objects.filter(edition__in=[oost, west]).exists()
    assert oost.plans.count() == 11 and not oost.plans.filter(title__in=SHORTLIST_TITLES).exists()


SHORTLIST_TITLES = [choice.plan_title for choice in SHORTLIST.choices]


def test_every_demo_neighbourhood_has_population_figures_adding_up_to_its_population(demo: None) -> None:
    hoods = Neighbourhood.objects.filter(district__slug__in=[d.slug for d in DISTRICTS])
    totals = dict(
        PopulationFigure.objects.values("neighbourhood")
        .annotate(total=Sum("residents"))
        .values_list("neighbourhood", "total")
    )

    assert hoods.count() == sum(len(d.neighbourhoods) for d in DISTRICTS)
    assert all(totals.get(hood.pk) == hood.population for hood in hoods)


@pytest.mark.parametrize("slug", FINISHED)
def test_a_finished_edition_has_survey_answers_lessons_on_report_figures_costs_and_evidence(
    demo: None, slug: str
) -> None:
    edition = Edition.objects.get(slug=slug)
    answers = {spec.kind: spec.responses for spec in SURVEY_ANSWERS if spec.edition_slug == slug}
    lessons = Lesson.objects.filter(edition=edition)
    evidence = EditionEvidence.objects.get(edition=edition).data

    given = {s.kind: s.responses.count() for s in Survey.objects.filter(edition=edition)}
    assert answers and all(given[kind] == count for kind, count in answers.items())
    assert all(Survey.objects.filter(edition=edition).values_list("is_open", flat=True))
    assert lessons.count() == len([lesson for lesson in LESSONS if lesson.edition_slug == slug]) >= 3
    assert all(lesson.evidence in ANCHORS for lesson in lessons)
    assert ProcessCost.objects.filter(edition=edition).count() == len(
        [c for c in COSTS if c.edition_slug == slug]
    )
    assert evidence["costs"]["lines"] > 0 and evidence["participation"]["totals"]["eligible"] > 0
    assert sum(survey["responses"] for survey in evidence["surveys"]) == sum(answers.values())


def test_a_voter_of_zuidoost_is_offered_only_the_voter_survey_while_the_vote_runs(demo: None) -> None:
    surveys = Survey.objects.filter(edition__slug="buurtbudget-zuidoost-2026")

    assert list(surveys.filter(is_open=True).values_list("kind", flat=True)) == ["voter"]
    assert surveys.count() > 1 and not Response.objects.filter(survey__in=surveys).exists()


@pytest.mark.parametrize("slug", FINISHED)
def test_the_learning_report_of_a_finished_edition_opens_with_its_lessons(demo: None, slug: str) -> None:
    response = Client().get(reverse("evaluation:report", kwargs={"slug": slug}))

    assert response.status_code == 200
    page = response.content.decode()
    for lesson in Lesson.objects.filter(edition__slug=slug):
        assert f'href="#{lesson.evidence}"' in page and f'id="{lesson.evidence}"' in page


def test_the_municipality_report_compares_online_vote_panel_and_hybrid_with_real_differences(
    demo: None,
) -> None:
    response = Client().get(reverse("evaluation:municipality", kwargs={"slug": "amsterdam"}))
    models = {
        m.step: m
        for m in compare_models(
            edition_metrics(e.data) for e in EditionEvidence.objects.filter(edition__slug__in=FINISHED)
        )
    }

    assert response.status_code == 200
    with translation.override(response.headers["Content-Language"]):
        labels = [str(MODEL_LABELS[step]) for step in ("online_vote", "panel", "panel_then_vote")]
    assert all(label in response.content.decode() for label in labels)
    vote, panel, hybrid = models["online_vote"], models["panel"], models["panel_then_vote"]
    assert vote.reach and panel.reach and hybrid.reach and vote.reach > hybrid.reach > panel.reach
    assert panel.cost_per_participant and vote.cost_per_participant and hybrid.cost_per_participant
    assert panel.cost_per_participant > hybrid.cost_per_participant > vote.cost_per_participant
    assert panel.satisfaction and vote.satisfaction and panel.satisfaction > vote.satisfaction
    assert panel.completion and hybrid.completion and hybrid.completion > panel.completion
