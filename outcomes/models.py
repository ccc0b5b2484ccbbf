"""A count of an edition's closed vote, and per ballot section the exact file counted and its result."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from deliberation.models import PanelVote
from editions.models import Edition


class CountStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting to start")
    RUNNING = "running", _("Counting")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


ACTIVE_STATUSES = (CountStatus.QUEUED, CountStatus.RUNNING)


class CountSource(models.TextChoices):
    """Whose decision a count records: the public vote's ballots, or the citizens' panel's."""

    VOTE = "vote", _("The public vote")
    PANEL = "panel", _("The citizens' panel")


class Count(models.Model):
    """One run of the edition's rule over its ballots; the newest done count is the current result.

    Rule, satisfaction, completion and the engine version are copied from the edition and pbrules
    when the count starts, so a stored result says how it was reached even if the edition changes.
    """

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="counts")
    status = models.CharField(
        _("status"), max_length=10, choices=CountStatus.choices, default=CountStatus.QUEUED
    )
    # A panel's decision is stored as a count too, so the results page shows it in the same form;
    # in a hybrid edition where everyone votes first, the vote's count is the panel's advice.
    source = models.CharField(
        _("decided by"), max_length=10, choices=CountSource.choices, default=CountSource.VOTE
    )
    # The panel's ballot round this count counted (a panel count from a round; empty otherwise).
    panel_vote = models.ForeignKey(
        PanelVote,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="counts",
        verbose_name=_("panel ballot round"),
    )
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    progress_text = models.CharField(_("progress"), max_length=200, blank=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("started by")
    )
    started_at = models.DateTimeField(_("started at"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True)
    rule = models.CharField(_("rule"), max_length=20)
    satisfaction = models.CharField(_("satisfaction measure"), max_length=20)
    completion = models.CharField(_("completion"), max_length=20, blank=True)
    pbrules_version = models.CharField(_("pbrules version"), max_length=40)
    tie_breaking = models.TextField(_("tie-breaking"))
    is_current = models.BooleanField(_("current result"), default=False)
    # When the winners became "selected" and every initiator on the ballot was told (publish_result).
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    # Seconds per stage (open, write, parse, count, compare), for the benchmark and for operators.
    durations = models.JSONField(_("durations"), default=dict, blank=True)
    # The public vote's ballots as opened with the officials' key shares when the count started:
    # per section key, the shuffled .pb text and its number of voters. What the worker counts.
    ballot_files = models.JSONField(_("ballot files"), default=dict, blank=True)

    class Meta:
        verbose_name = _("count")
        verbose_name_plural = _("counts")
        ordering = ["-started_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "source"], condition=Q(is_current=True), name="outcomes_one_current_count"
            ),
            models.UniqueConstraint(
                fields=["edition"],
                condition=Q(status__in=["queued", "running"]),
                name="outcomes_one_active_count",
            ),
            models.CheckConstraint(condition=Q(progress__lte=100), name="outcomes_progress_at_most_100"),
            models.CheckConstraint(
                condition=Q(panel_vote__isnull=True) | Q(source="panel"), name="outcomes_round_only_for_panel"
            ),
            models.CheckConstraint(
                condition=Q(is_current=False) | Q(status="done"), name="outcomes_current_count_is_done"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.edition} #{self.pk} ({self.get_status_display()})"

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE_STATUSES


class CountSection(models.Model):
    """One ballot section of a count: the pabulib file exactly as counted, its hash and its outcome.

    ``outcome`` holds what pbrules returned (selected ids, trace, rejections, metrics; whole
    amounts as integers, fractions as exact strings); ``plans`` the plans as they stood on the
    ballot with their support; ``comparison`` what greedy and Equal Shares would have chosen.
    Amounts are euro cents, as in the file.
    """

    count = models.ForeignKey(Count, on_delete=models.CASCADE, related_name="sections")
    position = models.PositiveSmallIntegerField(_("position"))
    key = models.CharField(_("section"), max_length=100)
    label = models.CharField(_("name"), max_length=200)
    budget_cents = models.PositiveBigIntegerField(_("budget (cents)"))
    pb_file = models.TextField(_("ballot file (.pb)"))
    sha256 = models.CharField(_("SHA-256 of the ballot file"), max_length=64)
    tie_order = models.JSONField(_("tie-breaking order"), default=list)
    selected = models.JSONField(_("selected plans"), default=list)
    outcome = models.JSONField(_("outcome"), default=dict)
    plans = models.JSONField(_("plans"), default=list)
    comparison = models.JSONField(_("comparison"), default=dict)
    # What the explanations need beyond the outcome (outcomes.engine.section_facts): for Equal Shares
    # the replayed payments per plan's supporters, for greedy each plan's turn. {} = not computed yet.
    facts = models.JSONField(_("facts for the explanations"), default=dict, blank=True)
    voters = models.PositiveIntegerField(_("voters in this section"))

    class Meta:
        verbose_name = _("counted section")
        verbose_name_plural = _("counted sections")
        ordering = ["count", "position"]
        constraints = [
            models.UniqueConstraint(fields=["count", "key"], name="outcomes_section_unique_key"),
        ]

    def __str__(self) -> str:
        return f"{self.count}: {self.label}"

    @property
    def file_name(self) -> str:
        # The panel's file differs in name from the public vote's, which in a hybrid edition is its advice.
        panel = "panel-" if self.count.source == CountSource.PANEL else ""
        return f"{self.count.edition.slug}-{panel}{self.key}.pb"
