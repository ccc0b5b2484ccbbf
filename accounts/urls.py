"""URLs for accounts (namespace ``accounts``)."""

from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("registreren/", views.register, name="register"),
    path("inloggen/", views.LoginView.as_view(), name="login"),
    path("inloglink/", views.request_login_link, name="login_link_request"),
    path("inloglink/<str:token>/", views.use_login_link, name="login_link"),
    path("taal/", views.choose_language, name="language"),
    path("uitloggen/", views.LogoutView.as_view(), name="logout"),
    path("bevestigen/opnieuw/", views.resend_verification, name="resend_verification"),
    path("bevestigen/<str:token>/", views.verify_email, name="verify_email"),
    path("wachtwoord/", views.PasswordChangeView.as_view(), name="password_change"),
    path("wachtwoord-vergeten/", views.PasswordResetView.as_view(), name="password_reset"),
    path("wachtwoord-vergeten/verzonden/", views.PasswordResetSentView.as_view(), name="password_reset_sent"),
    path(
        "wachtwoord-herstellen/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("", views.profile, name="profile"),
]
