"""Scheduled work in one place: the job registry, their schedules and the loop running each once per slot."""
