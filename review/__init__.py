"""Feasibility review of plans: checklist, verdicts, cost adjustments, change requests, the shortlist."""
