"""Tests of evaluation.comparison."""
