"""Privacy: the retention table, the privacy statement, and each resident's own data (download, delete)."""
