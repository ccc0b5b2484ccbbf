"""Writes of the privacy app: deleting a resident's account."""
