"""Editions and decision models side by side, read only from the editions' stored evidence."""
