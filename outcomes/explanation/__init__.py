"""Why each plan won or lost, in plain words: the texts (``plans``, from ``funded``, ``lost`` and
``comparison`` on the words of ``base``) and the facts they need (``services``)."""

from .base import PlanExplanation, support_text
from .plans import explain_section
from .services import section_facts_of

__all__ = ["PlanExplanation", "explain_section", "section_facts_of", "support_text"]
