"""The few numbers that compare editions and decision models, taken from one edition's evidence."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from statistics import mean
from typing import Any

PSI_KEYS = ("turnout_psi", "panel_psi_age", "panel_psi_gender", "voter_psi_age", "voter_psi_gender")
# The order in which the decision models are compared (an edition's ``step``).
MODEL_ORDER = ("online_vote", "panel", "panel_then_vote", "vote_then_panel")


@dataclass(frozen=True)
class EditionMetrics:
    """One edition's comparable figures; None where its evidence does not say."""

    slug: str
    name: str
    year: int
    district: str
    step: str
    eligible: int | None
    participants: int | None
    representativeness: float | None
    satisfaction: float | None
    projects: int
    completed: int
    median_days_to_completion: float | None
    awarded_cents: int
    spent_cents: int
    cost_cents: int | None  # None: no running costs entered
    staff_hours: float | None
    decided: bool = True  # False while the decision is still to be made: not compared yet

    @property
    def reach(self) -> float | None:
        return ratio(self.participants, self.eligible)

    @property
    def completion(self) -> float | None:
        return ratio(self.completed, self.projects)

    @property
    def spent_of_awarded(self) -> float | None:
        return ratio(self.spent_cents, self.awarded_cents)

    @property
    def cost_per_participant(self) -> float | None:
        return (
            None if self.cost_cents is None or not self.participants else self.cost_cents / self.participants
        )


def ratio(part: float | None, whole: float | None) -> float | None:
    """``part`` as a percentage of ``whole``; None when either is unknown or the whole is 0."""
    return None if part is None or not whole else 100.0 * part / whole


def mean_of(values: Iterable[float | None]) -> float | None:
    known = [v for v in values if v is not None]
    return mean(known) if known else None


def _participants(participation: Mapping[str, Any] | None) -> tuple[int | None, int | None]:
    if not participation:
        return None, None
    totals = participation.get("totals") or {}
    people = sum(int(totals.get(k) or 0) for k in ("voters_online", "voters_paper", "respondents"))
    return totals.get("eligible"), people


def _satisfaction(surveys: Iterable[Mapping[str, Any]] | None) -> float | None:
    """The mean of the satisfaction questions' averages (questions with enough answers only)."""
    return mean_of(
        question.get("mean")
        for survey in surveys or ()
        for question in survey.get("questions") or ()
        if question.get("role") == "satisfaction" and not question.get("suppressed")
    )


def is_decided(data: Mapping[str, Any]) -> bool:
    """Whether the evidence is of an edition whose decision is made (``edition.decided``); evidence of
    an older version without that key counts as decided once the funnel has chosen plans."""
    decided = (data.get("edition") or {}).get("decided")
    if decided is not None:
        return bool(decided)
    stages = (data.get("funnel") or {}).get("stages") or []
    return any(stage.get("key") == "chosen" and stage.get("count") for stage in stages)


def edition_metrics(data: Mapping[str, Any]) -> EditionMetrics:
    """The comparable figures of one edition's evidence (``EditionEvidence.data``)."""
    edition = data.get("edition") or {}
    eligible, participants = _participants(data.get("participation"))
    representativeness = (data.get("participation") or {}).get("representativeness") or {}
    delivery = data.get("delivery") or {}
    costs = data.get("costs") or {}
    has_costs = bool(costs.get("lines"))
    return EditionMetrics(
        slug=str(edition.get("slug", "")),
        name=str(edition.get("name", "")),
        year=int(edition.get("year") or 0),
        district=str(edition.get("district", "")),
        step=str(edition.get("step", "")),
        eligible=eligible,
        participants=participants,
        representativeness=mean_of(representativeness.get(key) for key in PSI_KEYS),
        satisfaction=_satisfaction(data.get("surveys")),
        projects=int(delivery.get("projects") or 0),
        completed=int(delivery.get("completed") or 0),
        median_days_to_completion=delivery.get("median_days_to_completion"),
        awarded_cents=int(delivery.get("awarded_cents") or 0),
        spent_cents=int(delivery.get("spent_cents") or 0),
        cost_cents=int(costs.get("amount_cents") or 0) if has_costs else None,
        staff_hours=float(costs.get("staff_hours") or 0) if has_costs else None,
        decided=is_decided(data),
    )


@dataclass(frozen=True)
class ModelMetrics:
    """One decision model over the editions that used it: sums where counts add up, means of scores."""

    step: str
    editions: int
    reach: float | None
    representativeness: float | None
    satisfaction: float | None
    completion: float | None
    median_days_to_completion: float | None
    spent_of_awarded: float | None
    cost_per_participant: float | None


def model_metrics(step: str, editions: list[EditionMetrics]) -> ModelMetrics:
    """Reach, completion and money as totals over the editions; scores and days as their mean."""
    counted = [e for e in editions if e.eligible is not None and e.participants is not None]
    costed = [e for e in editions if e.cost_cents is not None and e.participants]
    return ModelMetrics(
        step=step,
        editions=len(editions),
        reach=ratio(sum(e.participants or 0 for e in counted), sum(e.eligible or 0 for e in counted)),
        representativeness=mean_of(e.representativeness for e in editions),
        satisfaction=mean_of(e.satisfaction for e in editions),
        completion=ratio(sum(e.completed for e in editions), sum(e.projects for e in editions)),
        median_days_to_completion=mean_of(e.median_days_to_completion for e in editions),
        spent_of_awarded=ratio(sum(e.spent_cents for e in editions), sum(e.awarded_cents for e in editions)),
        cost_per_participant=(
            sum(e.cost_cents or 0 for e in costed) / sum(e.participants or 0 for e in costed)
            if costed
            else None
        ),
    )


def compare_models(editions: Iterable[EditionMetrics]) -> list[ModelMetrics]:
    """Every decision model used by ``editions``, in ``MODEL_ORDER``."""
    by_step: dict[str, list[EditionMetrics]] = {}
    for edition in editions:
        by_step.setdefault(edition.step, []).append(edition)
    order = {step: i for i, step in enumerate(MODEL_ORDER)}
    return [
        model_metrics(step, by_step[step]) for step in sorted(by_step, key=lambda s: (order.get(s, 99), s))
    ]
