"""Why each plan won or lost, in plain words: the texts (``plans``) and the facts they need (``services``)."""

from .plans import PlanExplanation, explain_section, support_text
from .services import section_facts_of

__all__ = ["PlanExplanation", "explain_section", "section_facts_of", "support_text"]
