"""The thin adapter to sortition-algorithms (GPL-3): one reproducible selection, run in a child process.

This module never imports Django: it is also what ``python -m deliberation.draw.sortition`` runs.

Why a child process: the library's maximin and Nash algorithms keep committees in Python sets, and
the order of a set of strings depends on the interpreter's hash seed, which is random per process.
With the same random seed but another hash seed the same pool gives another panel. So every draw
runs in a fresh interpreter with ``PYTHONHASHSEED=0`` — the web process's own hash seed stays
random — and anyone who re-runs the published draw the same way gets the same panel. The child
process also keeps the library's global random generator (it seeds Python's ``random`` module)
out of the web process.

The selection itself is the library's: the pool and the quotas go in as the same CSV text that is
published, are read by the library's own CSV reader, and the panel is the committee the library
draws under ``random_number_seed``. For maximin and Nash the library first computes a probability
distribution over feasible panels; each person's selection probability is the sum of the
probabilities of the panels that contain them. The legacy algorithm has no distribution: its
probabilities are estimated from ``LEGACY_ESTIMATE_RUNS`` extra draws with seeds derived from the
draw's seed (seed + 1, seed + 2, …), after the real selection.
"""

from __future__ import annotations

import copy
import csv
import io
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path
from typing import IO, Any

from common import csv_safe

LIBRARY = "sortition-algorithms"
LIBRARY_VERSION = version(LIBRARY)
ID_COLUMN = "pool_id"
HASH_SEED = "0"
LEGACY_ESTIMATE_RUNS = 200
CHILD_TIMEOUT_SECONDS = 300

# pool: [{"pool_id": ..., feature key: value key}], quotas: {feature key: {value key: (min, max)}}
Pool = Sequence[Mapping[str, str]]
Quotas = Mapping[str, Mapping[str, Sequence[int]]]


@dataclass(frozen=True)
class Relaxation:
    """One quota the library would change to make the draw possible."""

    feature: str
    value: str
    old_min: int
    old_max: int
    new_min: int
    new_max: int


@dataclass(frozen=True)
class Outcome:
    """What one run gave: a panel with everyone's probability, or why there is none."""

    feasible: bool
    selected: tuple[str, ...] = ()
    probabilities: dict[str, float] = field(default_factory=dict)
    estimated: bool = False
    relaxations: tuple[Relaxation, ...] = ()
    cannot_relax: bool = False
    detail: str = ""


def pool_csv(pool: Pool, feature_keys: Sequence[str]) -> str:
    """The anonymised pool as the library reads it: a pool_id column and one column per feature."""
    out = io.StringIO()
    writer = csv_safe.writer(out, lineterminator="\n")
    writer.writerow([ID_COLUMN, *feature_keys])
    for person in pool:
        writer.writerow([person[ID_COLUMN], *(person.get(key, "") for key in feature_keys)])
    return out.getvalue()


def quotas_csv(quotas: Quotas) -> str:
    """The quotas as the library reads them: feature, value, min, max."""
    out = io.StringIO()
    writer = csv_safe.writer(out, lineterminator="\n")
    writer.writerow(["feature", "value", "min", "max"])
    for feature, values in quotas.items():
        for value, (low, high) in values.items():
            writer.writerow([feature, value, low, high])
    return out.getvalue()


@dataclass
class Running:
    """A selection running in its child process; ``outcome`` waits for its answer. The child
    writes to temporary files, not pipes, so it runs to its end while the caller does other work."""

    process: subprocess.Popen[bytes]
    answer: IO[bytes]
    messages: IO[bytes]
    deadline: float

    def outcome(self) -> Outcome:
        with self.answer, self.messages:
            try:
                returncode = self.process.wait(timeout=max(self.deadline - time.monotonic(), 0.1))
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
                raise
            if returncode != 0:
                self.messages.seek(0)
                failure = self.messages.read().decode(errors="replace")
                raise RuntimeError(f"the selection process failed: {failure[-2000:]}")
            self.answer.seek(0)
            return _outcome_from_json(json.loads(self.answer.read()))


def start(
    *, pool: Pool, feature_keys: Sequence[str], quotas: Quotas, panel_size: int, algorithm: str, seed: int
) -> Running:
    """Start one selection in a fresh interpreter with a fixed hash seed (see the module docstring)."""
    spec = {
        "pool_csv": pool_csv(pool, feature_keys),
        "quotas_csv": quotas_csv(quotas),
        "panel_size": panel_size,
        "algorithm": algorithm,
        "seed": seed,
    }
    with tempfile.TemporaryFile() as source:
        source.write(json.dumps(spec).encode())
        source.seek(0)
        # Closed by Running.outcome, once the child has answered.
        answer, messages = tempfile.TemporaryFile(), tempfile.TemporaryFile()  # noqa: SIM115
        process = subprocess.Popen(
            [sys.executable, "-m", "deliberation.draw.sortition"],
            stdin=source,
            stdout=answer,
            stderr=messages,
            env={**os.environ, "PYTHONHASHSEED": HASH_SEED},
            cwd=Path(__file__).resolve().parents[2],
        )
    return Running(process, answer, messages, time.monotonic() + CHILD_TIMEOUT_SECONDS)


