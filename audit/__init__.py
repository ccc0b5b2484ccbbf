"""Append-only log of staff actions: who did what, when, to which object, before and after."""
