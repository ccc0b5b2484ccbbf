"""Feasibility review: criteria, one review per plan with its checks, change requests, publications.

A recorded verdict stays internal until the edition's verdicts are published together
(``VerdictPublication``); only then does the plan's status change and the public see it.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from editions.models import Edition
from proposals.models import Plan

# The checklist of an edition that defines none of its own (created on the first review).
# Names are stored as these English source texts and shown translated (see ReviewCriterion.label).
DEFAULT_CRITERIA: tuple[tuple[str, Promise], ...] = (
    ("legal", _("Legal")),
    ("financial", _("Financial")),
    ("spatial", _("Spatial")),
    ("maintenance", _("Maintenance")),
    ("public_benefit", _("Public benefit")),
)


class ReviewCriterion(models.Model):
    """One question on an edition's review checklist."""

    edition = models.ForeignKey(
        Edition, on_delete=models.CASCADE, related_name="review_criteria", verbose_name=_("edition")
    )
    key = models.SlugField(_("key"), max_length=40)
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("what to check"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("review criterion")
        verbose_name_plural = _("review criteria")
        ordering = ["edition", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "key"], name="review_criterion_unique_key"),
            models.CheckConstraint(condition=~Q(name=""), name="review_criterion_has_name"),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        """The name in the reader's language: a default criterion's name is a translatable source text."""
        return gettext(self.name)


class Verdict(models.TextChoices):
    FEASIBLE = "feasible", _("Feasible")
    FEASIBLE_AFTER_CHANGES = "feasible_after_changes", _("Feasible after changes")
    NOT_FEASIBLE = "not_feasible", _("Not feasible")


# Verdicts the public must have explained to them.
VERDICTS_NEEDING_EXPLANATION = frozenset({Verdict.FEASIBLE_AFTER_CHANGES, Verdict.NOT_FEASIBLE})


class Review(models.Model):
    """The district's check of one plan. ``internal_remarks`` never leave the review pages."""

    plan = models.OneToOneField(Plan, on_delete=models.CASCADE, related_name="review", verbose_name=_("plan"))
    reviewers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="reviews", blank=True, verbose_name=_("reviewers")
    )
    started_at = models.DateTimeField(_("review started"), default=timezone.now)
    verdict = models.CharField(_("verdict"), max_length=30, choices=Verdict.choices, blank=True)
    internal_remarks = models.TextField(
        _("internal remarks"), blank=True, help_text=_("Only reviewers see these; never published.")
    )
    adjusted_cost_cents = models.PositiveBigIntegerField(
        _("adjusted cost (cents)"), null=True, blank=True, help_text=_("Empty: the plan's own cost stands.")
    )
    cost_change_reason = models.TextField(_("reason for the cost change"), blank=True)
    public_explanation = models.TextField(_("public explanation"), blank=True)
    recorded_at = models.DateTimeField(_("verdict recorded"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("verdict recorded by"),
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        ordering = ["plan"]
        constraints = [
            models.CheckConstraint(
                condition=Q(verdict="", recorded_at__isnull=True)
                | (~Q(verdict="") & Q(recorded_at__isnull=False)),
                name="review_verdict_has_date",
            ),
            models.CheckConstraint(
                condition=Q(verdict__in=["", *Verdict.values]), name="review_verdict_known"
            ),
            models.CheckConstraint(
                condition=~Q(verdict__in=sorted(VERDICTS_NEEDING_EXPLANATION)) | ~Q(public_explanation=""),
                name="review_verdict_explained",
            ),
            models.CheckConstraint(
                condition=Q(adjusted_cost_cents__isnull=True) | ~Q(cost_change_reason=""),
                name="review_cost_change_has_reason",
            ),
            models.CheckConstraint(
                condition=Q(adjusted_cost_cents__isnull=True) | Q(adjusted_cost_cents__gt=0),
                name="review_adjusted_cost_positive",
            ),
            models.CheckConstraint(
                condition=Q(published_at__isnull=True) | ~Q(verdict=""), name="review_published_has_verdict"
            ),
        ]

    def __str__(self) -> str:
        return str(self.plan)


class CheckOutcome(models.TextChoices):
    OK = "ok", _("OK")
    CONCERN = "concern", _("Concern")
    NOT_OK = "not_ok", _("Not OK")


class ReviewCheck(models.Model):
    """A review's answer to one criterion; the outcome and note are public once the verdict is."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="checks")
    criterion = models.ForeignKey(
        ReviewCriterion, on_delete=models.PROTECT, related_name="checks", verbose_name=_("criterion")
    )
    outcome = models.CharField(_("outcome"), max_length=10, choices=CheckOutcome.choices)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("check")
        verbose_name_plural = _("checks")
        ordering = ["criterion__position", "criterion__pk"]
        constraints = [
            models.UniqueConstraint(fields=["review", "criterion"], name="review_check_once_per_criterion"),
            models.CheckConstraint(condition=Q(outcome__in=CheckOutcome.values), name="review_check_known"),
        ]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.get_outcome_display()}"


class ChangeRequest(models.Model):
    """A reviewer's request that the initiators change their plan before a deadline."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="change_requests")
    message = models.TextField(_("what should change"))
    deadline = models.DateTimeField(_("deadline"))
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("requested by")
    )
    created_at = models.DateTimeField(_("requested at"), default=timezone.now)
    resolved_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    # The plan's latest revision when the request was made: the reviewer later sees the diff from it.
    revision_number = models.PositiveIntegerField(_("revision seen"), null=True, blank=True)

    class Meta:
        verbose_name = _("change request")
        verbose_name_plural = _("change requests")
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(message=""), name="change_request_has_message"),
            models.CheckConstraint(
                condition=Q(deadline__gt=models.F("created_at")), name="change_request_deadline_after_request"
            ),
            models.UniqueConstraint(
                fields=["plan"],
                condition=Q(resolved_at__isnull=True),
                name="change_request_one_open_per_plan",
            ),
        ]

    def __str__(self) -> str:
        return self.message[:60]


