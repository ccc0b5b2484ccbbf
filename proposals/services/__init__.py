"""State changes for plans, by topic; every one is typed, keyword-only and one transaction."""
