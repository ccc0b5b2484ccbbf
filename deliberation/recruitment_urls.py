"""URLs of panel recruitment (namespace ``panel_recruitment``), mounted at /panel/."""

from django.urls import path

from .views_recruitment import manage, sign_up

app_name = "panel_recruitment"

urlpatterns = [
    path("<slug:slug>/aanmelden/", sign_up.sign_up, name="sign_up"),
    path("<slug:slug>/aanmelden/bedankt/", sign_up.signed_up, name="signed_up"),
    path("<slug:slug>/werving/", manage.manage, name="manage"),
    path("<slug:slug>/werving/kenmerk/", manage.new_feature, name="add_feature"),
    path("<slug:slug>/werving/inwoners/", manage.population, name="population"),
    path("<slug:slug>/werving/pool/", manage.pool_file, name="pool_file"),
    path("<slug:slug>/werving/uitnodigingen/", manage.invite, name="invite"),
    path("<slug:slug>/werving/brieven/<int:batch>/", manage.download_letters, name="download_letters"),
    path(
        "<slug:slug>/werving/brieven/<int:batch>/vernietigen/", manage.destroy_letters, name="destroy_letters"
    ),
]
