"""The agreement pages: the parties see and act, others get 403, bad input 400 with a translated message."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from execution.agreements.services import confirm_agreement, propose_agreement
from execution.models import Agreement, DeliveryMode, Milestone, PaymentKind, ProjectLine

from .conftest import Setting

pytestmark = pytest.mark.django_db


def url(name: str, setting: Setting, **kwargs: Any) -> str:
    return reverse(f"execution:{name}", kwargs={"pk": setting.project.pk, **kwargs})


def as_user(client: Client, user: object) -> Client:
    client.force_login(user)  # type: ignore[arg-type]
    return client


def proposal(setting: Setting, *, planned_on: str | None = None, amount: str = "200") -> dict[str, str]:
    day = planned_on or (timezone.localdate() + timedelta(days=20)).isoformat()
    return {
        "milestone-TOTAL_FORMS": "2",
        "milestone-INITIAL_FORMS": "0",
        "milestone-0-title": "Bakken geplaatst",
        "milestone-0-planned_on": day,
        "milestone-0-amount": "",
        "milestone-0-line": "",
        "milestone-1-title": "",  # an empty row is left out
        "payment-TOTAL_FORMS": "1",
        "payment-INITIAL_FORMS": "0",
        "payment-0-kind": PaymentKind.INSTALMENT,
        "payment-0-line": str(setting.lines[0].pk),
        "payment-0-amount": amount,
        "payment-0-milestone": "0",
        "payment-0-due_on": "",
        "conditions": "Bonnetjes bewaren.",
        "change_reason": "",
    }


@pytest.mark.parametrize("who", ["owner", "official"])
def test_the_parties_see_the_agreement_page_and_the_form(client: Client, setting: Setting, who: str) -> None:
    as_user(client, getattr(setting, who))
    assert client.get(url("agreement", setting)).status_code == 200
    page = client.get(url("agreement_propose", setting))
    assert page.status_code == 200
    assert b'name="milestone-2-title"' in page.content  # empty rows to fill in


@pytest.mark.parametrize("who", ["resident", "other_official"])
def test_others_get_403_on_every_agreement_page(client: Client, setting: Setting, who: str) -> None:
    as_user(client, getattr(setting, who))
    for name in ("agreement", "agreement_propose", "project_set_up"):
        assert client.get(url(name, setting)).status_code == 403
    assert client.post(url("agreement_propose", setting), proposal(setting)).status_code == 403
    assert not Agreement.objects.exists()


def test_the_owner_proposes_by_the_form_and_the_official_confirms_by_the_button(
    client: Client, setting: Setting
) -> None:
    as_user(client, setting.owner)
    response = client.post(url("agreement_propose", setting), proposal(setting))
    assert response.status_code == 302
    proposed = Agreement.objects.get()
    assert proposed.terms["payments"][0]["milestone"] == proposed.terms["milestones"][0]["key"]
    as_user(client, setting.official)
    page = client.get(url("agreement", setting))
    assert b"bevestigen/" in page.content
    assert client.post(url("agreement_confirm", setting, number=1)).status_code == 302
    assert Milestone.objects.get(project=setting.project).title == "Bakken geplaatst"
    assert ProjectLine.objects.get(pk=setting.lines[0].pk).committed_cents == 200_00
    history = client.get(url("agreement_history", setting))
    assert history.status_code == 200 and "Bakken geplaatst" in history.content.decode()


def test_a_milestone_before_the_decision_is_refused_with_400_in_dutch(
    client: Client, setting: Setting
) -> None:
    as_user(client, setting.owner)
    early = (timezone.localdate(setting.project.opened_at) - timedelta(days=3)).isoformat()
    response = client.post(url("agreement_propose", setting), proposal(setting, planned_on=early))
    assert response.status_code == 400
    assert "vóór het besluit" in response.content.decode()
    assert not Agreement.objects.exists()


def test_money_that_is_not_an_amount_is_refused_with_400(client: Client, setting: Setting) -> None:
    as_user(client, setting.official)
    response = client.post(url("agreement_propose", setting), proposal(setting, amount="-5"))
    assert response.status_code == 400
    assert not Agreement.objects.exists()


def test_more_rows_adds_empty_rows_and_saves_nothing(client: Client, setting: Setting) -> None:
    as_user(client, setting.owner)
    response = client.post(url("agreement_propose", setting), {**proposal(setting), "more_rows": "1"})
    assert response.status_code == 200
    assert b'name="milestone-4-title"' in response.content
    assert not Agreement.objects.exists()


def test_accepting_a_change_without_a_reason_shows_the_refusal(client: Client, setting: Setting) -> None:
    first = propose_agreement(
        project=setting.project,
        by=setting.owner,
        milestones=setting.milestones(),
        payments=setting.payments(),
    )
    confirm_agreement(agreement=first, by=setting.official)
    propose_agreement(
        project=setting.project,
        by=setting.official,
        milestones=setting.milestones(key=1),
        payments=[],
        change_reason="Geen betalingen meer",
    )
    as_user(client, setting.owner)
    refused = client.post(url("agreement_confirm", setting, number=2), {"acceptance_reason": ""})
    assert refused.status_code == 400
    assert "openbaar" in refused.content.decode()
    done = client.post(url("agreement_confirm", setting, number=2), {"acceptance_reason": "Akkoord."})
    assert done.status_code == 302
    assert Agreement.objects.get(number=2).acceptance_reason == "Akkoord."


def test_withdrawing_by_the_other_side_is_forbidden(client: Client, setting: Setting) -> None:
    propose_agreement(project=setting.project, by=setting.owner, milestones=setting.milestones(), payments=[])
    as_user(client, setting.official)
    assert client.post(url("agreement_withdraw", setting, number=1)).status_code == 403
    as_user(client, setting.owner)
    assert client.post(url("agreement_withdraw", setting, number=1)).status_code == 302
    assert Agreement.objects.get().withdrawn_at is not None


def test_the_official_sets_up_the_project(client: Client, setting: Setting) -> None:
    as_user(client, setting.official)
    assert client.get(url("project_set_up", setting)).status_code == 200
    data = {
        "contact": str(setting.official.pk),
        "grantee": "Stichting Groen",
        f"line_{setting.lines[0].pk}": DeliveryMode.GRANT,
        f"line_{setting.lines[1].pk}": DeliveryMode.DISTRICT,
    }
    assert client.post(url("project_set_up", setting), data).status_code == 302
    setting.project.refresh_from_db()
    assert setting.project.contact == setting.official and setting.project.grantee == "Stichting Groen"
    assert ProjectLine.objects.get(pk=setting.lines[1].pk).delivery == DeliveryMode.DISTRICT
    bad = client.post(url("project_set_up", setting), {**data, "contact": str(setting.resident.pk)})
    assert bad.status_code == 400


def test_the_public_history_is_shown_to_anyone(client: Client, setting: Setting) -> None:
    response = client.get(url("agreement_history", setting))
    assert response.status_code == 200


def test_the_agreement_page_speaks_english_under_en(client: Client, setting: Setting) -> None:
    as_user(client, setting.owner)
    dutch = client.get(url("agreement", setting))
    assert "De afspraak voorstellen" in dutch.content.decode()
    response = client.get("/en" + url("agreement", setting))
    assert response.status_code == 200
    assert "Propose the agreement" in response.content.decode()


def test_the_district_declines_a_proposal_with_a_reason_from_the_agreement_page(
    client: Client, setting: Setting
) -> None:
    propose_agreement(project=setting.project, by=setting.owner, milestones=setting.milestones(), payments=[])
    as_user(client, setting.official)
    page = client.get(url("agreement", setting)).content.decode()
    assert url("agreement_decline", setting, number=1) in page
    empty = client.post(url("agreement_decline", setting, number=1), {"decline_reason": ""})
    assert empty.status_code == 400 and Agreement.objects.get().withdrawn_at is None
    done = client.post(url("agreement_decline", setting, number=1), {"decline_reason": "Te vroeg gepland."})
    assert done.status_code == 302
    assert Agreement.objects.get().decline_reason == "Te vroeg gepland."
    as_user(client, setting.owner)
    assert "afgewezen: Te vroeg gepland." in client.get(url("agreement", setting)).content.decode()
