"""Management commands of the learning programme."""
