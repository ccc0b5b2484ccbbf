"""Routes of the development track's coaching (namespace ``development``, mounted at /ontwikkelen/)."""

from django.urls import URLPattern, path

from . import views

urlpatterns: list[URLPattern] = [
    path("mijn-begeleiding/", views.my_coaching, name="my_coaching"),
    path("begeleiding/<int:pk>/", views.coaching, name="coaching"),
    path("begeleiding/<int:pk>/stap/", views.mark_step, name="coaching_step"),
    path("begeleiding/<int:pk>/stap/<slug:step>/ongedaan/", views.undo_step, name="coaching_step_undo"),
    path("begeleiding/<int:pk>/beeindigen/", views.end_coaching, name="coaching_end"),
    path("partners/<int:pk>/coach/", views.add_partner_coach, name="partner_coach"),
    path("partners/<int:pk>/beeindigen/", views.end_partner, name="partner_end"),
    path("<slug:district>/partners/", views.partners, name="partners"),
    path("<slug:slug>/begeleiding/", views.desk, name="desk"),
]
