"""The retention table is complete and true: every model holding personal data is in it, once."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.db import models
from django.test import Client

from accounts.models import User
from privacy.retention import RETENTION, Basis, Start

OURS = {
    "accounts", "places", "editions", "audit", "notifications", "proposals", "review", "ballots", "outreach",
    "voting", "deliberation", "execution", "outcomes", "evaluation", "development",
}  # fmt: skip
# E-mail fields that belong to an organisation, not a person.
NOT_PERSONAL = {"places.helpdesk"}


def _is_personal(field: object) -> bool:
    """An e-mail address, or a link to an account."""
    if isinstance(field, models.EmailField):
        return True
    target = getattr(field, "related_model", None) if isinstance(field, models.Field) else None
    return isinstance(target, type) and issubclass(target, User)


def test_every_model_with_an_e_mail_address_or_a_link_to_an_account_is_in_the_table() -> None:
    covered = {label for entry in RETENTION for label in entry.models}
    missing = [
        model._meta.label_lower
        for model in apps.get_models()
        if model._meta.app_label in OURS
        and any(_is_personal(field) for field in model._meta.get_fields() if not field.auto_created)
        and model._meta.label_lower not in covered | NOT_PERSONAL
    ]
    assert not missing, f"say in privacy/retention.py how long these are kept: {missing}"


def test_every_model_the_table_names_exists_and_is_named_once() -> None:
    labels = [label for entry in RETENTION for label in entry.models]
    assert len(labels) == len(set(labels))
    for label in labels:
        apps.get_model(label)
    assert len({entry.key for entry in RETENTION}) == len(RETENTION)


def test_every_kind_has_a_purpose_a_basis_and_a_period() -> None:
    for entry in RETENTION:
        assert str(entry.data) and str(entry.purpose) and str(entry.period)
        assert entry.basis in Basis and entry.start in Start
        assert entry.days is None or entry.days >= 0


@pytest.mark.django_db
def test_the_statement_shows_every_kind_from_the_table(client: Client) -> None:
    page = client.get("/en/privacy/").content.decode()
    for entry in RETENTION:
        assert f'id="data-{entry.key}"' in page
        assert str(entry.period).replace("'", "&#x27;") in page
