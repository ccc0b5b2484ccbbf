"""Tests of evaluation.lessons."""
