"""Template tags of execution."""
