"""pbrules: participatory-budgeting outcome rules on pabulib elections, exact and fast."""

from pbrules.constraints import min_share_filter, sub_budgets_from_election, truncate, with_sub_budgets
from pbrules.explain import phragmen_rejections
from pbrules.instance import to_instance
from pbrules.metrics import EJRViolation, Metrics, outcome_metrics, selection_metrics
from pbrules.model import Ballot, Election, Instance, Outcome, Project, Rejection, Step
from pbrules.pabulib import (
    PabulibError,
    parse_election,
    parse_instance,
    read_election,
    read_instance,
    write_election,
)
from pbrules.report import outcome_dict
from pbrules.rules import RULES, run_rule
from pbrules.rules.greedy import greedy
from pbrules.rules.maxwelfare import maxwelfare
from pbrules.rules.phragmen import phragmen
from pbrules.tiebreak import priority

__version__ = "0.1.0"

__all__ = [
    "RULES",
    "Ballot",
    "EJRViolation",
    "Election",
    "Instance",
    "Metrics",
    "Outcome",
    "PabulibError",
    "Project",
    "Rejection",
    "Step",
    "__version__",
    "greedy",
    "maxwelfare",
    "min_share_filter",
    "outcome_dict",
    "outcome_metrics",
    "parse_election",
    "parse_instance",
    "phragmen",
    "phragmen_rejections",
    "priority",
    "read_election",
    "read_instance",
    "run_rule",
    "selection_metrics",
    "sub_budgets_from_election",
    "to_instance",
    "truncate",
    "with_sub_budgets",
    "write_election",
]
