"""The money ledger: payments, expenses with receipts, district decisions, the finance import, summaries."""
