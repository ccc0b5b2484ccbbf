"""Tests of the results page's money part (outcomes.money)."""
