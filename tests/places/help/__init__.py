"""Tests of the help sub-domain: services, pages and admin scoping."""
