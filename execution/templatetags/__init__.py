"""Template tags of carrying out."""
