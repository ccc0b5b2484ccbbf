"""Plans and what hangs on them: cost lines, co-initiators, images, revisions, likes and comments.

A plan's cost is the sum of its lines until the published review sets ``reviewed_cost_cents``.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.translated import TranslationsField
from editions.models import Edition, Theme
from places.models import Neighbourhood


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    IN_REVIEW = "in_review", _("In review")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    FEASIBLE = "feasible", _("Feasible")
    NOT_FEASIBLE = "not_feasible", _("Not feasible")
    SHORTLISTED = "shortlisted", _("Shortlisted")
    SELECTED = "selected", _("Selected")
    IN_EXECUTION = "in_execution", _("In execution")
    COMPLETED = "completed", _("Completed")
    CANCELLED = "cancelled", _("Cancelled")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# Statuses the public never sees: a draft belongs to its initiator alone.
PRIVATE_STATUSES = frozenset({PlanStatus.DRAFT})


class Plan(models.Model):
    edition = models.ForeignKey(
        Edition, on_delete=models.PROTECT, related_name="plans", verbose_name=_("edition")
    )
    title = models.CharField(_("title"), max_length=120)
    summary = models.CharField(_("summary"), max_length=300)
    description = models.TextField(_("description"))
    theme = models.ForeignKey(Theme, on_delete=models.PROTECT, related_name="plans", verbose_name=_("theme"))
    neighbourhood = models.ForeignKey(
        Neighbourhood,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="plans",
        verbose_name=_("neighbourhood"),
        help_text=_("Empty when the plan is for the whole district."),
    )
    initiator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="plans", verbose_name=_("initiator")
    )
    public_name = models.CharField(
        _("name shown publicly"), max_length=80, help_text=_("The initiator's name as the public sees it.")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=PlanStatus.choices, default=PlanStatus.DRAFT
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    for_whom = models.TextField(
        _("for whom"), blank=True, help_text=_("Who benefits from the plan, and who helps to carry it out.")
    )
    address = models.CharField(
        _("address or place"), max_length=200, blank=True, help_text=_("A street address or a description.")
    )
    latitude = models.DecimalField(_("latitude"), max_digits=8, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    # The cost after feasibility review, set when the verdicts are published; the vote counts this
    # cost. Empty: the sum of the cost lines stands.
    reviewed_cost_cents = models.PositiveBigIntegerField(
        _("cost after review (cents)"), null=True, blank=True
    )
    # Set by the review when it returns the plan to its initiators; they may revise it until then.
    changes_due_at = models.DateTimeField(_("changes due by"), null=True, blank=True)
    # The initiators' own title and summary in other languages (optional).
    translations = TranslationsField()

    TRANSLATED_FIELDS = ("title", "summary")

    class Meta:
        verbose_name = _("plan")
        verbose_name_plural = _("plans")
        ordering = ["-submitted_at", "-created_at"]
        indexes = [
            models.Index(fields=["edition", "status"]),
            models.Index(fields=["status", "submitted_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status=PlanStatus.DRAFT) | Q(submitted_at__isnull=False),
                name="plan_submitted_has_date",
            ),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True, longitude__isnull=True)
                | Q(latitude__isnull=False, longitude__isnull=False),
                name="plan_point_has_both_coordinates",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("pages:plan", kwargs={"pk": self.pk})


class CostLine(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="cost_lines")
    description = models.CharField(_("description"), max_length=200)
    amount_cents = models.PositiveBigIntegerField(_("amount (cents)"))
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("cost line")
        verbose_name_plural = _("cost lines")
        ordering = ["position", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(amount_cents__gt=0), name="cost_line_amount_positive"),
            models.CheckConstraint(condition=~Q(description=""), name="cost_line_has_description"),
        ]

    def __str__(self) -> str:
        return self.description


class CoInitiatorStatus(models.TextChoices):
    INVITED = "invited", _("Invited")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")


class CoInitiator(models.Model):
    """An invitation to help carry a plan; the invitee accepts or declines it from an e-mail link."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="co_initiators")
    email = models.EmailField(_("e-mail address"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="co_initiated_plans",
        verbose_name=_("person"),
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("invited by")
    )
    status = models.CharField(
        _("status"), max_length=10, choices=CoInitiatorStatus.choices, default=CoInitiatorStatus.INVITED
    )
    invited_at = models.DateTimeField(_("invited at"), default=timezone.now)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    class Meta:
        verbose_name = _("co-initiator")
        verbose_name_plural = _("co-initiators")
        ordering = ["invited_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "email"], name="co_initiator_unique_email"),
            models.UniqueConstraint(
                fields=["plan", "user"], condition=Q(user__isnull=False), name="co_initiator_unique_user"
            ),
            models.CheckConstraint(
                condition=Q(status=CoInitiatorStatus.INVITED)
                | Q(user__isnull=False, answered_at__isnull=False),
                name="co_initiator_answer_has_person",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.email} ({self.get_status_display()})"


def plan_image_path(instance: PlanImage, filename: str) -> str:
    # The stored name never carries the uploader's file name (it may hold a person's name).
    return f"plans/{instance.plan_id}/{uuid.uuid4().hex}.jpg"


class PlanImage(models.Model):
    """A picture of a plan, re-encoded on upload (scaled down, metadata such as GPS stripped)."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="images")
    image = models.ImageField(
        _("image"), upload_to=plan_image_path, width_field="width", height_field="height"
    )
    width = models.PositiveIntegerField(default=0)
    height = models.PositiveIntegerField(default=0)
    alt_text = models.CharField(
        _("description of the image"),
        max_length=200,
        help_text=_("What the image shows, for people who cannot see it."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    uploaded_at = models.DateTimeField(_("uploaded at"), default=timezone.now)

    class Meta:
        verbose_name = _("image")
        verbose_name_plural = _("images")
        ordering = ["position", "pk"]
        constraints = [models.CheckConstraint(condition=~Q(alt_text=""), name="plan_image_has_alt_text")]

    def __str__(self) -> str:
        return self.alt_text


class PlanRevision(models.Model):
    """A snapshot of a submitted plan's public content: number 1 at submission, one more per edit."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField(_("revision"))
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("by")
    )
    # The plan's public fields and cost lines as they were (see proposals.revisions.snapshot_of).
    snapshot = models.JSONField(_("content"))
    changed_fields = models.JSONField(_("changed fields"), default=list, blank=True)
    note = models.CharField(_("what changed and why"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")
        ordering = ["plan", "number"]
        constraints = [models.UniqueConstraint(fields=["plan", "number"], name="plan_revision_unique_number")]

    def __str__(self) -> str:
        return f"{self.plan_id} r{self.number}"


class Like(models.Model):
    """A resident's support for a plan: at most one per person per plan, enforced by the database."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="likes")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="likes")
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("like")
        verbose_name_plural = _("likes")
        constraints = [models.UniqueConstraint(fields=["plan", "user"], name="like_once_per_person")]

    def __str__(self) -> str:
        return f"{self.user_id} ♥ {self.plan_id}"


class AuthorRole(models.TextChoices):
    """How a comment's author relates to the plan, shown in the thread; fixed when the comment is posted."""

    RESIDENT = "resident", _("Resident")
    INITIATOR = "initiator", _("Initiator")
    CO_INITIATOR = "co_initiator", _("Co-initiator")
    OFFICIAL = "official", _("District staff")


class Comment(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="comments")
    author_role = models.CharField(
        _("author's role"), max_length=20, choices=AuthorRole.choices, default=AuthorRole.RESIDENT
    )
    # Replies are one level deep: a reply's parent is always a top-level comment.
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="replies"
    )
    body = models.TextField(_("comment"), max_length=2000)
    created_at = models.DateTimeField(_("posted at"), default=timezone.now)
    hidden_at = models.DateTimeField(_("hidden at"), null=True, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    hidden_reason = models.CharField(_("reason for hiding"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["plan", "created_at"])]
        constraints = [
            models.CheckConstraint(condition=~Q(body=""), name="comment_has_body"),
            models.CheckConstraint(
                condition=Q(hidden_at__isnull=True) | (Q(hidden_by__isnull=False) & ~Q(hidden_reason="")),
                name="comment_hidden_with_reason",
            ),
        ]

    def __str__(self) -> str:
        return self.body[:60]


class CommentReport(models.Model):
    """Someone's report that a comment breaks the rules; one per person per comment."""

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(_("reason"), max_length=300)
    created_at = models.DateTimeField(_("reported at"), default=timezone.now)
    resolved_at = models.DateTimeField(_("handled at"), null=True, blank=True)

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["comment", "reporter"], name="comment_report_once_per_person"),
        ]

    def __str__(self) -> str:
        return self.reason[:60]
