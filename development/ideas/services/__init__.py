"""State changes for ideas, by topic; every one is typed, keyword-only and one transaction."""
