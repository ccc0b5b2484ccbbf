"""Loading the demo: one idempotent transaction that creates or refreshes every demo row.

``loading`` builds places, accounts, editions and plans; ``discussion`` adds likes, co-initiators,
comments and revisions; ``reviews`` adds checklists, verdicts, change requests, publications and
shortlists, with the audit entries the staff actions would have written; ``voting`` adds the
online votes (address lists, voters with derived codes, ballots, paper entries, the count);
``notifications`` adds what the demo accounts were told about all that (without mailing anyone).
"""

from .loading import DemoAccount, DemoLoadError, DemoSummary, load_demo

__all__ = ["DemoAccount", "DemoLoadError", "DemoSummary", "load_demo"]
