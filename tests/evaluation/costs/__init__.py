"""Tests of evaluation.costs."""
