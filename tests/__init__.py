"""Tests for Buurtbudget; the folders mirror the apps (STYLE.md rule 12)."""
