"""The retention purge run over the whole demo world."""
