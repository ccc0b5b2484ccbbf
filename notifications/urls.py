"""URLs for notifications in the account (namespace ``notifications``)."""

from django.urls import path

from . import views

app_name = "notifications"
urlpatterns = [
    path("", views.notification_list, name="list"),
    path("gelezen/", views.mark_all_read, name="mark_all_read"),
]
