"""Arabic formats: see ``formats``."""