class VerdictPublication(models.Model):
    """The moment an edition's verdicts became public: once per edition."""

    edition = models.OneToOneField(Edition, on_delete=models.PROTECT, related_name="verdict_publication")
    published_at = models.DateTimeField(_("published at"), default=timezone.now)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("published by")
    )
    verdict_count = models.PositiveIntegerField(_("verdicts"), default=0)

    class Meta:
        verbose_name = _("verdict publication")
        verbose_name_plural = _("verdict publications")

    def __str__(self) -> str:
        return str(self.edition)


class ShortlistEntry(models.Model):
    """A committee's choice of one feasible plan for the decision, with the reason it records."""

    edition = models.ForeignKey(Edition, on_delete=models.PROTECT, related_name="shortlist_entries")
    plan = models.OneToOneField(Plan, on_delete=models.CASCADE, related_name="shortlist_entry")
    reason = models.TextField(_("reason"))
    chosen_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("chosen by")
    )
    chosen_at = models.DateTimeField(_("chosen at"), default=timezone.now)

    class Meta:
        verbose_name = _("shortlist entry")
        verbose_name_plural = _("shortlist")
        ordering = ["chosen_at", "pk"]
        constraints = [models.CheckConstraint(condition=~Q(reason=""), name="shortlist_entry_has_reason")]

    def __str__(self) -> str:
        return str(self.plan)


class ShortlistPublication(models.Model):
    """The moment an edition's shortlist became public: once per edition."""

    edition = models.OneToOneField(Edition, on_delete=models.PROTECT, related_name="shortlist_publication")
    published_at = models.DateTimeField(_("published at"), default=timezone.now)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("published by")
    )

    class Meta:
        verbose_name = _("shortlist publication")
        verbose_name_plural = _("shortlist publications")

    def __str__(self) -> str:
        return str(self.edition)


class PreCheck(models.Model):
    """An initiator's request for an informal look at a draft before submitting it (review.prechecks).

    The reviewer answers on the edition's review checklist, without a verdict, within the edition's
    ``precheck_days``; the formal review later shows that a pre-check happened.
    """

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="prechecks", verbose_name=_("plan"))
    question = models.TextField(
        _("what would you like the district to look at?"), max_length=2000, blank=True
    )
    asked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    asked_at = models.DateTimeField(_("asked at"), default=timezone.now)
    due_at = models.DateTimeField(_("answer due by"))
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    summary = models.TextField(_("advice in short"), max_length=3000, blank=True)

    class Meta:
        verbose_name = _("pre-check")
        verbose_name_plural = _("pre-checks")
        ordering = ["-asked_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan"], condition=Q(answered_at__isnull=True), name="precheck_one_open_per_plan"
            ),
            models.CheckConstraint(
                condition=Q(due_at__gt=models.F("asked_at")), name="precheck_due_after_asked"
            ),
            models.CheckConstraint(
                condition=Q(answered_at__isnull=True, answered_by__isnull=True)
                | (Q(answered_at__isnull=False, answered_by__isnull=False) & ~Q(summary="")),
                name="precheck_answered_with_advice",
            ),
        ]

    def __str__(self) -> str:
        return str(self.plan)


class PreCheckNote(models.Model):
    """The pre-check's answer on one criterion of the review's checklist: a sign and advice, no verdict."""

    precheck = models.ForeignKey(PreCheck, on_delete=models.CASCADE, related_name="notes")
    criterion = models.ForeignKey(ReviewCriterion, on_delete=models.PROTECT, related_name="precheck_notes")
    outcome = models.CharField(_("first impression"), max_length=10, choices=CheckOutcome.choices)
    note = models.TextField(_("advice"), max_length=2000, blank=True)

    class Meta:
        verbose_name = _("pre-check note")
        verbose_name_plural = _("pre-check notes")
        ordering = ["criterion__position", "criterion__pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["precheck", "criterion"], name="precheck_note_once_per_criterion"
            ),
            models.CheckConstraint(condition=Q(outcome__in=CheckOutcome.values), name="precheck_note_known"),
        ]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.get_outcome_display()}"
