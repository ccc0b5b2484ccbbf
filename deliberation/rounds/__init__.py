"""The panel's ballot rounds: cards with codes, one ballot per card, on a phone or a shared tablet."""
