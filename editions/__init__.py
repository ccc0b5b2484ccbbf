"""Editions: one round of participatory budgeting in a district, its budgets, themes and phases."""
