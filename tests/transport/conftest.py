"""What the route sweeps ask every route with: path values from one small edition, and four users."""

from __future__ import annotations

import pytest

from accounts.models import Role
from tests import factories


@pytest.fixture
def world() -> dict[str, object]:
    """Values for each path converter or parameter name (``routes.url_for``), and who asks."""
    district = factories.make_district(name="Nieuw-West")
    neighbourhood = factories.make_neighbourhood(district=district)
    edition = factories.make_edition(district=district, name="Buurtbudget Nieuw-West 2027")
    factories.make_theme(edition=edition, name="Groen")
    initiator = factories.make_user()
    plan = factories.make_plan(
        edition=edition, initiator=initiator, neighbourhood=neighbourhood, costs=(100_000, 250_000)
    )
    factories.make_likes(plan=plan, count=3)
    return {
        "values": {
            "slug": edition.slug,
            "pages:district.slug": district.slug,
            "edition_slug": edition.slug,
            "int": str(plan.pk),
            "step": "kosten",
            "key": "all",
            "filename": "pool.csv",
            "str": "no-such-token",
            "path": "nothing.jpg",
            "app_label": "proposals",
        },
        "users": {
            "anonymous": None,
            "initiator": initiator,
            "administrator": factories.make_staff(role=Role.ADMINISTRATOR, district=district),
            "superuser": factories.make_user(is_superuser=True, is_staff=True),
        },
    }
