"""Loading the demo: one idempotent transaction that creates or refreshes every demo row.

``loading`` builds places, accounts and editions; ``plans`` has the residents write, join and
submit their plans through the plan services; ``discussion`` adds edits, likes, comments and
reports, and ``reviews`` the reviews, verdicts, change requests and shortlists, through the
services as the demo's residents and staff at the demo's moments (so the notifications and audit
entries are the services' own); ``voting`` adds the online votes (address lists, voters with
derived codes, ballots, paper entries, the count); ``execution`` tells what happened to each chosen
plan as a project; ``notifications`` sends the notices the vote and panel loaders leave out
(without mailing anyone).
"""

from .loading import DemoAccount, DemoLoadError, DemoSummary, load_demo

__all__ = ["DemoAccount", "DemoLoadError", "DemoSummary", "load_demo"]
