"""Loading the demo: idempotent, creating or refreshing every demo row.

``loading`` builds places, accounts and editions; ``plans`` has the residents write, join and
submit their plans through the plan services; ``discussion`` adds edits, likes, comments and
reports, and ``reviews`` the reviews, verdicts, change requests and shortlists, through the
services as the demo's residents and staff at the demo's moments (so the notifications and audit
entries are the services' own); ``voting`` adds the online votes (address lists, voters with
derived codes, ballots, paper entries, the count); ``execution`` tells what happened to each chosen
plan as a project; ``notifications`` sends the notices the vote and panel loaders leave out
(without mailing anyone). All that is one transaction; ``evaluation`` then adds the learning
programme (population, surveys and their answers, lessons, running costs, the precomputed evidence),
answering the surveys in transactions of their own.
"""

from .loading import DemoAccount, DemoLoadError, DemoSummary, load_demo

__all__ = ["DemoAccount", "DemoLoadError", "DemoSummary", "load_demo"]
