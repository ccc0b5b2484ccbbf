"""Forms of the surveys: the officials' survey and question forms, and reading posted answers."""

from __future__ import annotations

from typing import Any

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from ..models import Question, QuestionKind, QuestionRole
from .errors import SurveyError
from .services import QuestionData


def answers_from_post(questions: list[Question], post: QueryDict) -> dict[str, object]:
    """The answers posted for ``questions`` (keys ``q-<key>``); the service checks them."""
    answers: dict[str, object] = {}
    for question in questions:
        name = f"q-{question.key}"
        if question.kind == QuestionKind.MULTIPLE:
            answers[question.key] = post.getlist(name)
        else:
            answers[question.key] = post.get(name, "")
    return answers


class SurveyForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    introduction = forms.CharField(
        label=_("Introduction"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )


def parse_choices(text: str) -> list[dict[str, str]]:
    """Options written one per line as "key: label"; SurveyError("choice_not_valid") names a bad line."""
    choices = []
    for line, row in enumerate((r for r in text.splitlines() if r.strip()), start=1):
        key, colon, label = row.partition(":")
        if not colon or not key.strip() or not label.strip():
            raise SurveyError("choice_not_valid", line=line)
        choices.append({"key": key.strip(), "label": label.strip()})
    return choices


class QuestionForm(forms.Form):
    key = forms.SlugField(
        label=_("Key"), max_length=40, help_text=_("Short, unique in this survey: it names the answers.")
    )
    text = forms.CharField(label=_("Question"), max_length=300)
    help_text = forms.CharField(label=_("Explanation"), max_length=300, required=False)
    kind = forms.ChoiceField(label=_("Kind of question"), choices=QuestionKind.choices)
    role = forms.ChoiceField(
        label=_("Meaning for the evaluation"), choices=QuestionRole.choices, required=False
    )
    choices = forms.CharField(
        label=_("Options"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("For a choice question: one option per line, as “key: label”."),
    )
    scale_min = forms.IntegerField(
        label=_("Lowest value of the scale"), required=False, min_value=-10, max_value=100
    )
    scale_max = forms.IntegerField(
        label=_("Highest value of the scale"), required=False, min_value=-10, max_value=100
    )
    scale_min_label = forms.CharField(label=_("The lowest value means"), max_length=80, required=False)
    scale_max_label = forms.CharField(label=_("The highest value means"), max_length=80, required=False)
    required = forms.BooleanField(label=_("An answer is required"), required=False)

    @staticmethod
    def initial_of(question: Question) -> dict[str, Any]:
        lines = "\n".join(f"{c['key']}: {c['label']}" for c in question.choices)
        fields = ("key", "text", "help_text", "kind", "role", "scale_min", "scale_max")
        initial = {name: getattr(question, name) for name in fields}
        initial.update(
            choices=lines,
            scale_min_label=question.scale_min_label,
            scale_max_label=question.scale_max_label,
            required=question.required,
        )
        return initial

    def question_data(self) -> QuestionData:
        """The question as written; SurveyError if its options cannot be read."""
        data = self.cleaned_data
        return QuestionData(
            key=data["key"],
            kind=data["kind"],
            text=data["text"],
            help_text=data["help_text"],
            role=data["role"] or QuestionRole.NONE,
            choices=parse_choices(data["choices"]),
            scale_min=data["scale_min"],
            scale_max=data["scale_max"],
            scale_min_label=data["scale_min_label"],
            scale_max_label=data["scale_max_label"],
            required=data["required"],
        )
