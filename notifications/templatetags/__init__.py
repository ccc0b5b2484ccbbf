"""Template tags for notifications."""
