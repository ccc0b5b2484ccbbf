"""Surveys of the learning programme: standard questionnaires, one-time anonymous answers, results."""
