"""URLs for plans (namespace ``proposals``)."""

from django.urls import path

from .views import discussion, public, submission

app_name = "proposals"
urlpatterns = [
    path("", public.plan_list, name="list"),
    path("nieuw/<slug:edition_slug>/", submission.start, name="start"),
    path("mijn-plannen/", submission.my_plans, name="my_plans"),
    path("uitnodiging/<str:token>/", submission.invitation, name="invitation"),
    path("<int:pk>/bewerken/<slug:step>/", submission.edit, name="edit"),
    path("<int:pk>/afbeeldingen/<int:image_pk>/verwijderen/", submission.remove_image, name="remove_image"),
    path("<int:pk>/intrekken/", submission.withdraw, name="withdraw"),
    path("<int:pk>/verwijderen/", submission.delete, name="delete"),
    path("<int:pk>/versies/<int:number>/", submission.revision, name="revision"),
    # Support and discussion (views/discussion.py)
    path("<int:pk>/steunen/", discussion.like, name="like"),
    path("<int:pk>/steun-intrekken/", discussion.unlike, name="unlike"),
    path("<int:pk>/reageren/", discussion.comment, name="comment"),
    path("reacties/<int:comment_id>/melden/", discussion.report, name="report_comment"),
    path("reacties/<int:comment_id>/verbergen/", discussion.hide, name="hide_comment"),
    path("reacties/<int:comment_id>/meldingen-afwijzen/", discussion.dismiss, name="dismiss_reports"),
    path("moderatie/", discussion.moderation, name="moderation"),
]
