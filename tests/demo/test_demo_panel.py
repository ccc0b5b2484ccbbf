"""The demo's citizens' panel in Noord: set-up, population figures, 900 letters, a skewed pool of 300."""

from __future__ import annotations

import time
from collections import Counter

import pytest
from django.test import Client

from accounts.models import User
from audit.models import AuditEntry
from ballots.sections import ballot_sections
from deliberation.draw import sortition
from deliberation.models import (
    Draw,
    Feature,
    FeatureValue,
    Invitation,
    PanelDecision,
    PanelMember,
    PanelQuestion,
    PanelSetup,
    PanelVote,
    Presentation,
    Respondent,
    WorkSession,
)
from deliberation.recruitment.services.invitations import response_code_hash
from demo.content import DECISIONS, PANELS, SESSIONS
from demo.services import DemoSummary
from demo.services import panel as panel_loader
from demo.services._common import AMSTERDAM
from demo.services.panel import demo_response_code, load_panel
from demo.services.panel_decision import load_panel_decision
from demo.services.panel_sessions import load_sessions
from editions.models import Edition
from outcomes.selectors import published_count
from outreach.models import Address

pytestmark = pytest.mark.django_db

NOORD = "buurtbudget-noord-2026"
FACILITATOR = "gespreksleider.noord@demo.buurtbudget.nl"


def noord() -> Edition:
    return Edition.objects.get(slug=NOORD)


def shares(counter: Counter[str]) -> dict[str, float]:
    total = sum(counter.values())
    return {key: count / total for key, count in counter.items()}


def test_noord_has_a_panel_set_up_with_the_default_features_and_population_figures(
    summary: DemoSummary,
) -> None:
    edition = noord()
    assert edition.decision_model == "panel"
    setup = PanelSetup.objects.get(edition=edition)
    assert setup.panel_size == 24 and "Tolhuistuin" in setup.availability_text
    features = list(Feature.objects.filter(edition=edition))
    assert [f.key for f in features] == ["neighbourhood", "age", "gender"]
    neighbourhoods = FeatureValue.objects.filter(feature__edition=edition, feature__key="neighbourhood")
    assert neighbourhoods.count() == edition.district.neighbourhoods.count() == 15
    assert all(v.population > 0 for v in FeatureValue.objects.filter(feature__edition=edition))
    age = {
        v.key: v.population for v in FeatureValue.objects.filter(feature__edition=edition, feature__key="age")
    }
    assert list(age) == ["16-24", "25-39", "40-64", "65-plus"] and 80_000 < sum(age.values()) < 90_000


def test_900_letters_went_to_addresses_drawn_under_the_recorded_seed(summary: DemoSummary) -> None:
    edition = noord()
    invitations = Invitation.objects.filter(edition=edition)
    assert invitations.count() == 900
    assert invitations.values("address").distinct().count() == 900
    assert Address.objects.filter(edition=edition).count() >= 900
    entry = AuditEntry.objects.get(edition=edition, action="deliberation.invitations_sent")
    assert entry.after == {"batch": 1, "count": 900, "seed": PANELS[NOORD].invitation_seed}
    assert entry.actor.email == FACILITATOR
    assert invitations.filter(code_hash=response_code_hash(demo_response_code(NOORD, 1))).exists()


def test_about_300_respondents_older_and_more_often_women_than_noord(summary: DemoSummary) -> None:
    edition = noord()
    pool = list(Respondent.objects.filter(edition=edition))
    assert len(pool) == 300
    responded = Invitation.objects.filter(edition=edition, responded_at__isnull=False).count()
    assert responded == 288 and 0.3 <= responded / 900 <= 0.34
    assert sorted(r.pool_id for r in pool) == [f"P{n:03d}" for n in range(1, 301)]
    assert len({r.email for r in pool}) == 300
    spec = PANELS[NOORD]
    age = shares(Counter(r.features["age"] for r in pool))
    population_age = shares(Counter(spec.age_population))
    population_age = {k: v / sum(spec.age_population.values()) for k, v in spec.age_population.items()}
    assert age["65-plus"] > population_age["65-plus"] and age["16-24"] < population_age["16-24"]
    gender = shares(Counter(r.features["gender"] for r in pool))
    assert gender["vrouw"] > 0.55
    values = {
        v.key for v in FeatureValue.objects.filter(feature__edition=edition, feature__key="neighbourhood")
    }
    assert {r.features["neighbourhood"] for r in pool} <= values
    for respondent in pool:
        if respondent.invitation is not None:
            assert respondent.invitation.address is not None
            assert respondent.invitation.address.neighbourhood.slug == respondent.features["neighbourhood"]
        phases = {p.kind: p for p in edition.phases.all()}
        assert phases["information"].starts_at <= respondent.registered_at <= phases["plans"].ends_at
    assert 0.75 < sum(r.available for r in pool) / 300 < 0.92


