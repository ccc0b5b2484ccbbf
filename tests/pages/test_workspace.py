"""Staff's "My work" page: per edition in their districts, the tasks their roles give them."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from accounts.models import Role
from editions.decorators import declared_tasks
from editions.models import Edition
from pages.workspace import workspace_tasks
from tests import factories
from tests.conftest import People

WORKSPACE = reverse("pages:workspace")


def _page(client: Client, user) -> str:  # type: ignore[no-untyped-def]
    client.force_login(user)
    response = client.get(WORKSPACE)
    assert response.status_code == 200
    return response.content.decode()


def test_reviewer_gets_the_review_queue_of_editions_in_their_district(
    client: Client, edition: Edition, people: People
) -> None:
    other_district = people.staff_elsewhere[Role.REVIEWER].staff_roles.get().district
    elsewhere = factories.make_edition(district=other_district)
    html = _page(client, people.staff[Role.REVIEWER])
    assert reverse("review:queue", args=[edition.slug]) in html
    assert elsewhere.name not in html
    assert reverse("review:shortlist", args=[edition.slug]) not in html


def test_committee_member_gets_the_shortlist(client: Client, edition: Edition, people: People) -> None:
    html = _page(client, people.staff[Role.COMMITTEE])
    assert reverse("review:shortlist", args=[edition.slug]) in html
    assert f'href="{reverse("review:queue", args=[edition.slug])}"' not in html


def test_an_edition_without_a_shortlist_phase_offers_no_shortlist(client: Client, people: People) -> None:
    district = people.staff[Role.COMMITTEE].staff_roles.get().district
    edition = factories.make_edition(district=district, kinds=["plans", "review", "decision", "result"])
    html = _page(client, people.staff[Role.COMMITTEE])
    assert edition.name in html
    assert reverse("review:shortlist", args=[edition.slug]) not in html


def test_official_gets_moderation(client: Client, edition: Edition, people: People) -> None:
    html = _page(client, people.staff[Role.OFFICIAL])
    assert reverse("proposals:moderation") in html


def test_administrator_gets_every_task_of_the_district(
    client: Client, edition: Edition, people: People
) -> None:
    html = _page(client, people.administrator)
    assert reverse("review:queue", args=[edition.slug]) in html
    assert reverse("review:shortlist", args=[edition.slug]) in html


def test_residents_are_refused_and_visitors_sent_to_log_in(client: Client, people: People) -> None:
    assert client.get(WORKSPACE).status_code == 302
    client.force_login(people.resident)
    assert client.get(WORKSPACE).status_code == 403


def test_the_menu_shows_my_work_to_staff_only(client: Client, edition: Edition, people: People) -> None:
    client.force_login(people.resident)
    assert WORKSPACE not in client.get(reverse("pages:home")).content.decode()
    client.force_login(people.staff[Role.REVIEWER])
    assert WORKSPACE in client.get(reverse("pages:home")).content.decode()


def test_a_refusal_is_a_friendly_page_in_the_site_layout(client: Client, people: People) -> None:
    client.force_login(people.resident)
    response = client.get("/en" + WORKSPACE)
    assert response.status_code == 403
    html = response.content.decode()
    assert "<h1" in html and "No access" in html
    assert reverse("pages:home") in html


def test_a_facilitator_gets_every_page_of_the_panels_work_and_the_panels_shortlist(
    client: Client, people: People
) -> None:
    district = people.staff[Role.FACILITATOR].staff_roles.get().district
    panel = factories.make_edition(district=district, decision_model="panel")
    panel_first = factories.make_edition(
        district=district, decision_model="hybrid", hybrid_order="panel_then_vote"
    )
    html = _page(client, people.staff[Role.FACILITATOR])
    for name in ("deliberation:recruitment", "deliberation:draw", "deliberation:sessions"):
        assert reverse(name, args=[panel.slug]) in html
    assert reverse("deliberation:round", args=[panel.slug]) in html
    assert reverse("outcomes:panel_decision", args=[panel.slug]) in html
    assert reverse("review:shortlist", args=[panel_first.slug]) in html  # the panel makes it here
    assert reverse("outcomes:panel_decision", args=[panel_first.slug]) not in html  # the public decides
    committee = _page(client, people.staff[Role.COMMITTEE])
    assert reverse("review:shortlist", args=[panel_first.slug]) not in committee


def test_officials_and_reviewers_get_the_panels_questions(client: Client, people: People) -> None:
    district = people.staff[Role.OFFICIAL].staff_roles.get().district
    panel = factories.make_edition(district=district, decision_model="panel")
    vote = factories.make_edition(district=district)
    for role in (Role.OFFICIAL, Role.REVIEWER):
        html = _page(client, people.staff[role])
        assert reverse("deliberation:questions", args=[panel.slug]) in html
        assert reverse("deliberation:questions", args=[vote.slug]) not in html


def test_a_panel_edition_offers_no_vote_management_and_a_vote_does(client: Client, people: People) -> None:
    district = people.staff[Role.OFFICIAL].staff_roles.get().district
    panel = factories.make_edition(district=district, decision_model="panel")
    vote = factories.make_edition(district=district)
    html = _page(client, people.staff[Role.OFFICIAL])
    assert reverse("voting:manage", args=[vote.slug]) in html
    assert reverse("voting:manage", args=[panel.slug]) not in html
    assert reverse("outcomes:count", args=[panel.slug]) in html  # the result phase: publishing


STEPS: dict[str, dict[str, Any]] = {
    "online_vote": {"decision_model": "online_vote"},
    "panel": {"decision_model": "panel"},
    "panel_then_vote": {"decision_model": "hybrid", "hybrid_order": "panel_then_vote"},
    "vote_then_panel": {"decision_model": "hybrid", "hybrid_order": "vote_then_panel"},
}

# What each role gets under each decision model, in this order (the table the workspace hand-coded
# before the views declared their tasks). Staff accounts without admin access: no edition settings.
PANEL_WORK = ["Panel recruitment", "Panel draw", "Work sessions"]
EXECUTION = "Carrying out the projects"
PANEL_DECIDES = [*PANEL_WORK, "Ballot round in a session", "The panel's decision"]
FINANCE_IMPORT = "Payments from the finance system"  # carrying out (execution.ledger)
EVALUATION = ["Lessons for the next edition", "Cost of running the edition"]  # evaluation.lessons, .costs
DEVELOPMENT = ["Coaching of ideas and drafts", "Plan workshops"]  # development.coaching, .workshops
EXPECTED: dict[Role, dict[str, list[str]]] = {
    Role.OFFICIAL: {
        "online_vote": [
            *DEVELOPMENT,
            "Vote management",
            "Count and publish the result",
            EXECUTION,
            FINANCE_IMPORT,
            *EVALUATION,
        ],
        "panel": [
            *DEVELOPMENT,
            "Count and publish the result",
            "Questions from the panel",
            EXECUTION,
            FINANCE_IMPORT,
            *EVALUATION,
        ],
        "panel_then_vote": [
            *DEVELOPMENT,
            "Vote management",
            "Count and publish the result",
            "Questions from the panel",
            EXECUTION,
            FINANCE_IMPORT,
            *EVALUATION,
        ],
        "vote_then_panel": [
            *DEVELOPMENT,
            "Vote management",
            "Count and publish the result",
            "Questions from the panel",
            EXECUTION,
            FINANCE_IMPORT,
            *EVALUATION,
        ],
    },
    Role.REVIEWER: {
        "online_vote": ["Feasibility review"],
        "panel": ["Feasibility review", "Questions from the panel"],
        "panel_then_vote": ["Feasibility review", "Questions from the panel"],
        "vote_then_panel": ["Feasibility review", "Questions from the panel"],
    },
    Role.COMMITTEE: {
        "online_vote": ["Shortlist"],
        "panel": ["Shortlist"],
        "panel_then_vote": [],
        "vote_then_panel": ["Shortlist"],
    },
    Role.FACILITATOR: {
        "online_vote": [],
        "panel": PANEL_DECIDES,
        "panel_then_vote": ["The panel's shortlist", *PANEL_WORK],
        "vote_then_panel": PANEL_DECIDES,
    },
}


def test_the_review_pages_declare_their_tasks_first_in_the_cycle() -> None:
    orders = {task.url_name: task.task.order for task in declared_tasks()}
    assert orders["review:queue"] == 10 and orders["review:shortlist"] == 20
    assert [task.url_name for task in workspace_tasks()][-1] == "admin:editions_edition_change"


def test_every_step_of_the_cycle_declares_its_task_once() -> None:
    # The development track's two tasks come before the review (2, 4), then a step every 10.
    assert [task.task.order for task in declared_tasks()] == [2, 4, *range(10, 141, 10)]


@pytest.mark.parametrize("step", list(STEPS))
@pytest.mark.parametrize("role", list(EXPECTED), ids=str)
def test_each_role_gets_the_tasks_the_declaration_gives_it_under_each_decision_model(
    client: Client, people: People, step: str, role: Role
) -> None:
    user = people.staff[role]
    edition = factories.make_edition(district=user.staff_roles.get().district, **STEPS[step])
    client.force_login(user)
    response = client.get(WORKSPACE)
    [links] = [tasks for shown, _timeline, tasks in response.context["editions"] if shown == edition]
    with translation.override("en"):
        assert [str(link.label) for link in links] == EXPECTED[role][step]
    html = response.content.decode()
    assert all(f'href="{link.url}"' in html for link in links)


def test_the_edition_settings_are_offered_to_officials_with_admin_access(
    client: Client, edition: Edition, people: People
) -> None:
    official = people.staff[Role.OFFICIAL]
    settings_url = reverse("admin:editions_edition_change", args=[edition.pk])
    assert settings_url not in _page(client, official)
    official.is_staff = True
    official.save()
    assert settings_url in _page(client, official)
