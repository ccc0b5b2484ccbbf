"""URLs of the learning programme (namespace ``evaluation``), mounted at /evaluatie/.

Each part keeps its routes in its own block below.
"""

from django.urls import URLPattern, URLResolver, path

from .opendata import views as opendata

app_name = "evaluation"
urlpatterns: list[URLPattern | URLResolver] = [
    # The learning report: per edition, across a municipality's editions; PDF and open data.
    path("<slug:slug>/open-data.zip", opendata.open_data, name="open_data"),
    # The reference population (per district).
    # Live turnout while residents vote.
    # Surveys: answering, the district's editing, invitations.
    # Lessons and the cost of running an edition.
]
