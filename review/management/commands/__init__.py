"""Commands: publish_due_verdicts."""
