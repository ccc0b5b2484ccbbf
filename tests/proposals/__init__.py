"""Tests for the proposals app."""
