"""The demo data set: six Amsterdam districts, eight editions, plans, activity, votes and demo accounts."""

from __future__ import annotations

from .accounts import ACCOUNTS, DEMO_PASSWORD, ROLE_TITLE, STAFF_GROUP
from .discussion import ACTIVITY
from .editions import (
    EDITIONS,
    NIEUW_WEST_2026,
    NIEUW_WEST_2027,
    NOORD_2026,
    OOST_2026,
    OOST_2027,
    WEST_2027,
    ZUID_2027,
    ZUIDOOST_2026,
)
from .oost_2026 import PANEL as PANEL_OOST_2026
from .oost_2026 import REVIEWS as REVIEWS_OOST_2026
from .oost_2026 import SHORTLIST as SHORTLIST_OOST_2026
from .oost_2026 import VOTE as VOTE_OOST_2026
from .panel_noord import DECISIONS, SESSIONS, PanelSpec
from .panel_noord import PANELS as _PANELS
from .places import DISTRICTS, MUNICIPALITY_NAME, MUNICIPALITY_SLUG
from .plans_nieuw_west import PLANS as PLANS_NIEUW_WEST
from .plans_nieuw_west_2026 import PLANS as PLANS_NIEUW_WEST_2026
from .plans_noord import PLANS as PLANS_NOORD
from .plans_oost import PLANS as PLANS_OOST
from .plans_oost_2026 import PLANS as PLANS_OOST_2026
from .plans_west import PLANS as PLANS_WEST
from .plans_zuid import PLANS as PLANS_ZUID
from .plans_zuidoost import PLANS as PLANS_ZUIDOOST
from .reviews import REVIEWS as _REVIEWS
from .reviews_nieuw_west_2026 import REVIEWS as REVIEWS_NIEUW_WEST_2026
from .shortlists import SHORTLISTS as _SHORTLISTS
from .specs import AccountSpec, DistrictSpec, EditionSpec, PlanSpec, ReviewSpec, ShortlistSpec, VoteSpec
from .votes import VOTES as _VOTES

# The plans of each edition, by edition slug.
PLANS: dict[str, tuple[PlanSpec, ...]] = {
    NIEUW_WEST_2027.slug: PLANS_NIEUW_WEST,
    ZUIDOOST_2026.slug: PLANS_ZUIDOOST,
    NOORD_2026.slug: PLANS_NOORD,
    OOST_2026.slug: PLANS_OOST_2026,
    OOST_2027.slug: PLANS_OOST,
    WEST_2027.slug: PLANS_WEST,
    ZUID_2027.slug: PLANS_ZUID,
    NIEUW_WEST_2026.slug: PLANS_NIEUW_WEST_2026,
}

# The reviews of each edition that has them, by edition slug.
REVIEWS: dict[str, tuple[ReviewSpec, ...]] = {
    **_REVIEWS,
    NIEUW_WEST_2026.slug: REVIEWS_NIEUW_WEST_2026,
    OOST_2026.slug: REVIEWS_OOST_2026,
}

# The committees' (or, panel first, the panels') shortlists, the panels and the votes, by edition slug.
SHORTLISTS: dict[str, ShortlistSpec] = {**_SHORTLISTS, OOST_2026.slug: SHORTLIST_OOST_2026}
PANELS: dict[str, PanelSpec] = {**_PANELS, OOST_2026.slug: PANEL_OOST_2026}
VOTES: dict[str, VoteSpec] = {**_VOTES, OOST_2026.slug: VOTE_OOST_2026}

__all__ = [
    "ACCOUNTS",
    "ACTIVITY",
    "DECISIONS",
    "DEMO_PASSWORD",
    "DISTRICTS",
    "EDITIONS",
    "MUNICIPALITY_NAME",
    "MUNICIPALITY_SLUG",
    "PANELS",
    "PLANS",
    "REVIEWS",
    "ROLE_TITLE",
    "SESSIONS",
    "SHORTLISTS",
    "STAFF_GROUP",
    "VOTES",
    "AccountSpec",
    "DistrictSpec",
    "EditionSpec",
    "PanelSpec",
    "PlanSpec",
    "VoteSpec",
]
