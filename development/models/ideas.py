"""Rough ideas before plans: who posted them, what help they need, who supports and joins them.

An idea becomes a draft plan with one click (``Idea.plan``); it stays readable, with its support,
comments and people, and the plan links back to it (``plan.idea``).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from editions.models import Edition
from places.models import Neighbourhood
from proposals.models import AuthorRole, Plan


class IdeaNeed(models.TextChoices):
    PEOPLE = "people", _("People to help")
    KNOW_HOW = "know_how", _("Know-how")
    PLACE = "place", _("A place")
    PERMIT = "permit", _("A permit")


class Idea(models.Model):
    edition = models.ForeignKey(
        Edition, on_delete=models.PROTECT, related_name="ideas", verbose_name=_("edition")
    )
    title = models.CharField(_("title"), max_length=120)
    text = models.TextField(_("the idea in a few sentences"), max_length=1500)
    neighbourhood = models.ForeignKey(
        Neighbourhood, on_delete=models.PROTECT, related_name="ideas", verbose_name=_("neighbourhood")
    )
    needs = models.JSONField(_("help needed"), default=list, blank=True)  # IdeaNeed values
    needs_note = models.CharField(_("what help, in your own words"), max_length=300, blank=True)
    initiator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="ideas", verbose_name=_("initiator")
    )
    public_name = models.CharField(_("name shown with the idea"), max_length=80)
    workshop = models.ForeignKey(
        "development.Workshop",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="ideas",
        verbose_name=_("came from the workshop"),
    )
    created_at = models.DateTimeField(_("posted at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    plan = models.OneToOneField(
        Plan,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="idea",
        verbose_name=_("the draft plan it became"),
    )
    drafted_at = models.DateTimeField(_("became a draft plan"), null=True, blank=True)
    hidden_at = models.DateTimeField(_("hidden at"), null=True, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    hidden_reason = models.CharField(_("reason for hiding"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("idea")
        verbose_name_plural = _("ideas")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(title=""), name="idea_has_title"),
            models.CheckConstraint(condition=~Q(text=""), name="idea_has_text"),
            models.CheckConstraint(
                condition=Q(plan__isnull=True, drafted_at__isnull=True)
                | Q(plan__isnull=False, drafted_at__isnull=False),
                name="idea_drafted_with_its_plan",
            ),
            models.CheckConstraint(
                condition=Q(hidden_at__isnull=True) | ~Q(hidden_reason=""), name="idea_hidden_says_why"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("development:idea", args=[self.pk])


class IdeaSupport(models.Model):
    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="supports")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="idea_supports")
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("support for an idea")
        verbose_name_plural = _("support for ideas")
        constraints = [models.UniqueConstraint(fields=["idea", "user"], name="idea_support_once_per_person")]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.idea_id}"


class IdeaComment(models.Model):
    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="idea_comments"
    )
    author_role = models.CharField(
        _("posted as"), max_length=12, choices=AuthorRole.choices, default=AuthorRole.RESIDENT
    )
    body = models.TextField(_("comment"), max_length=2000)
    created_at = models.DateTimeField(_("posted at"), default=timezone.now)
    hidden_at = models.DateTimeField(_("hidden at"), null=True, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    hidden_reason = models.CharField(_("reason for hiding"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("comment on an idea")
        verbose_name_plural = _("comments on ideas")
        ordering = ["idea", "created_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(body=""), name="idea_comment_has_body"),
            models.CheckConstraint(
                condition=Q(hidden_at__isnull=True) | ~Q(hidden_reason=""),
                name="idea_comment_hidden_says_why",
            ),
        ]

    def __str__(self) -> str:
        return self.body[:60]


class IdeaMemberRole(models.TextChoices):
    CO_INITIATOR = "co_initiator", _("Co-initiator")
    VOLUNTEER = "volunteer", _("Volunteer")


class IdeaMemberStatus(models.TextChoices):
    ASKED = "asked", _("Asked to join")
    ACCEPTED = "accepted", _("On board")
    DECLINED = "declined", _("Declined")
    LEFT = "left", _("Left")


class IdeaMember(models.Model):
    """A resident who asked to join an idea, with what they offer; the initiator accepts them."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="idea_memberships"
    )
    role = models.CharField(_("joins as"), max_length=12, choices=IdeaMemberRole.choices)
    offer = models.CharField(_("what I offer"), max_length=300)
    public_name = models.CharField(_("name shown with the idea"), max_length=80)
    status = models.CharField(
        _("status"), max_length=10, choices=IdeaMemberStatus.choices, default=IdeaMemberStatus.ASKED
    )
    asked_at = models.DateTimeField(_("asked at"), default=timezone.now)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    class Meta:
        verbose_name = _("person on an idea")
        verbose_name_plural = _("people on ideas")
        ordering = ["idea", "asked_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["idea", "user"], name="idea_member_once_per_person"),
            models.CheckConstraint(condition=~Q(offer=""), name="idea_member_says_what_they_offer"),
            models.CheckConstraint(
                condition=Q(status="asked", answered_at__isnull=True)
                | (~Q(status="asked") & Q(answered_at__isnull=False)),
                name="idea_member_answered_with_a_time",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.public_name} ({self.get_role_display()})"
