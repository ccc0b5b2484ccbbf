"""Reads of the privacy app: a resident's own data, gathered from every app."""

from .export import personal_data

__all__ = ["personal_data"]
