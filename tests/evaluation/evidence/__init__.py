"""Tests of evaluation.evidence."""
