"""``{% result_money result edition as money %}``: the money part of a results page (``outcomes.money``)."""

from __future__ import annotations

from django import template

from editions.models import Edition

from ..money import Money, money_of
from ..selectors.result import Result

register = template.Library()


@register.simple_tag
def result_money(result: Result, edition: Edition) -> Money:
    return money_of(result, edition)
