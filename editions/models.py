"""Edition, its themes, sub-budgets and dated phases. Amounts are integer euro cents."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from common.translated import TranslationsField
from places.models import District, Neighbourhood

from .phases import PhaseKind


class DecisionModel(models.TextChoices):
    ONLINE_VOTE = "online_vote", _("Online vote")
    PANEL = "panel", _("Citizens' panel")
    HYBRID = "hybrid", _("Citizens' panel and vote")


class HybridOrder(models.TextChoices):
    """In a hybrid edition, which comes first: the panel or the public vote."""

    PANEL_THEN_VOTE = (
        "panel_then_vote",
        _("The panel shortlists the plans, then everyone votes on the shortlist"),
    )
    VOTE_THEN_PANEL = "vote_then_panel", _("Everyone votes, then the panel decides with the vote as advice")


class BallotFormat(models.TextChoices):
    APPROVAL = "approval", _("Approval (choose up to k plans)")
    KNAPSACK = "knapsack", _("Knapsack (fill the budget)")
    CUMULATIVE = "cumulative", _("Cumulative (spread points)")
    RANKING = "ranking", _("Ranking (order your favourites)")


class AggregationRule(models.TextChoices):
    GREEDY = "greedy", _("Most votes first (greedy)")
    EQUAL_SHARES = "mes", _("Method of Equal Shares")
    PHRAGMEN = "phragmen", _("Sequential Phragmén")
    MAX_WELFARE = "maxwelfare", _("Maximum total support (exact)")


class Satisfaction(models.TextChoices):
    """How the rule weighs a voter's funded plans: by their cost, or by their number."""

    COST = "cost", _("By cost (a euro of a supported plan counts as one)")
    CARDINALITY = "cardinality", _("By number of supported plans")


class UnspentMoney(models.TextChoices):
    """Where the money the result leaves unspent goes; the results page says it."""

    EDITION_POT = "edition_pot", _("Back to the district's pot for this edition's plans")
    NEXT_EDITION = "next_edition", _("Carried over to the next edition")
    DISTRICT = "district", _("Returned to the district's general budget")


# Retention periods an edition may set: whole days, never negative, at most ten years.
MAX_RETENTION_DAYS = 3650
NEGATIVE_DAYS = _("A number of days cannot be negative.")
TOO_MANY_DAYS = _("Keep personal data at most %(limit_value)s days.")

# The fields that fix how a vote is cast and counted; locked once the first ballot exists.
BALLOT_RULE_FIELDS = (
    "ballot_format",
    "ballot_max_choices",
    "ballot_points",
    "aggregation_rule",
    "rule_satisfaction",
)


