"""Routes of the development track's ideas (namespace ``development``, mounted at /ontwikkelen/)."""

from django.urls import URLPattern, path

from . import views

urlpatterns: list[URLPattern] = [
    path("<slug:slug>/ideeen/", views.idea_list, name="ideas"),
    path("<slug:slug>/ideeen/nieuw/", views.new_idea, name="new_idea"),
    path("idee/<int:pk>/", views.idea_detail, name="idea"),
    path("idee/<int:pk>/bewerken/", views.edit_idea, name="edit_idea"),
    path("idee/<int:pk>/steunen/", views.support_idea, name="support_idea"),
    path("idee/<int:pk>/steun-intrekken/", views.withdraw_support, name="withdraw_idea_support"),
    path("idee/<int:pk>/reageren/", views.comment, name="comment_idea"),
    path("idee/<int:pk>/meedoen/", views.join, name="join_idea"),
    path("idee/<int:pk>/stoppen/", views.leave, name="leave_idea"),
    path("idee/<int:pk>/hulp-gevonden/", views.tick_off_need, name="idea_need_met"),
    path("idee/<int:pk>/plan-maken/", views.draft_plan, name="draft_plan_from_idea"),
    path("idee/<int:pk>/verbergen/", views.hide_idea, name="hide_idea"),
    path("idee-aanmelding/<int:member_id>/beantwoorden/", views.answer_join, name="answer_idea_join"),
    path("idee-reactie/<int:comment_id>/verbergen/", views.hide_comment, name="hide_idea_comment"),
]