def _outcome_from_json(data: dict[str, Any]) -> Outcome:
    return Outcome(
        feasible=data["feasible"],
        selected=tuple(data.get("selected", ())),
        probabilities=dict(data.get("probabilities", {})),
        estimated=bool(data.get("estimated", False)),
        relaxations=tuple(Relaxation(**item) for item in data.get("relaxations", ())),
        cannot_relax=bool(data.get("cannot_relax", False)),
        detail=str(data.get("detail", "")),
    )


# --- What runs in the child process -------------------------------------------------------------


def _load(spec: Mapping[str, Any]) -> tuple[Any, Any, Any]:
    """Features, people and settings read from the CSV text by the library's own reader."""
    from sortition_algorithms import CSVStringDataSource, SelectionData, Settings

    data = SelectionData(CSVStringDataSource(spec["quotas_csv"], spec["pool_csv"]))
    features, _ = data.load_features()
    settings = Settings(
        id_column=ID_COLUMN,
        columns_to_keep=[],
        selection_algorithm=spec["algorithm"],
        random_number_seed=int(spec["seed"]),
    )
    people, _ = data.load_people(settings, features)
    return features, people, settings


def _unchecked_features(quotas_text: str) -> Any:
    """The quotas as a FeatureCollection without the reader's consistency checks.

    The library's reader refuses quotas whose sums contradict each other before any solver runs;
    built directly, they reach the solver, whose relaxation says what would make them work.
    """
    from requests.structures import CaseInsensitiveDict
    from sortition_algorithms.features import FeatureValueMinMax, set_default_max_flex

    features: dict[str, Any] = {}
    for row in csv.DictReader(io.StringIO(quotas_text)):
        values = features.setdefault(row["feature"], CaseInsensitiveDict())
        values[row["value"]] = FeatureValueMinMax(min=int(row["min"]), max=int(row["max"]))
    collection = CaseInsensitiveDict(features)
    set_default_max_flex(collection)
    return collection


def _unchecked_people(pool_text: str, features: Any) -> Any:
    from requests.structures import CaseInsensitiveDict
    from sortition_algorithms.people import People

    people = People([])
    for row_number, row in enumerate(csv.DictReader(io.StringIO(pool_text)), start=2):
        people.add(row[ID_COLUMN], CaseInsensitiveDict(row), features, row_number)
    return people


def _relaxations(original: Any, relaxed: Any) -> list[dict[str, Any]]:
    changes = []
    for feature, values in original.items():
        for value, minmax in values.items():
            new = relaxed[feature][value]
            if (new.min, new.max) != (minmax.min, minmax.max):
                changes.append(
                    {
                        "feature": feature,
                        "value": value,
                        "old_min": minmax.min,
                        "old_max": minmax.max,
                        "new_min": new.min,
                        "new_max": new.max,
                    }
                )
    return changes


def _check_feasible(features: Any, people: Any, panel_size: int) -> dict[str, Any] | None:
    """None when some panel meets every quota; else the library's suggested relaxation."""
    from sortition_algorithms import InfeasibleQuotasCantRelaxError, InfeasibleQuotasError
    from sortition_algorithms.committee_generation.common import setup_committee_generation

    try:
        setup_committee_generation(copy.deepcopy(features), people, panel_size, [])
    except InfeasibleQuotasError as error:
        return {
            "feasible": False,
            "relaxations": _relaxations(features, error.features),
            "detail": str(error),
        }
    except InfeasibleQuotasCantRelaxError as error:
        return {"feasible": False, "cannot_relax": True, "detail": str(error)}
    return None


def _marginals(
    committees: Sequence[frozenset[str]], probabilities: Sequence[float], people: Any
) -> dict[str, float]:
    chances = dict.fromkeys(people, 0.0)
    for committee, probability in zip(committees, probabilities, strict=True):
        for person in committee:
            chances[person] += probability
    return {person: round(min(chance, 1.0), 6) for person, chance in chances.items()}


