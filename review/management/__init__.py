"""Management commands of the review app."""
