"""Views of the privacy app."""
