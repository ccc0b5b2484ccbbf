"""The citizens' panel: its set-up, the features it is stratified on, the pool, the draw and the members.

Privacy: a respondent's contact details (name, e-mail, phone) are kept only so the facilitator can
reach those drawn; ``manage.py delete_panel_data`` erases them, and everything identifying, when
the edition ends. What is published with a draw (``Draw.pool``) holds an anonymous pool id and the
feature values only.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.translated import TranslationsField
from editions.models import Edition
from outreach.models import Address


class SelectionAlgorithm(models.TextChoices):
    """The sortition-algorithms algorithms that run here without a commercial solver."""

    MAXIMIN = "maximin", _("Maximin: raise the lowest chance of anyone in the pool")
    NASH = "nash", _("Nash: balance everyone's chances (maximise their product)")
    LEGACY = "legacy", _("Legacy: the Sortition Foundation's original greedy draw")


class PanelSetup(models.Model):
    """How an edition's panel is recruited and drawn."""

    edition = models.OneToOneField(Edition, on_delete=models.CASCADE, related_name="panel_setup")
    panel_size = models.PositiveSmallIntegerField(_("panel size"), default=24)
    algorithm = models.CharField(
        _("selection algorithm"),
        max_length=20,
        choices=SelectionAlgorithm.choices,
        default=SelectionAlgorithm.MAXIMIN,
    )
    open_sign_up = models.BooleanField(
        _("open sign-up"),
        default=True,
        help_text=_("Anyone in the area may register interest; otherwise only invited addresses."),
    )
    availability_text = models.TextField(
        _("session dates"),
        blank=True,
        help_text=_("The work sessions' dates as respondents see them when they give their availability."),
    )

    class Meta:
        verbose_name = _("panel set-up")
        verbose_name_plural = _("panel set-ups")
        constraints = [models.CheckConstraint(condition=Q(panel_size__gte=2), name="panel_size_at_least_two")]

    def __str__(self) -> str:
        return str(self.edition)


class Feature(models.Model):
    """A feature the panel is stratified on (neighbourhood, age band, gender, or one the edition adds)."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="panel_features")
    key = models.SlugField(_("key"), max_length=40)
    name = models.CharField(_("name"), max_length=80)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    translations = TranslationsField()

    TRANSLATED_FIELDS = ("name",)

    class Meta:
        verbose_name = _("stratification feature")
        verbose_name_plural = _("stratification features")
        ordering = ["position", "pk"]
        constraints = [models.UniqueConstraint(fields=["edition", "key"], name="panel_feature_unique_key")]

    def __str__(self) -> str:
        return self.name


class FeatureValue(models.Model):
    """One value of a feature, with its population figure and the panel's quota for it."""

    feature = models.ForeignKey(Feature, on_delete=models.CASCADE, related_name="values")
    key = models.SlugField(_("key"), max_length=60)
    label = models.CharField(_("label"), max_length=120)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    population = models.PositiveIntegerField(
        _("population"), default=0, help_text=_("Residents with this value: the default quotas follow it.")
    )
    min_quota = models.PositiveSmallIntegerField(_("at least"), null=True, blank=True)
    max_quota = models.PositiveSmallIntegerField(_("at most"), null=True, blank=True)
    translations = TranslationsField()

    TRANSLATED_FIELDS = ("label",)

    class Meta:
        verbose_name = _("feature value")
        verbose_name_plural = _("feature values")
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["feature", "key"], name="panel_feature_value_unique_key"),
            models.CheckConstraint(
                condition=Q(min_quota__isnull=True)
                | Q(max_quota__isnull=True)
                | Q(min_quota__lte=models.F("max_quota")),
                name="panel_quota_min_at_most_max",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.feature}: {self.label}"


