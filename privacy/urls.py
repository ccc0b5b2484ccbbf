"""URLs for privacy (namespace ``privacy``), mounted at /privacy/."""

from django.urls import path

from .views import mine, statement

app_name = "privacy"
urlpatterns = [
    path("", statement.statement, name="statement"),
    path("mijn-gegevens/", mine.my_data, name="my_data"),
    path("mijn-gegevens/download/", mine.download, name="download"),
    path("account-verwijderen/", mine.delete, name="delete"),
    path("account-verwijderd/", mine.deleted, name="deleted"),
]
