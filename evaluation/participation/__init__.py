"""Who took part against who lives there: the participation figures, representativeness, live turnout."""
