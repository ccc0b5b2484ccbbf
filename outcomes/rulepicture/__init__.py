"""The results page's one small picture of the rule: how the budget was spent, plan by plan."""

from .selectors import PictureRow, RulePicture, rule_picture

__all__ = ["PictureRow", "RulePicture", "rule_picture"]
