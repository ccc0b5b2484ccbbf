"""The admin at /beheer/: every model scoped by district, every change audited, phase dates by service."""
