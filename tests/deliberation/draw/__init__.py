"""Tests of deliberation/draw/."""
