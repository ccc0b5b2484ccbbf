"""Tests of the review app: services, views, shortlist and publication."""
