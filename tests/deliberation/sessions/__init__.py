"""Tests of deliberation/sessions/."""
