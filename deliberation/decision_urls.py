"""URLs of the panel's decision (namespace ``panel_decision``), mounted at /panel/."""

from django.urls import path

from .views import ballot_round

app_name = "panel_decision"
urlpatterns = [
    path("<slug:slug>/stemronde/", ballot_round.round_page, name="round"),
    path("<slug:slug>/stemronde/kaarten/", ballot_round.cards, name="cards"),
    path("<slug:slug>/stemronde/tablet/", ballot_round.tablet, name="tablet"),
    path("<slug:slug>/stemronde/tablet/<int:card>/", ballot_round.tablet_ballot, name="tablet_ballot"),
    path("<slug:slug>/stemmen/", ballot_round.vote, name="vote"),
    path("<slug:slug>/stemmen/stembiljet/", ballot_round.ballot, name="ballot"),
]
