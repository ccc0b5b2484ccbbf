"""Template filters for plans."""