class Edition(models.Model):
    district = models.ForeignKey(
        District, on_delete=models.PROTECT, related_name="editions", verbose_name=_("district")
    )
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), unique=True, max_length=80)
    year = models.PositiveSmallIntegerField(_("year"))
    introduction = models.TextField(_("introduction"), blank=True)
    total_budget_cents = models.PositiveBigIntegerField(_("total budget (cents)"))
    unspent_money = models.CharField(
        _("unspent money"),
        max_length=20,
        choices=UnspentMoney.choices,
        default=UnspentMoney.DISTRICT,
        help_text=_("Where the money goes that the chosen plans leave unspent. The results page shows it."),
    )
    min_age = models.PositiveSmallIntegerField(_("minimum age"), default=16)
    max_plan_cost_cents = models.PositiveBigIntegerField(_("maximum cost per plan (cents)"))
    decision_model = models.CharField(
        _("decision model"), max_length=20, choices=DecisionModel.choices, default=DecisionModel.ONLINE_VOTE
    )
    hybrid_order = models.CharField(
        _("order of panel and vote"),
        max_length=20,
        choices=HybridOrder.choices,
        blank=True,
        help_text=_("Hybrid editions only: whether the panel or the public vote comes first."),
    )
    ballot_format = models.CharField(
        _("ballot format"), max_length=20, choices=BallotFormat.choices, default=BallotFormat.APPROVAL
    )
    ballot_max_choices = models.PositiveSmallIntegerField(
        _("maximum plans per ballot"), null=True, blank=True, help_text=_("Empty means any number.")
    )
    ballot_points = models.PositiveSmallIntegerField(
        _("points per ballot section"),
        default=10,
        help_text=_("Cumulative ballots: how many points a voter spreads over the plans of each section."),
    )
    aggregation_rule = models.CharField(
        _("aggregation rule"), max_length=20, choices=AggregationRule.choices, default=AggregationRule.GREEDY
    )
    rule_satisfaction = models.CharField(
        _("satisfaction measure"),
        max_length=20,
        choices=Satisfaction.choices,
        default=Satisfaction.COST,
        help_text=_(
            "Used by greedy, Equal Shares and maximum support; Equal Shares completes by exhaustion."
        ),
    )
    results_publish_at = models.DateTimeField(
        _("result published on"),
        null=True,
        blank=True,
        help_text=_("The counted result becomes public at this time. Empty: as soon as it is counted."),
    )
    support_threshold = models.PositiveIntegerField(
        _("likes needed for review"), default=0, help_text=_("0 means every submitted plan is reviewed.")
    )
    verdicts_publish_at = models.DateTimeField(
        _("verdicts published on"),
        null=True,
        blank=True,
        help_text=_(
            "All review verdicts become public together at this time. Empty: when the review phase ends."
        ),
    )
    shortlist_size = models.PositiveSmallIntegerField(
        _("shortlist size"),
        null=True,
        blank=True,
        help_text=_("At most this many plans go on to the decision. Empty: no limit."),
    )
    precheck_days = models.PositiveSmallIntegerField(
        _("days to answer a pre-check"),
        default=10,
        help_text=_("The district answers an initiator's request for a pre-check within this many days."),
    )
    # Retention periods that depend on the edition (privacy.retention reads them; the purge enforces them).
    voter_data_days = models.PositiveSmallIntegerField(
        _("days the voter register is kept after the result"),
        default=180,
        validators=[
            MinValueValidator(0, message=NEGATIVE_DAYS),
            MaxValueValidator(MAX_RETENTION_DAYS, message=TOO_MANY_DAYS),
        ],
        help_text=_(
            "The appeal period: addresses, scrambled voting codes and who voted online or on paper are "
            "deleted this many days after the result is published."
        ),
    )
    panel_contact_days = models.PositiveSmallIntegerField(
        _("days panel contact details are kept after the edition"),
        default=0,
        validators=[
            MinValueValidator(0, message=NEGATIVE_DAYS),
            MaxValueValidator(MAX_RETENTION_DAYS, message=TOO_MANY_DAYS),
        ],
        help_text=_(
            "Names, e-mail addresses and phone numbers of people who signed up for the panel are erased this "
            "many days after the edition's last phase ends. 0: on the day it ends."
        ),
    )
    is_published = models.BooleanField(_("published"), default=True)
    translations = TranslationsField()

    TRANSLATED_FIELDS = ("introduction",)

    class Meta:
        verbose_name = _("edition")
        verbose_name_plural = _("editions")
        ordering = ["-year", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(max_plan_cost_cents__lte=models.F("total_budget_cents")),
                name="edition_max_plan_cost_within_budget",
            ),
            models.CheckConstraint(condition=Q(ballot_points__gte=1), name="edition_ballot_points_positive"),
            models.CheckConstraint(
                condition=(Q(decision_model="hybrid") & ~Q(hybrid_order=""))
                | (~Q(decision_model="hybrid") & Q(hybrid_order="")),
                name="edition_hybrid_has_order",
            ),
            models.CheckConstraint(
                condition=Q(ballot_max_choices__isnull=True) | Q(ballot_max_choices__gte=1),
                name="edition_ballot_max_choices_positive",
            ),
            models.CheckConstraint(
                condition=Q(voter_data_days__lte=MAX_RETENTION_DAYS)
                & Q(panel_contact_days__lte=MAX_RETENTION_DAYS),
                name="edition_retention_days_at_most_ten_years",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("pages:edition", kwargs={"slug": self.slug})

    @property
    def public_votes(self) -> bool:
        """Whether residents vote (the online vote, or either hybrid order)."""
        return self.decision_model != DecisionModel.PANEL

    @property
    def panel_decides(self) -> bool:
        """Whether the panel takes the final decision (a panel edition, or a hybrid with the vote first)."""
        return self.decision_model == DecisionModel.PANEL or self.hybrid_order == HybridOrder.VOTE_THEN_PANEL

    @property
    def panel_shortlists(self) -> bool:
        """Whether the panel makes the shortlist the public then votes on."""
        return self.hybrid_order == HybridOrder.PANEL_THEN_VOTE

    @property
    def has_panel(self) -> bool:
        return self.decision_model != DecisionModel.ONLINE_VOTE

    def clean(self) -> None:
        if self.decision_model == DecisionModel.HYBRID and not self.hybrid_order:
            raise ValidationError(
                {"hybrid_order": _("A hybrid edition needs an order: panel first or vote first.")}
            )
        if self.decision_model != DecisionModel.HYBRID and self.hybrid_order:
            raise ValidationError(
                {"hybrid_order": _("Only a hybrid edition has an order of panel and vote.")}
            )
        if (
            self.max_plan_cost_cents is not None
            and self.total_budget_cents is not None
            and self.max_plan_cost_cents > self.total_budget_cents
        ):
            raise ValidationError(
                {"max_plan_cost_cents": _("The maximum per plan cannot be more than the total budget.")}
            )


class Theme(models.Model):
    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="themes")
    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(_("slug"))
    description = models.TextField(_("description"), blank=True)
    translations = TranslationsField()

    TRANSLATED_FIELDS = ("name", "description")

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["edition", "slug"], name="theme_unique_slug")]

    def __str__(self) -> str:
        return self.name


