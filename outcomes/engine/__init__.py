"""The seam with the outcome engine: the one package of ``outcomes`` that talks to ``pbrules``.

Everything the app asks of pbrules goes through here: an edition's ballots become one pabulib
election per ballot section, are written out and counted from the text with the edition's rule
(``counting_rule``), and the outcome is kept in pbrules' own JSON shape (``pbrules.outcome_dict``,
the shape ``python -m pbrules --json`` prints, with exact amounts). The services (``services/``)
decide when to count and what to store; they never call pbrules themselves.

The count never runs on the database rows directly: each section's ballots become a pabulib ``.pb``
text (written by ``pbrules.write_election``), and that text is parsed back and counted. The file
we publish is therefore, by construction, the input that produced the result, and anyone can
re-count it with ``python -m pbrules``.

Conventions of the file: project ids are plan ids; costs and the budget are whole euro cents
(stated in META ``description`` and ``unit_of_amounts``); voters are numbered 1..n in a random
order (a cryptographic shuffle) with no other column, so the file says nothing about who voted
when. Knapsack ballots are approval ballots (META ``ballot_format`` says knapsack), ranking
ballots are ordinal (best first), cumulative ballots carry their points.
"""

from .core import (
    ENGINE_ERRORS,
    VOTE_TYPES,
    Choice,
    Counted,
    SectionFile,
    amount,
    build_election,
    count_instance,
    counting_rule,
    outcome_data,
    parse_text,
    plan_rows,
    read_choices,
    section_file,
    sha256_of,
    shuffled,
    tie_order,
)
from .whatif import (
    INSTANCE_CACHE_SIZE,
    PBRULES_VERSION,
    _instances,
    _pooled,
    cached_instance,
    figures,
    pooled_text,
    recount,
)
from .why import FACTS_VERSION, facts_of_file, section_facts, steps_of, your_part

__all__ = [
    "ENGINE_ERRORS",
    "FACTS_VERSION",
    "INSTANCE_CACHE_SIZE",
    "PBRULES_VERSION",
    "VOTE_TYPES",
    "Choice",
    "Counted",
    "SectionFile",
    "_instances",
    "_pooled",
    "amount",
    "build_election",
    "cached_instance",
    "count_instance",
    "counting_rule",
    "facts_of_file",
    "figures",
    "outcome_data",
    "parse_text",
    "plan_rows",
    "pooled_text",
    "read_choices",
    "recount",
    "section_facts",
    "section_file",
    "sha256_of",
    "shuffled",
    "steps_of",
    "tie_order",
    "your_part",
]
