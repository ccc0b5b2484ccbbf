"""The lessons register: what a lesson needs, which edition may adopt it, who may keep it."""

from __future__ import annotations

from datetime import timedelta
from functools import partial

import pytest
from django.test import Client
from django.urls import reverse

from accounts.models import Role
from audit.models import AuditEntry
from editions.models import Edition
from evaluation.lessons.services import LessonText, add_lesson, edit_lesson, move_lesson, remove_lesson
from evaluation.models import AdoptableSetting, Lesson
from tests import factories
from tests.conftest import People
from tests.refusals import refused

pytestmark = pytest.mark.django_db

TEXT = LessonText(
    finding="Osdorp stemde weinig", recommendation="Stembureau op de markt", evidence="turnout-neighbourhoods"
)


def _count() -> int:
    return Lesson.objects.count()


def _later(edition: Edition) -> Edition:
    return factories.make_edition(district=edition.district, name="Buurtbudget 2028", year=edition.year + 1)


def test_an_official_adds_a_lesson_at_the_end_and_it_is_audited(edition: Edition, people: People) -> None:
    official = people.staff[Role.OFFICIAL]
    first = add_lesson(edition=edition, by=official, text=TEXT)
    second = add_lesson(edition=edition, by=official, text=TEXT)
    assert (first.position, second.position) == (0, 1)
    assert AuditEntry.objects.filter(action="evaluation.lesson_added", object_id=str(first.pk)).exists()


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (LessonText(finding=" ", recommendation="x"), "finding_required"),
        (LessonText(finding="x", recommendation=""), "recommendation_required"),
        (LessonText(finding="x", recommendation="y", evidence="no-such-figure"), "unknown_figure"),
        (LessonText(finding="x", recommendation="y", adopted_setting="min_age"), "setting_without_edition"),
    ],
)
def test_a_lesson_without_what_it_needs_is_refused(
    edition: Edition, people: People, text: LessonText, code: str
) -> None:
    refused(
        lambda: add_lesson(edition=edition, by=people.staff[Role.OFFICIAL], text=text), code, unchanged=_count
    )


def test_only_a_later_edition_of_the_same_municipality_may_adopt_a_lesson(
    edition: Edition, people: People
) -> None:
    official = people.staff[Role.OFFICIAL]
    earlier = factories.make_edition(
        district=edition.district, name="Buurtbudget 2026", year=edition.year - 1
    )
    elsewhere_town = factories.make_municipality(slug="utrecht", name="Utrecht")
    elsewhere = factories.make_edition(
        district=factories.make_district(municipality=elsewhere_town), year=edition.year + 1
    )
    for adopter in (edition, earlier, elsewhere):
        text = LessonText(finding="x", recommendation="y", adopted_in=adopter)
        refused(
            partial(add_lesson, edition=edition, by=official, text=text),
            "not_later",
            unchanged=_count,
        )
    later = _later(edition)
    text = LessonText(
        finding="x", recommendation="y", adopted_in=later, adopted_setting=AdoptableSetting.MIN_AGE
    )
    assert add_lesson(edition=edition, by=official, text=text).adopted_in == later


def test_the_same_year_counts_as_later_only_when_it_starts_later(edition: Edition, people: People) -> None:
    first_start = min(p.starts_at for p in edition.phases.all())
    autumn = factories.make_edition(
        district=edition.district, year=edition.year, start=first_start + timedelta(days=90)
    )
    text = LessonText(finding="x", recommendation="y", adopted_in=autumn)
    assert add_lesson(edition=edition, by=people.staff[Role.OFFICIAL], text=text).adopted_in == autumn
    back = LessonText(finding="x", recommendation="y", adopted_in=edition)
    refused(lambda: add_lesson(edition=autumn, by=people.staff[Role.OFFICIAL], text=back), "not_later")


def test_another_districts_official_and_a_resident_are_refused(edition: Edition, people: People) -> None:
    lesson = add_lesson(edition=edition, by=people.staff[Role.OFFICIAL], text=TEXT)

    def state() -> tuple[int, str, int]:
        lesson.refresh_from_db()
        return _count(), lesson.finding, lesson.position

    for outsider in (people.staff_elsewhere[Role.OFFICIAL], people.resident, people.staff[Role.REVIEWER]):
        refused(partial(add_lesson, edition=edition, by=outsider, text=TEXT), "not_district", unchanged=state)
        refused(partial(edit_lesson, lesson=lesson, by=outsider, text=TEXT), "not_district", unchanged=state)
        refused(partial(remove_lesson, lesson=lesson, by=outsider), "not_district", unchanged=state)
        refused(partial(move_lesson, lesson=lesson, by=outsider, offset=1), "not_district", unchanged=state)


def test_moving_a_lesson_renumbers_the_register(edition: Edition, people: People) -> None:
    official = people.staff[Role.OFFICIAL]
    a, b, c = (add_lesson(edition=edition, by=official, text=TEXT) for _ in range(3))
    move_lesson(lesson=c, by=official, offset=-1)
    assert list(Lesson.objects.filter(edition=edition).values_list("pk", flat=True)) == [a.pk, c.pk, b.pk]
    move_lesson(lesson=a, by=official, offset=-1)  # already first: stays
    assert list(Lesson.objects.filter(edition=edition).values_list("position", flat=True)) == [0, 1, 2]


def test_editing_and_removing(edition: Edition, people: People) -> None:
    official = people.staff[Role.OFFICIAL]
    lesson = add_lesson(edition=edition, by=official, text=TEXT)
    edit_lesson(
        lesson=lesson,
        by=official,
        text=LessonText(finding="Nieuw", recommendation="Anders", evidence="costs"),
    )
    lesson.refresh_from_db()
    assert (lesson.finding, lesson.evidence) == ("Nieuw", "costs")
    remove_lesson(lesson=lesson, by=official)
    assert _count() == 0
    assert AuditEntry.objects.filter(action="evaluation.lesson_removed").count() == 1


def test_the_reports_link_a_lesson_to_its_figure_and_show_the_adoption(
    client: Client, edition: Edition, people: People
) -> None:
    later = _later(edition)
    text = LessonText(
        finding="Osdorp stemde weinig",
        recommendation="Stembureau op de markt",
        evidence="turnout-neighbourhoods",
        adopted_in=later,
        adopted_setting=AdoptableSetting.PHASES,
    )
    add_lesson(edition=edition, by=people.staff[Role.OFFICIAL], text=text)
    html = client.get(reverse("evaluation:report", args=[edition.slug])).content.decode()
    assert 'href="#turnout-neighbourhoods"' in html and "Stembureau op de markt" in html
    assert reverse("evaluation:report", args=[later.slug]) in html
    adopted = client.get(reverse("evaluation:report", args=[later.slug])).content.decode()
    assert "Stembureau op de markt" in adopted


def test_the_register_page_is_for_the_districts_officials_only(
    client: Client, edition: Edition, people: People
) -> None:
    url = reverse("evaluation:lessons", args=[edition.slug])
    assert client.get(url).status_code == 302  # to the log-in page
    for outsider in (people.staff_elsewhere[Role.OFFICIAL], people.resident):
        client.force_login(outsider)
        assert client.get(url).status_code == 403
        assert client.post(url, {"finding": "x", "recommendation": "y"}).status_code == 403
    assert _count() == 0
    client.force_login(people.staff[Role.OFFICIAL])
    assert client.get(url).status_code == 200
    response = client.post(url, {"finding": "x", "recommendation": "y", "evidence": "funnel"})
    assert response.status_code == 302 and _count() == 1
