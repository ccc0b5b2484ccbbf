"""Tests of the outcomes app."""
