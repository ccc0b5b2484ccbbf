"""Representativeness measures: pure arithmetic on counts, no framework (the report says how each is made).

Both compare who took part with who lives there, group by group (neighbourhoods, age bands, genders).
Their explanations for readers, translated, are in ``evaluation.participation.explanations``.
"""

from __future__ import annotations

from collections.abc import Mapping


def rate_ratio(participants: Mapping[str, int], population: Mapping[str, int | None]) -> float | None:
    """The lowest participation rate divided by the highest, across the groups.

    rate(g) = participants(g) / population(g), over the groups g with a known, positive population;
    ratio = min_g rate(g) / max_g rate(g). 1 means every group took part at the same rate; 0.5 that
    the least reached group took part at half the rate of the best reached. ``None`` with fewer than
    two such groups, or when nobody took part (the highest rate is 0).
    """
    rates = [participants.get(group, 0) / size for group, size in population.items() if size]
    if len(rates) < 2 or max(rates) == 0:
        return None
    return min(rates) / max(rates)


def proportional_similarity(
    participants: Mapping[str, int], population: Mapping[str, int | None]
) -> float | None:
    """The proportional-similarity index (PSI) of the participants against the population.

    PSI = Σ_g min(p_g, q_g), where p_g = participants(g) / Σ participants and q_g = population(g) /
    Σ population, over the groups g of ``population``. It is the share of the participants who
    "match" the population: 1 when the participants are spread over the groups exactly as the
    residents are, 0 when they all come from groups where nobody lives. (Equivalently
    1 − ½ Σ_g |p_g − q_g|.) Participants outside the groups are left out. ``None`` when a group's
    population is unknown, or when there are no participants or no residents.
    """
    if any(size is None for size in population.values()):
        return None
    sizes = {group: int(size or 0) for group, size in population.items()}
    people = sum(participants.get(group, 0) for group in sizes)
    residents = sum(sizes.values())
    if people == 0 or residents == 0:
        return None
    return sum(min(participants.get(group, 0) / people, size / residents) for group, size in sizes.items())
