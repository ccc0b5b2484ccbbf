"""The standard questionnaire of each kind of survey, from which an edition's surveys are set up.

The texts are translatable; ``set_up_surveys`` writes them in the site's default language (Dutch),
after which the district edits its own copy. The voluntary demographics (age band, gender, first
time, voted in the municipal election) are optional and offer "prefer not to say".
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from editions.models import Edition
from places.demography import GENDER_LABELS, GENDERS, age_bands

from ..models import QuestionKind, QuestionRole, SurveyKind

PREFER_NOT = "prefer_not"
Label = Promise | str


@dataclass(frozen=True)
class QuestionTemplate:
    key: str
    kind: QuestionKind
    text: Label
    role: QuestionRole = QuestionRole.NONE
    help_text: Label = ""
    choices: tuple[tuple[str, Label], ...] = ()
    scale: tuple[int, int, Label, Label] | None = None
    required: bool = False


@dataclass(frozen=True)
class SurveyTemplate:
    title: Label
    introduction: Label
    questions: tuple[QuestionTemplate, ...] = field(default=())


def _satisfaction(text: Label) -> QuestionTemplate:
    return QuestionTemplate(
        "satisfaction",
        QuestionKind.SCALE,
        text,
        QuestionRole.SATISFACTION,
        scale=(1, 5, _("Very dissatisfied"), _("Very satisfied")),
        required=True,
    )


def _good_scale(key: str, text: Label) -> QuestionTemplate:
    return QuestionTemplate(key, QuestionKind.SCALE, text, scale=(1, 5, _("Very poor"), _("Very good")))


def _stuck(text: Label) -> tuple[QuestionTemplate, QuestionTemplate]:
    categories: tuple[tuple[str, Label], ...] = (
        ("permits", _("Permits and rules")),
        ("money", _("Money and payments")),
        ("district_response", _("The district's response")),
        ("volunteers", _("Finding volunteers")),
        ("location", _("The location")),
        ("other", _("Something else")),
        ("nowhere", _("I did not get stuck")),
    )
    return (
        QuestionTemplate("stuck", QuestionKind.SINGLE, text, QuestionRole.CATEGORY, choices=categories),
        QuestionTemplate(
            "stuck_story",
            QuestionKind.TEXT,
            _("What happened, and what would have helped?"),
            help_text=_("Do not write names or addresses: answers are read by the district."),
        ),
    )


def _demographics(edition: Edition) -> tuple[QuestionTemplate, ...]:
    prefer_not = (PREFER_NOT, _("I prefer not to say"))
    bands = tuple((key, label) for key, label, _low, _high in age_bands(edition.min_age))
    genders = tuple((key, GENDER_LABELS[key]) for key, _label in GENDERS)
    yes_no: tuple[tuple[str, Label], ...] = (("yes", _("Yes")), ("no", _("No")))
    voluntary = _("Voluntary: these questions show who took part, never who you are.")
    return (
        QuestionTemplate(
            "age_band",
            QuestionKind.SINGLE,
            _("How old are you?"),
            QuestionRole.AGE_BAND,
            help_text=voluntary,
            choices=(*bands, prefer_not),
        ),
        QuestionTemplate(
            "gender",
            QuestionKind.SINGLE,
            _("What is your gender?"),
            QuestionRole.GENDER,
            choices=(*genders, prefer_not),
        ),
        QuestionTemplate(
            "first_time",
            QuestionKind.SINGLE,
            _("Is this the first time you take part in a buurtbudget?"),
            QuestionRole.FIRST_TIME,
            choices=(*yes_no, prefer_not),
        ),
        QuestionTemplate(
            "voted_municipal",
            QuestionKind.SINGLE,
            _("Did you vote in the last municipal council election?"),
            QuestionRole.VOTED_MUNICIPAL,
            choices=(*yes_no, ("dont_know", _("I don't know")), prefer_not),
        ),
    )


def _voter(edition: Edition) -> SurveyTemplate:
    heard: tuple[tuple[str, Label], ...] = (
        ("letter", _("The letter with my voting code")),
        ("poster", _("A poster or flyer")),
        ("social", _("Social media")),
        ("people", _("Neighbours, friends or family")),
        ("news", _("A newspaper or local news site")),
        ("meeting", _("A meeting in the neighbourhood")),
        ("other", _("Otherwise")),
    )
    return SurveyTemplate(
        _("How was voting?"),
        _("Five minutes, anonymous and voluntary: your answers are never linked to your vote or your code."),
        (
            QuestionTemplate(
                "ease",
                QuestionKind.SCALE,
                _("How easy was voting?"),
                scale=(1, 5, _("Very hard"), _("Very easy")),
            ),
            QuestionTemplate(
                "again",
                QuestionKind.SINGLE,
                _("Would you vote again next time?"),
                choices=(("yes", _("Yes")), ("maybe", _("Maybe")), ("no", _("No"))),
            ),
            QuestionTemplate(
                "heard", QuestionKind.MULTIPLE, _("How did you hear of the vote?"), choices=heard
            ),
            _satisfaction(_("How satisfied are you with the buurtbudget so far?")),
            *_demographics(edition),
        ),
    )


def _initiator(title: Label, moment: Label) -> SurveyTemplate:
    return SurveyTemplate(
        title,
        moment,
        (
            _good_scale("cooperation", _("How did the cooperation with the district go?")),
            *_stuck(_("Where did you get stuck, if anywhere?")),
            _satisfaction(_("How satisfied are you with how your project went so far?")),
        ),
    )


def _panel() -> SurveyTemplate:
    again = (("yes", _("Yes")), ("maybe", _("Maybe")), ("no", _("No")))
    return SurveyTemplate(
        _("How was the citizens' panel?"),
        _("You took part in the panel: tell us how it went, so the next panel works better."),
        (
            _good_scale("informed", _("How well were you informed about the plans?")),
            _good_scale("heard", _("Could you say what you wanted in the sessions?")),
            QuestionTemplate("again", QuestionKind.SINGLE, _("Would you join a panel again?"), choices=again),
            QuestionTemplate("better", QuestionKind.TEXT, _("What could be better?")),
            _satisfaction(_("How satisfied are you with the panel's decision?")),
        ),
    )


def _official() -> SurveyTemplate:
    return SurveyTemplate(
        _("How did this edition go for the district?"),
        _("For the officials of the district, at the end of the edition."),
        (
            _good_scale("cooperation", _("How did the cooperation with the residents go?")),
            *_stuck(_("Where did the edition get stuck, if anywhere?")),
            _satisfaction(_("How satisfied are you with this edition?")),
        ),
    )


def _project_use(months: int) -> SurveyTemplate:
    use = (
        ("often", _("Often")),
        ("sometimes", _("Sometimes")),
        ("rarely", _("Rarely")),
        ("never", _("Never")),
    )
    return SurveyTemplate(
        _("A project in your neighbourhood, %(months)s months on") % {"months": months},
        _("This project was completed a while ago. Tell us whether it is used and what you think of it."),
        (
            QuestionTemplate("use", QuestionKind.SINGLE, _("Do you use it?"), choices=use, required=True),
            _satisfaction(_("How satisfied are you with the project?")),
            QuestionTemplate("remark", QuestionKind.TEXT, _("Anything else you want to tell us?")),
        ),
    )


def standard_survey(kind: SurveyKind, edition: Edition) -> SurveyTemplate:
    """The standard questionnaire of ``kind`` for ``edition`` (the age bands follow its minimum age)."""
    if kind == SurveyKind.VOTER:
        return _voter(edition)
    if kind == SurveyKind.INITIATOR_AGREEMENT:
        return _initiator(
            _("Your project: the agreement"), _("Now that the agreement is in force: how did it go?")
        )
    if kind == SurveyKind.INITIATOR_COMPLETION:
        return _initiator(_("Your project: completed"), _("Your project is completed: how did it go?"))
    if kind == SurveyKind.PANEL_MEMBER:
        return _panel()
    if kind == SurveyKind.OFFICIAL:
        return _official()
    return _project_use(6 if kind == SurveyKind.PROJECT_USE_6 else 12)
