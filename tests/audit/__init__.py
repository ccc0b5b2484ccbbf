"""Tests of the append-only audit log."""
