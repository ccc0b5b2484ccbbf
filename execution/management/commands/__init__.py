"""Management commands of the execution app."""
