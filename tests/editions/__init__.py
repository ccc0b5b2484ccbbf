"""Tests for the editions app."""
