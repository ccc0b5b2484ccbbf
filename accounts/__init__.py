"""Accounts: residents and staff, login (password or e-mail link) and staff roles per district."""
