"""Tests of deliberation/recruitment/."""