class SubBudget(models.Model):
    """A part of the total budget reserved for one neighbourhood or one theme."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="sub_budgets")
    neighbourhood = models.ForeignKey(
        Neighbourhood, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("neighbourhood")
    )
    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, null=True, blank=True, verbose_name=_("theme"))
    amount_cents = models.PositiveBigIntegerField(_("amount (cents)"))

    class Meta:
        verbose_name = _("sub-budget")
        verbose_name_plural = _("sub-budgets")
        constraints = [
            models.CheckConstraint(
                condition=(Q(neighbourhood__isnull=False, theme__isnull=True))
                | (Q(neighbourhood__isnull=True, theme__isnull=False)),
                name="sub_budget_for_neighbourhood_xor_theme",
            ),
            models.UniqueConstraint(
                fields=["edition", "neighbourhood"],
                condition=Q(neighbourhood__isnull=False),
                name="sub_budget_unique_neighbourhood",
            ),
            models.UniqueConstraint(
                fields=["edition", "theme"], condition=Q(theme__isnull=False), name="sub_budget_unique_theme"
            ),
        ]

    def __str__(self) -> str:
        return str(self.neighbourhood or self.theme)


class Phase(models.Model):
    """One dated phase of an edition; the chain's order and rules live in ``phases.py``."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="phases")
    kind = models.CharField(_("phase"), max_length=20, choices=PhaseKind.choices)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    description = models.TextField(
        _("what happens"),
        blank=True,
        help_text=_("The district's own words for this phase (meetings, where to get help). Optional."),
    )
    translations = TranslationsField()

    TRANSLATED_FIELDS = ("description",)

    class Meta:
        verbose_name = _("phase")
        verbose_name_plural = _("phases")
        ordering = ["starts_at"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "kind"], name="phase_unique_kind"),
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="phase_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.edition})"
