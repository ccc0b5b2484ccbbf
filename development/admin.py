"""The development track in the Django admin: each sub-domain registers its own models."""

from .coaching import admin as coaching_admin
from .ideas import admin as ideas_admin
from .workshops import admin as workshops_admin

__all__ = ["coaching_admin", "ideas_admin", "workshops_admin"]
