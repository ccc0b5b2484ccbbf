"""URLs for accounts (namespace ``accounts``)."""

from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("registreren/", views.register, name="register"),
    path("inloggen/", views.LoginView.as_view(), name="login"),
    path("inloglink/", views.request_login_link, name="login_link_request"),
    path("inloglink/<str:token>/", views.use_login_link, name="login_link"),
    path("uitloggen/", views.LogoutView.as_view(), name="logout"),
    path("", views.profile, name="profile"),
]