def run_here(spec: Mapping[str, Any]) -> dict[str, Any]:
    """The selection, in this interpreter: the same steps as the library's ``run_stratification``.

    After seeding, the calls are exactly those ``run_stratification`` → ``find_random_sample``
    makes, so the panel equals what ``run_stratification`` returns for the published files; we
    call them one level down only to keep the distribution the library computes on the way.
    """
    from sortition_algorithms.committee_generation import (
        find_distribution_maximin,
        find_distribution_nash,
        standardize_distribution,
    )
    from sortition_algorithms.core import find_random_sample, lottery_rounding
    from sortition_algorithms.utils import set_random_provider

    size = int(spec["panel_size"])
    unchecked = _unchecked_features(spec["quotas_csv"])
    problem = _check_feasible(unchecked, _unchecked_people(spec["pool_csv"], unchecked), size)
    if problem is not None:
        return problem
    features, people, settings = _load(spec)
    seed = int(spec["seed"])
    set_random_provider(seed)
    algorithm = settings.selection_algorithm
    if algorithm == "legacy":
        panels, _ = find_random_sample(
            features, people, size, [], selection_algorithm="legacy", max_attempts=settings.max_attempts
        )
        selected = panels[0]
        counts = dict.fromkeys(people, 0)
        for run in range(1, LEGACY_ESTIMATE_RUNS + 1):
            set_random_provider(seed + run)
            extra, _ = find_random_sample(
                features, people, size, [], selection_algorithm="legacy", max_attempts=settings.max_attempts
            )
            for person in extra[0]:
                counts[person] += 1
        chances = {person: round(count / LEGACY_ESTIMATE_RUNS, 6) for person, count in counts.items()}
        return {"feasible": True, "selected": sorted(selected), "probabilities": chances, "estimated": True}
    find = find_distribution_nash if algorithm == "nash" else find_distribution_maximin
    committees, probabilities, _ = find(features, people, size, [], settings.solver_backend)
    committees, probabilities = standardize_distribution(committees, probabilities)
    selected = lottery_rounding(committees, probabilities, 1)[0]
    return {
        "feasible": True,
        "selected": sorted(selected),
        "probabilities": _marginals(committees, probabilities, people),
        "estimated": False,
    }


RERUN_SCRIPT = '''"""Re-run the citizens' panel draw of {edition} with sortition-algorithms {version}.

Put this file next to {pool_file} and {quotas_file} (downloaded from the panel page) and run:

    python -m pip install sortition-algorithms=={version}
    python rerun_panel.py

After the library's progress messages it prints "--- panel ---" and then the pool ids of the
drawn panel, one a line: they are the ones published.
"""

import os
import sys
from pathlib import Path

# The library keeps panels in Python sets, whose order follows the interpreter's hash seed:
# the draw was made with PYTHONHASHSEED=0, so restart with it.
if os.environ.get("PYTHONHASHSEED") != "0":
    os.execve(sys.executable, [sys.executable, *sys.argv], {{**os.environ, "PYTHONHASHSEED": "0"}})

from sortition_algorithms import CSVStringDataSource, SelectionData, Settings, run_stratification

here = Path(__file__).resolve().parent
data = SelectionData(
    CSVStringDataSource((here / "{quotas_file}").read_text(), (here / "{pool_file}").read_text())
)
features, _ = data.load_features(number_to_select={panel_size})
settings = Settings(
    id_column="{id_column}",
    columns_to_keep=[],
    selection_algorithm="{algorithm}",
    random_number_seed={seed},
)
people, _ = data.load_people(settings, features)
success, panels, report = run_stratification(features, people, {panel_size}, settings)
if not success:
    sys.exit(report.as_text())
print("--- panel ---")
print("\\n".join(sorted(panels[0])))
'''


def rerun_script(
    *,
    edition: str,
    algorithm: str,
    seed: int,
    panel_size: int,
    pool_file: str,
    quotas_file: str,
    library_version: str = LIBRARY_VERSION,
) -> str:
    """The published script that re-runs a draw from its published files with the library alone."""
    return RERUN_SCRIPT.format(
        edition=edition,
        version=library_version,
        algorithm=algorithm,
        seed=seed,
        panel_size=panel_size,
        pool_file=pool_file,
        quotas_file=quotas_file,
        id_column=ID_COLUMN,
    )


def main() -> None:
    import logging

    logging.disable(logging.CRITICAL)
    spec = json.load(sys.stdin)
    # The solver (HiGHS, in C) prints its banner on file descriptor 1: send it to stderr, so
    # that only the answer reaches stdout.
    sys.stdout.flush()
    answer = os.fdopen(os.dup(1), "w")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    result = run_here(spec)
    json.dump(result, answer)
    answer.flush()


if __name__ == "__main__":
    main()
