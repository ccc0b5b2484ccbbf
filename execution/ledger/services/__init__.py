"""Writes of the money ledger, one module per topic: payments, expenses, district decisions, the import."""
