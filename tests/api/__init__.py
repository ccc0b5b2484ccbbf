"""Tests of the JSON API (api/)."""
