"""URLs of the learning programme (namespace ``evaluation``), mounted at /evaluatie/.

Each part keeps its routes in its own block below. The edition's report (``<slug>/``) comes last: it
matches any single path segment, so the fixed ones (``mijn-enquetes/``, …) must be tried first.
"""

from django.urls import URLPattern, URLResolver, path

from .costs import views as costs
from .lessons import views as lessons
from .opendata import views as opendata
from .participation import views as participation
from .population import views as population
from .report import views as report
from .surveys.views import answering as survey_answering
from .surveys.views import editing as survey_editing
from .surveys.views import mine as survey_mine
from .surveys.views import results as survey_results

app_name = "evaluation"
urlpatterns: list[URLPattern | URLResolver] = [
    # The learning report: per edition, across a municipality's editions; PDF and open data.
    path("<slug:slug>/open-data.zip", opendata.open_data, name="open_data"),
    path("gemeente/<slug:slug>/", report.municipality, name="municipality"),
    path("gemeente/<slug:slug>/rapport.pdf", report.municipality_as_pdf, name="municipality_pdf"),
    path("<slug:slug>/rapport.pdf", report.edition_as_pdf, name="report_pdf"),
    path("<slug:slug>/herberekenen/", report.recompute, name="recompute"),
    # The reference population (per district).
    path("bevolking/<slug:district>/", population.population, name="population"),
    path(
        "bevolking/<slug:district>/sjabloon.csv", population.population_template, name="population_template"
    ),
    # Live turnout while residents vote.
    path("<slug:slug>/opkomst/", participation.live, name="live_turnout"),
    # Surveys: answering, the district's editing, invitations. ("mijn-enquetes/" must come before
    # any "<slug:slug>/" route, or it is read as an edition's slug.)
    path("mijn-enquetes/", survey_mine.my_surveys, name="my_surveys"),
    path("enquete/<int:pk>/", survey_answering.answer, name="answer"),
    path("enquete/<int:pk>/project/<int:project>/", survey_answering.answer_project, name="answer_project"),
    path("enquete/<int:pk>/stemmer/", survey_answering.answer_voter, name="answer_voter"),
    path("enquete/<int:pk>/panel/<str:token>/", survey_answering.answer_panel, name="answer_panel"),
    path("<slug:slug>/enquetes/", survey_editing.surveys, name="surveys"),
    path("<slug:slug>/enquetes/<slug:kind>/", survey_editing.survey, name="survey"),
    path("<slug:slug>/enquetes/<slug:kind>/vraag/", survey_editing.question, name="question_add"),
    path("<slug:slug>/enquetes/<slug:kind>/vraag/<int:pk>/", survey_editing.question, name="question"),
    path(
        "<slug:slug>/enquetes/<slug:kind>/vraag/<int:pk>/actie/",
        survey_editing.question_action,
        name="question_action",
    ),
    path("<slug:slug>/enquetes/<slug:kind>/resultaten/", survey_results.results, name="survey_results"),
    # Lessons and the cost of running an edition.
    path("<slug:slug>/lessen/", lessons.register, name="lessons"),
    path("<slug:slug>/lessen/<int:pk>/", lessons.edit, name="lesson_edit"),
    path("<slug:slug>/lessen/<int:pk>/verwijderen/", lessons.remove, name="lesson_remove"),
    path("<slug:slug>/lessen/<int:pk>/verplaatsen/", lessons.move, name="lesson_move"),
    path("<slug:slug>/kosten/", costs.costs, name="costs"),
    path("<slug:slug>/kosten/<int:pk>/verwijderen/", costs.remove, name="cost_remove"),
    # Last: the edition's learning report (any single segment).
    path("<slug:slug>/", report.edition, name="report"),
]
