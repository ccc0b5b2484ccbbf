"""The learning programme in the demo: population, surveys and their answers, lessons, running costs.

Everything goes through the evaluation services, as the district's officials (and, for the answers,
anonymous respondents: one made-up holder per demo response, ``demo:<edition>:<kind>:<n>``). Loading
twice adds nothing: a district whose figures are already those of the demo is not imported again, a
response whose ticket exists is not given again, a lesson or cost line with the same text is skipped.
The answers are written after the rest of the demo has committed (``answer_survey`` writes the ticket
and the response in two transactions of their own); last, every edition's evidence is computed, so
the learning reports open at once.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime, time, timedelta

from django.db import transaction

from accounts.models import Role, User
from editions.models import Edition
from evaluation.costs.services import add_cost
from evaluation.evidence.services import refresh_evidence
from evaluation.lessons.services import LessonText, add_lesson
from evaluation.models import Lesson, PopulationImport, ProcessCost, Survey, SurveyTicket
from evaluation.population.reading import read_population
from evaluation.population.services import import_population
from evaluation.surveys.holders import holder_hash
from evaluation.surveys.services import answer_survey, invite_surveys, set_survey_open, set_up_surveys
from execution.models import Project
from places.models import District, Neighbourhood

from ..content.accounts import staff
from ..content.evaluation import (
    COSTS,
    LESSONS,
    POPULATION,
    SURVEY_ANSWERS,
    SURVEY_KINDS_OPEN,
    SURVEYS_SET_UP,
    CostSpec,
    LessonSpec,
    PopulationSpec,
    SurveyAnswersSpec,
    responses_of,
)
from ._common import AMSTERDAM


def load_evaluation(*, editions: Iterable[Edition], users: Mapping[str, User], now: datetime) -> None:
    """Load the learning programme's demo content; call it outside any transaction."""
    by_slug = {edition.slug: edition for edition in editions}
    today = now.astimezone(AMSTERDAM).date()
    with transaction.atomic():
        _load_population(users=users, today=today)
        _load_surveys(editions=by_slug, users=users, today=today)
        _load_lessons(editions=by_slug, users=users, today=today)
        _load_costs(editions=by_slug, users=users, today=today)
        for slug in SURVEYS_SET_UP:  # yesterday's daily run of ``manage.py invite_surveys``
            invite_surveys(edition=by_slug[slug], at=now - timedelta(days=1))
    for spec in SURVEY_ANSWERS:
        _answer(spec, edition=by_slug[spec.edition_slug], today=today)
    for edition in by_slug.values():
        refresh_evidence(edition=edition, at=now)


def _moment(today: date, day: int, hour: int = 10) -> datetime:
    """``hour`` o'clock (Amsterdam) on the day ``day`` days from today."""
    return datetime.combine(today + timedelta(days=day), time(hour, 0), AMSTERDAM)


def _load_population(*, users: Mapping[str, User], today: date) -> None:
    for spec in POPULATION:
        district = District.objects.get(slug=spec.district_slug)
        if _already_imported(district, spec):
            continue
        import_population(
            district=district,
            text=spec.text,
            source=spec.source,
            by=users[spec.by],
            at=_moment(today, spec.day),
        )


def _already_imported(district: District, spec: PopulationSpec) -> bool:
    """Whether the district's latest import is this one (same source, lines and residents)."""
    latest = PopulationImport.objects.filter(district=district).order_by("-imported_at", "-pk").first()
    if latest is None or latest.source != spec.source:
        return False
    rows = read_population(district, spec.text)
    return (latest.row_count, latest.residents) == (len(rows), sum(row.residents for row in rows))


def _load_surveys(*, editions: Mapping[str, Edition], users: Mapping[str, User], today: date) -> None:
    """The editions' standard surveys, open (where only some are, the others closed when set up)."""
    for slug, day in SURVEYS_SET_UP.items():
        edition = editions[slug]
        official = users[staff(Role.OFFICIAL, edition.district.slug)]
        made = set_up_surveys(edition=edition, by=official, at=_moment(today, day))
        if slug not in SURVEY_KINDS_OPEN:
            continue
        for survey in made:  # only when just set up: a second load leaves them as they are
            if survey.kind not in SURVEY_KINDS_OPEN[slug]:
                set_survey_open(survey=survey, by=official, is_open=False, at=_moment(today, day))


def _load_lessons(*, editions: Mapping[str, Edition], users: Mapping[str, User], today: date) -> None:
    known = set(Lesson.objects.filter(edition__in=editions.values()).values_list("edition__slug", "finding"))
    for spec in LESSONS:
        if (spec.edition_slug, spec.finding) in known:
            continue
        add_lesson(
            edition=editions[spec.edition_slug],
            by=users[spec.created_by],
            text=_lesson_text(spec, editions),
            at=_moment(today, spec.created_day),
        )


def _lesson_text(spec: LessonSpec, editions: Mapping[str, Edition]) -> LessonText:
    return LessonText(
        finding=spec.finding,
        recommendation=spec.recommendation,
        evidence=spec.evidence,
        evidence_note=spec.evidence_note,
        adopted_in=editions[spec.adopted_in_slug] if spec.adopted_in_slug else None,
        adopted_setting=spec.adopted_setting,
        adopted_note=spec.adopted_note,
    )


def _load_costs(*, editions: Mapping[str, Edition], users: Mapping[str, User], today: date) -> None:
    known = set(
        ProcessCost.objects.filter(edition__in=editions.values()).values_list("edition__slug", "description")
    )
    for spec in COSTS:
        if (spec.edition_slug, spec.description) not in known:
            _add_cost(spec, edition=editions[spec.edition_slug], users=users, today=today)


def _add_cost(spec: CostSpec, *, edition: Edition, users: Mapping[str, User], today: date) -> None:
    add_cost(
        edition=edition,
        by=users[spec.entered_by],
        description=spec.description,
        staff_hours=spec.staff_hours,
        amount_cents=spec.amount_cents,
        at=_moment(today, spec.entered_day),
    )


def _answer(spec: SurveyAnswersSpec, *, edition: Edition, today: date) -> None:
    """The spec's responses not given yet, each by its own demo holder, on its own day."""
    survey = Survey.objects.prefetch_related("questions").get(edition=edition, kind=spec.kind)
    given = set(SurveyTicket.objects.filter(survey=survey).values_list("holder_hash", flat=True))
    if len(given) >= spec.responses:
        return
    projects = {
        project.plan.title: project
        for project in Project.objects.filter(edition=edition).select_related("plan__neighbourhood")
    }
    places = {hood.slug: hood for hood in Neighbourhood.objects.filter(district_id=edition.district_id)}
    for number, response in enumerate(responses_of(spec)):
        holder = f"demo:{edition.slug}:{spec.kind}:{number}"
        if holder_hash(survey, holder) in given:
            continue
        project = projects[response.project_title] if response.project_title else None
        place = places[response.neighbourhood_slug] if response.neighbourhood_slug else None
        answer_survey(
            survey=survey,
            holder=holder,
            answers=response.answers,
            project=project,
            neighbourhood=place or (project.plan.neighbourhood if project else None),
            at=_moment(today, response.submitted_day, hour=12),
        )
