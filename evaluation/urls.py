"""URLs of the learning programme (namespace ``evaluation``), mounted at /evaluatie/.

Each part keeps its routes in its own block below.
"""

from django.urls import URLPattern, URLResolver, path

from .participation import views as participation
from .population import views as population

app_name = "evaluation"
urlpatterns: list[URLPattern | URLResolver] = [
    # The learning report: per edition, across a municipality's editions; PDF and open data.
    # The reference population (per district).
    path("bevolking/<slug:district>/", population.population, name="population"),
    path(
        "bevolking/<slug:district>/sjabloon.csv", population.population_template, name="population_template"
    ),
    # Live turnout while residents vote.
    path("<slug:slug>/opkomst/", participation.live, name="live_turnout"),
    # Surveys: answering, the district's editing, invitations.
    # Lessons and the cost of running an edition.
]
