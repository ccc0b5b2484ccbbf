"""Where a result's money goes: unspent money and where it goes (the edition's setting), money per
neighbourhood against its residents, per theme, and per section the plans' votes against their cost."""

from .selectors import Money, NeighbourhoodMoney, SectionMoney, ThemeMoney, money_of

__all__ = ["Money", "NeighbourhoodMoney", "SectionMoney", "ThemeMoney", "money_of"]
