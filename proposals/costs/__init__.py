"""Typical costs learnt from reviewed plans of earlier editions: terms, statistics and their display."""
