"""Tests of the vote's pages, one module per views module."""
