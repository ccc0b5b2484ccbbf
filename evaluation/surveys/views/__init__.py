"""Pages of the surveys: the officials' editing and results, answering, and "my surveys"."""
