"""Surveys: a questionnaire per edition and kind, its questions, the answers, and one-time tickets.

Anonymity by construction (docs/evaluation.md): a ``Response`` holds no person, voter, ballot, code
or time of day; its id is random and it carries only the day it came in. A ``SurveyTicket`` records
*that* a holder answered (a keyed hash of who they are, to refuse a second answer), never *what*:
nothing joins a ticket to a response.
"""

from __future__ import annotations

import uuid

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from editions.models import Edition
from execution.models import Project
from places.models import Neighbourhood


class SurveyKind(models.TextChoices):
    VOTER = "voter", _("Voters, after casting")
    INITIATOR_AGREEMENT = "initiator_agreement", _("Initiators, at the agreement")
    INITIATOR_COMPLETION = "initiator_completion", _("Initiators, at completion")
    PANEL_MEMBER = "panel_member", _("Panel members, after the decision")
    OFFICIAL = "official", _("Officials, at the end of the edition")
    PROJECT_USE_6 = "project_use_6", _("Residents near a project, 6 months after completion")
    PROJECT_USE_12 = "project_use_12", _("Residents near a project, 12 months after completion")


class Survey(models.Model):
    """One questionnaire of an edition, made from the standard template of its kind and editable."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="surveys")
    kind = models.CharField(_("kind"), max_length=24, choices=SurveyKind.choices)
    title = models.CharField(_("title"), max_length=200)
    introduction = models.TextField(_("introduction"), blank=True)
    is_open = models.BooleanField(_("open for answers"), default=True)

    class Meta:
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")
        ordering = ["edition", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "kind"], name="evaluation_survey_unique_kind")
        ]

    def __str__(self) -> str:
        return f"{self.edition}: {self.title}"


class QuestionKind(models.TextChoices):
    SCALE = "scale", _("Scale")
    SINGLE = "single", _("One choice")
    MULTIPLE = "multiple", _("Several choices")
    TEXT = "text", _("Open text")


class QuestionRole(models.TextChoices):
    """What a question means to the evaluation beyond its own answers."""

    NONE = "", _("No special meaning")
    AGE_BAND = "age_band", _("Age band (voluntary)")
    GENDER = "gender", _("Gender (voluntary)")
    FIRST_TIME = "first_time", _("First time taking part (voluntary)")
    VOTED_MUNICIPAL = "voted_municipal", _("Voted in the last municipal election (voluntary)")
    CATEGORY = "category", _("Category of the open answers")
    SATISFACTION = "satisfaction", _("Overall satisfaction")


class Question(models.Model):
    """A question: a scale (``scale_min``..``scale_max``), one or several of ``choices``, or open text.

    ``choices`` is a list of ``{"key": ..., "label": ...}``; an answer stores the keys.
    """

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="questions")
    key = models.SlugField(_("key"), max_length=40)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    kind = models.CharField(_("kind"), max_length=10, choices=QuestionKind.choices)
    role = models.CharField(_("meaning"), max_length=16, choices=QuestionRole.choices, blank=True, default="")
    text = models.CharField(_("question"), max_length=300)
    help_text = models.CharField(_("explanation"), max_length=300, blank=True)
    choices = models.JSONField(_("choices"), default=list, blank=True)
    scale_min = models.SmallIntegerField(_("lowest value"), null=True, blank=True)
    scale_max = models.SmallIntegerField(_("highest value"), null=True, blank=True)
    scale_min_label = models.CharField(_("lowest value means"), max_length=80, blank=True)
    scale_max_label = models.CharField(_("highest value means"), max_length=80, blank=True)
    required = models.BooleanField(_("answer required"), default=False)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["survey", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["survey", "key"], name="evaluation_question_unique_key"),
            models.CheckConstraint(
                condition=~Q(kind="scale")
                | (Q(scale_min__isnull=False) & Q(scale_max__gt=models.F("scale_min"))),
                name="evaluation_question_scale_has_range",
            ),
        ]

    def __str__(self) -> str:
        return self.text


class Response(models.Model):
    """One respondent's answers, keyed by question key: no person, no time of day, a random id.

    ``project`` is set for the surveys about one project (initiators, residents near it);
    ``neighbourhood`` where it is known (the voter's, or the project's).
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    project = models.ForeignKey(
        Project, on_delete=models.SET_NULL, null=True, blank=True, related_name="survey_responses"
    )
    neighbourhood = models.ForeignKey(
        Neighbourhood, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    submitted_on = models.DateField(_("submitted on"))
    answers = models.JSONField(_("answers"), default=dict)

    class Meta:
        verbose_name = _("survey response")
        verbose_name_plural = _("survey responses")
        indexes = [models.Index(fields=["survey", "project"])]

    def __str__(self) -> str:
        return f"{self.survey} ({self.submitted_on})"


class SurveyTicket(models.Model):
    """That a holder answered a survey once: a keyed hash of the holder, nothing else, a random id."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="tickets")
    holder_hash = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("survey ticket")
        verbose_name_plural = _("survey tickets")
        constraints = [
            models.UniqueConstraint(fields=["survey", "holder_hash"], name="evaluation_ticket_one_per_holder")
        ]

    def __str__(self) -> str:
        return f"{self.survey}: {self.holder_hash[:8]}"
