"""The demo data set: Amsterdam's three pilot districts, their editions, plans and demo accounts."""

from __future__ import annotations

from .accounts import ACCOUNTS, DEMO_PASSWORD, ROLE_TITLE, STAFF_GROUP
from .editions import EDITIONS, NIEUW_WEST_2027, NOORD_2026, ZUIDOOST_2026
from .places import DISTRICTS, MUNICIPALITY_NAME, MUNICIPALITY_SLUG
from .plans_nieuw_west import PLANS as PLANS_NIEUW_WEST
from .plans_noord import PLANS as PLANS_NOORD
from .plans_zuidoost import PLANS as PLANS_ZUIDOOST
from .specs import AccountSpec, DistrictSpec, EditionSpec, PlanSpec

# The plans of each edition, by edition slug.
PLANS: dict[str, tuple[PlanSpec, ...]] = {
    NIEUW_WEST_2027.slug: PLANS_NIEUW_WEST,
    ZUIDOOST_2026.slug: PLANS_ZUIDOOST,
    NOORD_2026.slug: PLANS_NOORD,
}

__all__ = [
    "ACCOUNTS",
    "DEMO_PASSWORD",
    "DISTRICTS",
    "EDITIONS",
    "MUNICIPALITY_NAME",
    "MUNICIPALITY_SLUG",
    "PLANS",
    "ROLE_TITLE",
    "STAFF_GROUP",
    "AccountSpec",
    "DistrictSpec",
    "EditionSpec",
    "PlanSpec",
]
