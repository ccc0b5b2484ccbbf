"""Forms for plans, by topic: list filters, submission, discussion."""

from .filters import PlanFilterForm

__all__ = ["PlanFilterForm"]
