"""App configuration for ui."""

from django.apps import AppConfig


class UiConfig(AppConfig):
    name = "ui"
