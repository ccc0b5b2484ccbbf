"""Tests of the learning programme (evaluation)."""
