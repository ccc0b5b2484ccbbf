"""Tests of outcomes/services/."""
