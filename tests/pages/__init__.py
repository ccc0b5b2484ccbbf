"""Tests for the pages app."""
