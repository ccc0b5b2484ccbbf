"""Every registered admin model × everyone × own/other district × list, view, add, change, delete.

The cases come from the admin's registry, so a model registered without a rule (or without a row
here to try it on) fails this suite. What each case expects comes from the model's rule; what never
depends on a rule is asserted outright: nobody but a superuser reaches another district's rows, and
neither a resident nor staff without a role reaches anything.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib import admin
from django.db import models
from django.forms import ModelChoiceField
from django.test import Client
from django.urls import reverse
from django.utils import translation

from accounts.models import Role
from backoffice.rules import ADMIN_RULES, NOBODY, AdminRule, Operation, in_districts, rule_for
from backoffice.scoping import snapshot

from .world import ACTORS, ROWS, World, make_world

REGISTERED = sorted(admin.site._registry, key=lambda model: model._meta.label_lower)
SIDES = ("own", "other")


def _label(model: type[models.Model]) -> str:
    return model._meta.label_lower


def test_every_registered_model_and_every_inline_has_a_rule() -> None:
    missing = [_label(model) for model in REGISTERED if rule_for(model) is None]
    for model_admin in admin.site._registry.values():
        missing += [_label(inline.model) for inline in model_admin.inlines if rule_for(inline.model) is None]
    assert not missing, f"Admin models without a rule in backoffice.rules.ADMIN_RULES: {missing}"


def test_every_registered_model_has_a_row_to_try() -> None:
    assert {_label(model) for model in REGISTERED} <= set(ROWS), "add a row maker to tests/admin/world.py"


def test_every_rule_is_for_a_model_the_admin_shows() -> None:
    shown = {_label(model) for model in REGISTERED}
    for model_admin in admin.site._registry.values():
        shown |= {_label(inline.model) for inline in model_admin.inlines}
    assert set(ADMIN_RULES) <= shown


def expected(actor: str, rule: AdminRule, operation: Operation, side: str) -> bool:
    requirement = rule.requirement(operation)
    if requirement is NOBODY:
        return False
    if actor == "superuser":
        return True
    if actor in {"resident", "staff_without_role"} or side == "other" or not rule.districts:
        return False
    if not requirement:  # SUPERUSERS: no staff role suffices
        return False
    return actor == Role.ADMINISTRATOR or actor in requirement


def _url(model: type[models.Model], view: str, *args: Any) -> str:
    with translation.override("en"):
        return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def _refused(status: int) -> bool:
    # 403: not allowed; 302: to the log-in page (no admin access) or to the index (no such row for you).
    return status in (302, 403)


def _foreign_choices(form: Any, world: World) -> list[str]:
    """Choice fields in an add form that offer a row of the other district."""
    leaks = []
    district = world.other.district.pk
    for name, field in form.fields.items():
        if not isinstance(field, ModelChoiceField) or field.queryset is None:
            continue
        rule = rule_for(field.queryset.model)
        if rule is None or not rule.districts:
            if field.queryset.exists():
                leaks.append(name)
        elif in_districts(field.queryset, rule, [district]).exists():
            leaks.append(name)
    return leaks


@pytest.mark.parametrize("actor", ACTORS)
@pytest.mark.parametrize("model", REGISTERED, ids=_label)
def test_admin_matrix(db: None, client: Client, model: type[models.Model], actor: str) -> None:
    rule = rule_for(model)
    assert rule is not None, f"{_label(model)} is registered in the admin without a rule"
    world = make_world()
    user = world.actors[actor]
    client.force_login(user)
    failures: list[str] = []

    def check(case: str, allowed: bool, should: bool) -> None:
        if allowed != should:
            failures.append(f"{case}: {'allowed' if allowed else 'refused'}, expected the opposite")

    for side in SIDES:
        row = ROWS[_label(model)](world, world.side(side))
        before = snapshot(row)

        # list
        response = client.get(_url(model, "changelist"))
        listed = response.status_code == 200 and row in list(response.context["cl"].result_list)
        check(f"{side} list", listed, expected(actor, rule, "view", side))

        # view (and change: the page offers to save only when the row may change)
        response = client.get(_url(model, "change", row.pk))
        check(f"{side} view", response.status_code == 200, expected(actor, rule, "view", side))
        saves = response.status_code == 200 and 'name="_save"' in response.content.decode()
        check(f"{side} change", saves, expected(actor, rule, "change", side))
        if not expected(actor, rule, "change", side):
            assert _refused(client.post(_url(model, "change", row.pk), {}).status_code), side
            row.refresh_from_db()
            assert snapshot(row) == before, f"{side}: a refused change changed the row"

        # add: the page, and in it no choice of another district's rows
        response = client.get(_url(model, "add"))
        if side == "own":
            check("add", response.status_code == 200, expected(actor, rule, "add", side))
            if not expected(actor, rule, "add", side):
                count = model._default_manager.count()
                assert _refused(client.post(_url(model, "add"), {}).status_code)
                assert model._default_manager.count() == count
        elif response.status_code == 200 and actor != "superuser":
            leaks = _foreign_choices(response.context["adminform"].form, world)
            check(f"add offering the other district's rows in {leaks}", bool(leaks), False)

        # delete
        response = client.get(_url(model, "delete", row.pk))
        check(f"{side} delete", response.status_code == 200, expected(actor, rule, "delete", side))
        if not expected(actor, rule, "delete", side):
            assert _refused(client.post(_url(model, "delete", row.pk), {"post": "yes"}).status_code)
            assert model._default_manager.filter(pk=row.pk).exists(), f"{side}: a refused delete deleted"

    assert not failures, f"{_label(model)} as {actor}: " + "; ".join(failures)


@pytest.mark.parametrize("actor", [*(str(role) for role in Role)])
def test_nobody_but_a_superuser_sees_another_districts_rows_anywhere_in_the_admin(
    db: None, client: Client, actor: str
) -> None:
    world = make_world()
    client.force_login(world.actors[actor])
    for model in REGISTERED:
        row = ROWS[_label(model)](world, world.other)
        response = client.get(_url(model, "changelist"))
        if response.status_code == 200:
            assert row not in list(response.context["cl"].result_list), _label(model)
        assert _refused(client.get(_url(model, "change", row.pk)).status_code), _label(model)
