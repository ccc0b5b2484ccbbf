"""The panel services, by topic: recruitment, the draw, members."""
