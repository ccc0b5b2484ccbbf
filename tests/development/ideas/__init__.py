"""Tests of ideas: posting, support, comments, people, and the plan an idea becomes."""
