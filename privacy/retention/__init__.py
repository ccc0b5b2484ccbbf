"""Retention: the one table of what is kept and how long, which columns hold it, and the purge."""

from .table import RETENTION, YEAR, Basis, Group, Retention, Start, retention_of

__all__ = ["RETENTION", "YEAR", "Basis", "Group", "Retention", "Start", "retention_of"]
