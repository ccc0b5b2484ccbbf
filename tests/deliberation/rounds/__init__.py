"""Tests of deliberation/rounds/."""
