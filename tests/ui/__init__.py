"""Tests for the ui app."""
