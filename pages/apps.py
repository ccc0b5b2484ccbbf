"""App configuration for pages."""

from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "pages"
