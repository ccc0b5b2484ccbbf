"""Commands: issue_codes."""
