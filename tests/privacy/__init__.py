"""Tests of privacy: the retention table, the statement, the download and deleting an account."""
