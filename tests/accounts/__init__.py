"""Tests for the accounts app."""