class Invitation(models.Model):
    """A letter to an address drawn at random from the address list, with a response code (hashed)."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="panel_invitations")
    address = models.ForeignKey(Address, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    code_hash = models.CharField(max_length=64)
    batch = models.PositiveSmallIntegerField(_("batch"), default=1)
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)
    responded_at = models.DateTimeField(_("responded at"), null=True, blank=True)

    class Meta:
        verbose_name = _("panel invitation")
        verbose_name_plural = _("panel invitations")
        constraints = [
            models.UniqueConstraint(fields=["edition", "code_hash"], name="panel_invitation_unique_code")
        ]

    def __str__(self) -> str:
        return f"{self.edition} #{self.pk}"


class Respondent(models.Model):
    """Someone in the pool: their feature values, availability and consent, and how to reach them.

    ``features`` maps a feature key to a value key. ``pool_id`` is the anonymous id published with
    the draw. Contact fields are erased (and ``erased_at`` set) when the edition ends.
    """

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="panel_respondents")
    invitation = models.OneToOneField(
        Invitation, on_delete=models.SET_NULL, null=True, blank=True, related_name="respondent"
    )
    pool_id = models.CharField(_("pool id"), max_length=12)
    features = models.JSONField(_("features"), default=dict)
    available = models.BooleanField(_("available on the session dates"), default=True)
    consent_at = models.DateTimeField(_("consent given at"))
    name = models.CharField(_("name"), max_length=120, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("telephone"), max_length=30, blank=True)
    registered_at = models.DateTimeField(_("registered at"), default=timezone.now)
    erased_at = models.DateTimeField(_("contact details erased at"), null=True, blank=True)

    class Meta:
        verbose_name = _("respondent")
        verbose_name_plural = _("respondents")
        ordering = ["pool_id"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "pool_id"], name="panel_respondent_unique_pool_id"),
            models.UniqueConstraint(
                fields=["edition", "email"], condition=~Q(email=""), name="panel_respondent_unique_email"
            ),
        ]

    def __str__(self) -> str:
        return self.pool_id


class DrawStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting to start")
    RUNNING = "running", _("Drawing")
    DONE = "done", _("Drawn")
    INFEASIBLE = "infeasible", _("Quotas cannot be met")
    FAILED = "failed", _("Failed")


ACTIVE_DRAW_STATUSES = (DrawStatus.QUEUED, DrawStatus.RUNNING)


class Draw(models.Model):
    """One run of the selection, with everything needed to re-run it: seed, pool, quotas, algorithm.

    ``pool`` is the anonymised pool as published ([{"id": pool id, feature key: value key, ...}]),
    ``quotas`` the quotas used ({feature: {value: [min, max]}}), ``probabilities`` each pool id's
    chance of selection under the algorithm, ``quota_report`` how close each quota came, and
    ``problems`` the explanation when the quotas could not be met.
    """

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="panel_draws")
    status = models.CharField(_("status"), max_length=12, choices=DrawStatus.choices)
    seed = models.BigIntegerField(_("seed"))
    algorithm = models.CharField(_("selection algorithm"), max_length=20, choices=SelectionAlgorithm.choices)
    panel_size = models.PositiveSmallIntegerField(_("panel size"))
    library_version = models.CharField(_("sortition-algorithms version"), max_length=20)
    pool = models.JSONField(_("anonymised pool"), default=list)
    quotas = models.JSONField(_("quotas"), default=dict)
    selected = models.JSONField(_("selected pool ids"), default=list)
    probabilities = models.JSONField(_("selection probabilities"), default=dict)
    quota_report = models.JSONField(_("quota report"), default=list)
    problems = models.JSONField(_("problems"), default=list)
    error = models.TextField(_("error"), blank=True)
    drawn_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    drawn_at = models.DateTimeField(_("drawn at"), default=timezone.now)
    is_current = models.BooleanField(_("current panel"), default=False)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)

    class Meta:
        verbose_name = _("draw")
        verbose_name_plural = _("draws")
        ordering = ["-drawn_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["edition"], condition=Q(is_current=True), name="panel_one_current_draw"
            ),
            models.CheckConstraint(
                condition=Q(is_current=False) | Q(status="done"), name="panel_current_draw_is_done"
            ),
            models.UniqueConstraint(
                fields=["edition"],
                condition=Q(status__in=["queued", "running"]),
                name="panel_one_active_draw",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.edition}: {self.get_status_display()} ({self.drawn_at:%Y-%m-%d})"

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE_DRAW_STATUSES


class MemberStatus(models.TextChoices):
    ACTIVE = "active", _("Member")
    DROPPED_OUT = "dropped_out", _("Dropped out")


class PanelMember(models.Model):
    """A member of a drawn panel; a replacement records whom it replaced and its own small draw."""

    draw = models.ForeignKey(Draw, on_delete=models.CASCADE, related_name="members")
    respondent = models.ForeignKey(
        Respondent, on_delete=models.SET_NULL, null=True, blank=True, related_name="memberships"
    )
    pool_id = models.CharField(_("pool id"), max_length=12)
    status = models.CharField(
        _("status"), max_length=12, choices=MemberStatus.choices, default=MemberStatus.ACTIVE
    )
    replaces = models.OneToOneField(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="replaced_by"
    )
    replacement_seed = models.BigIntegerField(_("replacement seed"), null=True, blank=True)
    joined_at = models.DateTimeField(_("joined at"), default=timezone.now)
    dropped_at = models.DateTimeField(_("dropped out at"), null=True, blank=True)
    drop_reason = models.CharField(_("reason"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("panel member")
        verbose_name_plural = _("panel members")
        ordering = ["pool_id"]
        constraints = [
            models.UniqueConstraint(fields=["draw", "pool_id"], name="panel_member_once_per_draw"),
        ]

    def __str__(self) -> str:
        return self.pool_id
