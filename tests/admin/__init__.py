"""The admin at /beheer/: district rules, audited changes, phase dates by service."""
