"""URLs for plans (namespace ``proposals``)."""

from django.urls import path

from .costs import views as costs
from .views import discussion, invitations, own_plans, public, wizard

app_name = "proposals"
urlpatterns = [
    path("", public.plan_list, name="list"),
    path("nieuw/<slug:slug>/", wizard.start, name="start"),
    path("mijn-plannen/", own_plans.my_plans, name="my_plans"),
    path("uitnodiging/<str:token>/", invitations.invitation, name="invitation"),
    path("<int:pk>/bewerken/<slug:step>/", wizard.edit, name="edit"),
    path("<int:pk>/afbeeldingen/<int:image_pk>/verwijderen/", wizard.remove_image, name="remove_image"),
    path("<int:pk>/intrekken/", own_plans.withdraw, name="withdraw"),
    path("<int:pk>/verwijderen/", own_plans.delete, name="delete"),
    path("<int:pk>/versies/<int:number>/", public.revision, name="revision"),
    # Support and discussion (views/discussion.py)
    path("<int:pk>/steunen/", discussion.like, name="like"),
    path("<int:pk>/steun-intrekken/", discussion.unlike, name="unlike"),
    path("<int:pk>/reageren/", discussion.comment, name="comment"),
    path("reacties/<int:comment_id>/melden/", discussion.report, name="report_comment"),
    path("reacties/<int:comment_id>/verbergen/", discussion.hide, name="hide_comment"),
    path("reacties/<int:comment_id>/meldingen-afwijzen/", discussion.dismiss, name="dismiss_reports"),
    path("moderatie/", discussion.moderation, name="moderation"),
    # Typical costs from reviewed plans of earlier editions (costs/)
    path("kosten-suggesties/<slug:slug>/", costs.suggestions, name="cost_suggestions"),
]
