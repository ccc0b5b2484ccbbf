"""The lessons register: what an edition found, the figure that shows it, what to do, and whether the
next edition did it."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from editions.models import Edition


class AdoptableSetting(models.TextChoices):
    """The edition settings a lesson can change (field names of ``editions.models.Edition``)."""

    NONE = "", _("No setting (a way of working)")
    DECISION_MODEL = "decision_model", _("Decision model")
    HYBRID_ORDER = "hybrid_order", _("Order of panel and vote")
    BALLOT_FORMAT = "ballot_format", _("Ballot format")
    BALLOT_MAX_CHOICES = "ballot_max_choices", _("Most plans on a ballot")
    AGGREGATION_RULE = "aggregation_rule", _("Counting rule")
    SUPPORT_THRESHOLD = "support_threshold", _("Support needed")
    MIN_AGE = "min_age", _("Minimum age")
    MAX_PLAN_COST = "max_plan_cost_cents", _("Maximum cost per plan")
    SHORTLIST_SIZE = "shortlist_size", _("Shortlist size")
    TOTAL_BUDGET = "total_budget_cents", _("Total budget")
    PHASES = "phases", _("Phases and their dates")
    SUB_BUDGETS = "sub_budgets", _("Sub-budgets")


class Lesson(models.Model):
    """One finding with its evidence (a figure of the learning report, by its anchor) and advice."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="lessons")
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    finding = models.TextField(_("finding"), max_length=2000)
    evidence = models.SlugField(_("evidence (figure)"), max_length=60, blank=True)
    evidence_note = models.CharField(_("what the figure shows"), max_length=300, blank=True)
    recommendation = models.TextField(_("recommendation"), max_length=2000)
    adopted_in = models.ForeignKey(
        Edition,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="adopted_lessons",
        verbose_name=_("adopted in"),
    )
    adopted_setting = models.CharField(
        _("setting changed"), max_length=30, choices=AdoptableSetting.choices, blank=True, default=""
    )
    adopted_note = models.CharField(_("how it was adopted"), max_length=300, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("recorded at"), default=timezone.now)

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")
        ordering = ["edition", "position", "pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(finding=""), name="evaluation_lesson_has_finding"),
            models.CheckConstraint(
                condition=~Q(recommendation=""), name="evaluation_lesson_has_recommendation"
            ),
            models.CheckConstraint(
                condition=Q(adopted_in__isnull=True) | ~Q(adopted_in=models.F("edition")),
                name="evaluation_lesson_adopted_elsewhere",
            ),
        ]

    def __str__(self) -> str:
        return self.finding[:60]
