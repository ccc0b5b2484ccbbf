"""Carrying out: how many of an edition's projects were completed or stopped, and where the money went."""
