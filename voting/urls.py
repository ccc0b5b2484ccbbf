"""The resident's voting pages, under /stemmen/<edition>/ (English: /en/stemmen/<edition>/)."""

from django.urls import URLPattern, path

from .views import ballot, register

app_name = "voting"

urlpatterns: list[URLPattern] = [
    path("<slug:slug>/", ballot.start, name="start"),
    path("<slug:slug>/stembiljet/", ballot.ballot, name="ballot"),
    path("<slug:slug>/e-mail/", register.request_code, name="email"),
    path("<slug:slug>/e-mail/code/", register.verify_code, name="email_code"),
]
