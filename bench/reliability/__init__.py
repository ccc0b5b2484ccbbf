"""The reliability suite: the production topology (deploy/local) under races, crashes, outages and load.

docs/reliability.md says what each part proves, how to run it, and the figures measured.
"""
