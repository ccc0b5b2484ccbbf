"""Routes of the development track's workshops (namespace ``development``, mounted at /ontwikkelen/)."""

from django.urls import URLPattern, path

from . import views

urlpatterns: list[URLPattern] = [
    path("<slug:slug>/planwerkplaatsen/", views.workshops, name="workshops"),
    path("<slug:slug>/planwerkplaatsen/<int:pk>/aanmelden/", views.sign_up, name="workshop_sign_up"),
    path(
        "<slug:slug>/planwerkplaatsen/<int:pk>/afmelden/",
        views.cancel_sign_up,
        name="workshop_cancel_sign_up",
    ),
    path("<slug:slug>/planwerkplaatsen/beheer/", views.manage, name="manage_workshops"),
    path("<slug:slug>/planwerkplaatsen/beheer/<int:pk>/", views.edit, name="edit_workshop"),
    path("<slug:slug>/planwerkplaatsen/beheer/<int:pk>/annuleren/", views.cancel, name="cancel_workshop"),
    path(
        "<slug:slug>/planwerkplaatsen/beheer/aanwezigheid/<int:pk>/",
        views.attendance,
        name="workshop_attendance",
    ),
]
