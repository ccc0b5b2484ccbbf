"""Read and write pabulib ``.pb`` files (META, PROJECTS, VOTES), exactly and fast.

``read_election`` keeps every column (round-trips with ``write_election``); ``read_instance`` goes
straight to the grouped numeric Instance without per-ballot objects. Malformed input raises
``PabulibError`` naming the line and the problem.
"""

from pbrules.pabulib.read import parse_election, parse_instance, read_election, read_instance
from pbrules.pabulib.sections import VOTE_TYPES, PabulibError, Source, read_text
from pbrules.pabulib.write import election_to_text, format_amount, write_election

__all__ = [
    "VOTE_TYPES",
    "PabulibError",
    "Source",
    "election_to_text",
    "format_amount",
    "parse_election",
    "parse_instance",
    "read_election",
    "read_instance",
    "read_text",
    "write_election",
]
