"""Benchmarks, each run as a script: ``.venv/bin/python bench/<name>.py`` (see docs/benchmarks.md)."""
