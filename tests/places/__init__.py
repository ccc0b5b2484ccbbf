"""Tests for the places app."""
