"""Registrations of the top layer: the one Edition admin (composed in ``backoffice.editions``)."""

from __future__ import annotations

from django.contrib import admin

from editions.models import Edition

from .editions import EditionAdmin

admin.site.register(Edition, EditionAdmin)