def test_the_facilitator_sees_the_pool_on_the_werving_page(summary: DemoSummary, client: Client) -> None:
    client.force_login(User.objects.get(email=FACILITATOR))
    response = client.get(f"/en/panel/{NOORD}/werving/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Response rate" in html and "32.0%" in html and "Volewijck" in html


def test_the_panel_of_24_is_drawn_published_and_meets_every_quota(summary: DemoSummary) -> None:
    draw = Draw.objects.get(edition=noord(), is_current=True)
    assert draw.seed == PANELS[NOORD].draw_seed and draw.published_at is not None
    assert len(draw.selected) == 24
    chosen = [person for person in draw.pool if person[sortition.ID_COLUMN] in set(draw.selected)]
    assert len(chosen) == 24
    for feature, values in draw.quotas.items():
        for value, (low, high) in values.items():
            drawn = sum(1 for person in chosen if person[feature] == value)
            assert low <= drawn <= high, (feature, value, drawn, low, high)


def test_the_panel_met_three_times_with_agenda_minutes_attendance_and_answered_questions(
    summary: DemoSummary,
) -> None:
    sessions = list(WorkSession.objects.filter(edition=noord()).order_by("number"))
    assert [s.number for s in sessions] == [1, 2, 3]
    members = PanelMember.objects.filter(
        draw__edition=noord(), draw__is_current=True, status="active"
    ).count()
    for session in sessions:
        assert len(session.agenda_items) >= 4 and session.minutes and session.minutes_recorded_at
        assert session.starts_at.astimezone(AMSTERDAM).weekday() == 5  # Saturdays, as the letter said
        assert session.attendance.count() == members
    assert [s.attendance.filter(present=True).count() for s in sessions] == [24, 22, 23]
    questions = PanelQuestion.objects.filter(edition=noord())
    assert questions.count() == 5 and not questions.filter(answer="").exists()
    assert Presentation.objects.filter(session__edition=noord()).count() == 11


def test_the_panel_decided_in_its_last_session_and_the_decision_is_published_with_reasons(
    summary: DemoSummary, client: Client
) -> None:
    edition = noord()
    decision = PanelDecision.objects.get(edition=edition, step="decision")
    assert decision.method == "vote" and decision.published_at is not None
    assert (
        decision.vote is not None and decision.vote.session is not None and decision.vote.session.number == 3
    )
    assert decision.vote.ballots.count() == 23  # one per member present
    count = published_count(edition)
    assert count is not None and count.source == "panel" and count.panel_vote_id == decision.vote_id
    chosen = {pk for section in count.sections.all() for pk in section.selected}
    on_ballot = {p.pk for s in ballot_sections(edition) for p in s.plans}
    # A chosen plan whose project was stopped is cancelled: it leaves the ballot's statuses.
    stopped = set(edition.plans.filter(status="cancelled").values_list("pk", flat=True))
    assert chosen == on_ballot | stopped and len(chosen) == 11  # every feasible plan fits the budget
    assert decision.reasons.count() == 11
    page = client.get(f"/en/uitslag/{NOORD}/").content.decode()
    assert "The citizens' panel decided by a vote in session 3" in page
    assert "The panel's reason" in page and decision.reasons.first().reason in page  # type: ignore[union-attr]
    meetings = client.get(f"/en/panel/{NOORD}/bijeenkomsten/").content.decode()
    assert "Minutes" in meetings and "Questions to the officials" in meetings


def test_loading_the_panel_again_adds_nothing(summary: DemoSummary) -> None:
    edition = noord()
    users = {u.email: u for u in User.objects.filter(email=FACILITATOR)}
    models = (
        Address,
        Invitation,
        Respondent,
        Feature,
        FeatureValue,
        PanelSetup,
        Draw,
        WorkSession,
        PanelQuestion,
        PanelVote,
        PanelDecision,
        AuditEntry,
    )
    before = {m.__name__: m.objects.count() for m in models}
    started = time.perf_counter()
    first_phase = summary.editions[0].phases.first()
    assert first_phase is not None
    load_panel(edition=edition, spec=PANELS[NOORD], users=users, now=first_phase.starts_at)
    facilitator = users[FACILITATOR]
    load_sessions(edition=edition, specs=SESSIONS[NOORD], facilitator=facilitator, official=facilitator)
    load_panel_decision(
        edition=edition, spec=DECISIONS[NOORD], facilitator=facilitator, now=first_phase.starts_at
    )
    assert time.perf_counter() - started < 5
    assert {m.__name__: m.objects.count() for m in models} == before


def test_the_recruitment_data_loads_in_well_under_a_second_or_two(
    summary: DemoSummary, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Addresses, letters and the pool take a fraction of a second; the draw (sortition) is timed apart."""
    edition = noord()
    Draw.objects.filter(edition=edition).delete()
    Respondent.objects.filter(edition=edition).delete()
    Invitation.objects.filter(edition=edition).delete()
    Address.objects.filter(edition=edition).delete()
    users = {u.email: u for u in User.objects.filter(email=FACILITATOR)}
    monkeypatch.setattr(panel_loader, "_start_draw", lambda *args: None)
    started = time.perf_counter()
    last_phase = edition.phases.last()
    assert last_phase is not None
    loaded = load_panel(edition=edition, spec=PANELS[NOORD], users=users, now=last_phase.ends_at)
    elapsed = time.perf_counter() - started
    print(f"recruitment data loaded in {elapsed:.2f} s")
    assert (loaded.respondents, loaded.invitations) == (300, 900)
    assert elapsed < 3
