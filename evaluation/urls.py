"""URLs of the learning programme (namespace ``evaluation``), mounted at /evaluatie/.

Each part keeps its routes in its own block below. The edition's report (``<slug>/``) comes last: it
matches any single path segment, so the fixed ones (``mijn-enquetes/``, …) must be tried first.
"""

from django.urls import URLPattern, URLResolver, path

from .costs import views as costs
from .lessons import views as lessons
from .report import views as report

app_name = "evaluation"
urlpatterns: list[URLPattern | URLResolver] = [
    # The learning report: per edition, across a municipality's editions; PDF and open data.
    path("gemeente/<slug:slug>/", report.municipality, name="municipality"),
    path("gemeente/<slug:slug>/rapport.pdf", report.municipality_as_pdf, name="municipality_pdf"),
    path("<slug:slug>/rapport.pdf", report.edition_as_pdf, name="report_pdf"),
    path("<slug:slug>/herberekenen/", report.recompute, name="recompute"),
    # The reference population (per district).
    # Live turnout while residents vote.
    # Surveys: answering, the district's editing, invitations.
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
