"""Tests that walk several apps: an edition from one step of its cycle to the next."""
