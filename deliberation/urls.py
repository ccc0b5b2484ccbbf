"""URLs of the citizens' panel (namespace ``deliberation``), mounted at /panel/."""

from django.urls import path

from .draw.views import draw, public
from .recruitment.views import manage, sign_up
from .rounds import views as rounds
from .sessions import views as sessions

app_name = "deliberation"
urlpatterns = [
    # Recruitment: the resident's sign-up and the facilitator's werving page.
    path("<slug:slug>/aanmelden/", sign_up.sign_up, name="sign_up"),
    path("<slug:slug>/aanmelden/bedankt/", sign_up.signed_up, name="signed_up"),
    path("<slug:slug>/werving/", manage.manage, name="recruitment"),
    path("<slug:slug>/werving/kenmerk/", manage.new_feature, name="add_feature"),
    path("<slug:slug>/werving/inwoners/", manage.population, name="population"),
    path("<slug:slug>/werving/pool/", manage.pool_file, name="pool_file"),
    path("<slug:slug>/werving/uitnodigingen/", manage.invite, name="invite"),
    path("<slug:slug>/werving/brieven/<int:batch>/", manage.download_letters, name="download_letters"),
    path(
        "<slug:slug>/werving/brieven/<int:batch>/vernietigen/", manage.destroy_letters, name="destroy_letters"
    ),
    # The draw, and the published panel.
    path("<slug:slug>/", public.panel, name="panel"),
    path("<slug:slug>/bestanden/<str:filename>", public.download, name="download"),
    path("<slug:slug>/loting/", draw.draw, name="draw"),
    path("<slug:slug>/quota/", draw.quotas, name="quotas"),
    path("<slug:slug>/loting/lid/<int:pk>/vervangen/", draw.replace, name="replace"),
    # Work sessions, the officials' questions, and the public meetings.
    path("<slug:slug>/sessies/", sessions.session_list, name="sessions"),
    path("<slug:slug>/sessies/materiaal/", sessions.materials, name="materials"),
    path("<slug:slug>/sessies/<int:number>/", sessions.session_detail, name="session"),
    path("<slug:slug>/vragen/", sessions.questions, name="questions"),
    path("<slug:slug>/bijeenkomsten/", sessions.public, name="meetings"),
    # Ballot rounds: the facilitator's round, cards and tablet; the member's own phone.
    path("<slug:slug>/stemronde/", rounds.round_page, name="round"),
    path("<slug:slug>/stemronde/kaarten/", rounds.cards, name="cards"),
    path("<slug:slug>/stemronde/tablet/", rounds.tablet, name="tablet"),
    path("<slug:slug>/stemronde/tablet/<int:card>/", rounds.tablet_ballot, name="tablet_ballot"),
    path("<slug:slug>/stemmen/", rounds.vote, name="vote"),
    path("<slug:slug>/stemmen/stembiljet/", rounds.ballot, name="ballot"),
]
