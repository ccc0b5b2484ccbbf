"""Management commands of the voting app."""
