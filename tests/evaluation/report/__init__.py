"""Tests of evaluation.report."""
