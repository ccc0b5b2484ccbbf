"""The vote's URLs (namespace ``voting``): the resident's pages under /stemmen/<edition>/ and the
officials' pages under /stemming/<edition>/ (English: under /en/)."""

from django.urls import URLPattern, path

from .kiosk import views as kiosk
from .views import ballot, letters, manage, overview, paper, paper_ballot, register

app_name = "voting"

urlpatterns: list[URLPattern] = [
    path("stemmen/", overview.overview, name="overview"),
    path("stemmen/<slug:slug>/", ballot.start, name="start"),
    path("stemmen/<slug:slug>/stembiljet/", ballot.ballot, name="ballot"),
    path("stemmen/<slug:slug>/e-mail/", register.request_code, name="email"),
    path("stemmen/<slug:slug>/e-mail/code/", register.verify_code, name="email_code"),
    path("stemmen/<slug:slug>/papieren-stembiljet/", paper_ballot.paper_ballot, name="paper_ballot"),
    path("stemming/<slug:slug>/", manage.manage, name="manage"),
    path("stemming/<slug:slug>/adressen/", manage.import_address_list, name="import_addresses"),
    path("stemming/<slug:slug>/register/", manage.import_resident_register, name="import_register"),
    path("stemming/<slug:slug>/codes/", manage.issue, name="issue_codes"),
    path("stemming/<slug:slug>/brieven/<int:pk>/", letters.download_letters, name="download_letters"),
    path(
        "stemming/<slug:slug>/brieven/<int:pk>/vernietigen/", letters.destroy_letters, name="destroy_letters"
    ),
    path("stemming/<slug:slug>/brief-opnieuw/", manage.reissue, name="reissue"),
    path("stemming/<slug:slug>/sluiten/", manage.close_early, name="close"),
    path("stemming/<slug:slug>/stembus/", manage.set_up_box, name="set_up_box"),
    path("stemming/<slug:slug>/kiosk/", kiosk.turn_on, name="kiosk_on"),
    path("stemming/<slug:slug>/kiosk/uit/", kiosk.turn_off, name="kiosk_off"),
    path("stemming/<slug:slug>/papier/", paper.paper, name="paper"),
    path("stemming/<slug:slug>/papier/tweede-invoer/", paper.paper_confirm, name="paper_confirm"),
    path(
        "stemming/<slug:slug>/papier/tweede-invoer/<int:pk>/",
        paper.paper_confirm_entry,
        name="paper_confirm_entry",
    ),
    path("stemming/<slug:slug>/papier/controle/", paper.paper_review, name="paper_review"),
    path(
        "stemming/<slug:slug>/papier/controle/<int:pk>/", paper.paper_review_entry, name="paper_review_entry"
    ),
]
