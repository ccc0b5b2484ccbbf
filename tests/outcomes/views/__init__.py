"""Tests of outcomes/views/."""
