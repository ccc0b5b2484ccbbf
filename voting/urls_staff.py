"""URLs of the officials' vote pages (namespace ``voting_staff``), mounted at /stemming/."""

from django.urls import path

from .views_staff import manage, paper

app_name = "voting_staff"

urlpatterns = [
    path("<slug:slug>/", manage.manage, name="manage"),
    path("<slug:slug>/adressen/", manage.import_address_list, name="import_addresses"),
    path("<slug:slug>/register/", manage.import_resident_register, name="import_register"),
    path("<slug:slug>/codes/", manage.issue, name="issue_codes"),
    path("<slug:slug>/brieven/<int:pk>/", manage.download_letters, name="download_letters"),
    path("<slug:slug>/brieven/<int:pk>/vernietigen/", manage.destroy_letters, name="destroy_letters"),
    path("<slug:slug>/brief-opnieuw/", manage.reissue, name="reissue"),
    path("<slug:slug>/sluiten/", manage.close_early, name="close"),
    path("<slug:slug>/stembus/", manage.set_up_box, name="set_up_box"),
    path("<slug:slug>/papier/", paper.paper, name="paper"),
    path("<slug:slug>/papier/tweede-invoer/", paper.paper_confirm, name="paper_confirm"),
    path("<slug:slug>/papier/tweede-invoer/<int:pk>/", paper.paper_confirm_entry, name="paper_confirm_entry"),
    path("<slug:slug>/papier/controle/", paper.paper_review, name="paper_review"),
    path("<slug:slug>/papier/controle/<int:pk>/", paper.paper_review_entry, name="paper_review_entry"),
]
